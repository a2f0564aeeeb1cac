import { expect, test } from '@playwright/test'
import { openDraft } from './support'

test('collaborators see who is here and what they are working on, and see them leave', async ({
  browser,
}) => {
  // Two signed-in browsers drawing the map in software: slower than one.
  test.setTimeout(180_000)
  const planner = await (await browser.newContext()).newPage()
  const manager = await (await browser.newContext()).newPage()
  await openDraft(planner, 'planner')
  await openDraft(manager, 'manager')

  // Each sees the other's avatar, not their own. (Other tests' tabs may still be open, so
  // avatars are found by name.)
  const nameOf = async (page: typeof planner) =>
    (await page
      .getByTestId('user-menu')
      .locator('.top-bar__name')
      .textContent())!
  const managerName = await nameOf(manager)
  const plannerName = await nameOf(planner)
  const avatarOf = (page: typeof planner, name: string) =>
    page.locator(`[data-testid="presence-avatar"][title^="${name} — "]`)
  const plannerSees = avatarOf(planner, managerName)
  await expect(plannerSees).toHaveCount(1)
  await expect(plannerSees).toHaveAttribute(
    'title',
    `${managerName} — selecting`,
  )
  await expect(avatarOf(manager, plannerName)).toHaveCount(1)
  await expect(avatarOf(planner, plannerName)).toHaveCount(0)

  // The manager picks a territory and points at the map: the planner learns where.
  const row = manager.getByTestId('territory-row').nth(3)
  const territoryName = (await row
    .locator('.territory-row__name')
    .textContent())!.trim()
  await row.click()
  const map = manager.getByTestId('map')
  const box = (await map.boundingBox())!
  await manager.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55)
  await expect(plannerSees).toHaveAttribute(
    'title',
    `${managerName} — selecting in ${territoryName}`,
  )
  await planner.waitForTimeout(500)
  await planner.screenshot({
    path: 'tmp/e2e-results/presence-planner-view.png',
  })

  // Closing the tab removes the presence.
  await manager.context().close()
  await expect(plannerSees).toHaveCount(0, { timeout: 40_000 })
  await planner.context().close()
})
