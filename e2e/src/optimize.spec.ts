import { expect, signIn, test } from './support'

test('a planner auto-designs territories in the background and opens the draft', async ({
  page,
}) => {
  await signIn(page, 'planner')
  await page.getByRole('button', { name: 'Optimize…' }).click()
  const dialog = page.getByTestId('optimize-dialog')
  await expect(dialog).toBeVisible()

  // Bad input is caught before anything is sent.
  await dialog.getByRole('textbox', { name: 'Territories' }).fill('0')
  await expect(dialog.getByRole('alert')).toContainText('Territories')
  await expect(dialog.getByRole('button', { name: 'Design' })).toBeDisabled()

  await dialog.getByRole('textbox', { name: 'Territories' }).fill('12')
  await dialog.getByLabel('Tolerance ± %').fill('5')
  await dialog.getByRole('button', { name: 'Design' }).click()
  const progress = dialog.getByTestId('optimize-progress')
  await expect(progress).toBeVisible()
  // While it works: the progress bar and the cancel button (an artifact to look at).
  await page.screenshot({ path: 'tmp/e2e-results/optimize-running.png' })
  await expect(progress).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  })
  await expect(dialog.getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    '100',
  )
  await expect(progress).toContainText('every territory in one piece')
  await page.screenshot({ path: 'tmp/e2e-results/optimize-done.png' })

  await dialog.getByRole('button', { name: 'Open the draft' }).click()
  await expect(dialog).toBeHidden()
  // The scenario picker now shows the new draft as the chosen one.
  await expect
    .poll(() =>
      page
        .getByTestId('scenario-name')
        .evaluate((el) =>
          el instanceof HTMLSelectElement
            ? (el.selectedOptions[0]?.textContent ?? '')
            : (el.textContent ?? ''),
        ),
    )
    .toContain('Auto-design: 12 territories')
  await expect(page.getByTestId('territory-row')).toHaveCount(12)
})

test('a rep cannot start an optimization', async ({ page }) => {
  await signIn(page, 'rep')
  await expect(page.getByRole('button', { name: 'Optimize…' })).toHaveCount(0)
})
