import { expect, openDraft, test } from './support'

test('the engine suggests moves with why; applying one is an ordinary, undoable edit', async ({
  page,
}) => {
  await openDraft(page, 'planner')
  const first = page.getByTestId('suggestion').first()
  await expect(first).toContainText(/\+\d+\.\d balance \(\d+\.\d → \d+\.\d\)/, {
    timeout: 30_000,
  })
  const proposal = await first.innerText()
  await first.hover()
  await page.screenshot({ path: 'tmp/e2e-results/suggestions-panel.png' })
  await first.getByTestId('apply-suggestion').click()
  await expect(page.getByTestId('undo')).toBeEnabled()
  // The list follows the plan: the applied move is gone from the top.
  await expect
    .poll(() => page.getByTestId('suggestion').first().innerText(), {
      timeout: 20_000,
    })
    .not.toBe(proposal)
  // Undo brings the plan, and so the same best move, back.
  await page.keyboard.press('Control+z')
  await expect
    .poll(() => page.getByTestId('suggestion').first().innerText(), {
      timeout: 20_000,
    })
    .toBe(proposal)
})
