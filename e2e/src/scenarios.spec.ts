import type { Page } from '@playwright/test'
import { openPlanDoc } from '@tessera/domain'
import { expect, rawClient, signIn, test } from './support'

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tmp/e2e-results/scenarios-${name}.png` })

test('a planner drafts a copy of the published alignment, renames it, compares it, archives and deletes drafts; a rep only reads the list', async ({
  page,
  browser,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000)
  await signIn(page, 'planner')
  await page.getByTestId('open-scenarios').click()
  const dialog = page.getByTestId('scenarios-dialog')
  await expect(dialog.getByTestId('scenario-row').first()).toBeVisible()
  // Every live scenario is scored: a balance score out of 100.
  await expect(
    dialog.getByTestId('scenario-row').filter({ hasText: 'Current alignment' }),
  ).toContainText(/\d+\.\d/)

  // A new draft from the published alignment opens at once, editable.
  await dialog.getByTestId('new-scenario-name').fill('Q3 what-if')
  await dialog.getByTestId('create-scenario').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('scenario-name')).toHaveValue(/scn_/)
  await expect(page.locator('.top-bar .badge--draft')).toBeVisible()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await expect(page.getByTestId('tool-paint')).toBeEnabled()

  // Renamed in the list; the top bar follows.
  await page.getByTestId('open-scenarios').click()
  const named = dialog
    .getByTestId('scenario-row')
    .filter({ hasText: 'Q3 what-if' })
  await expect(named).toContainText('Pat Planner')
  // (While renamed the row shows an input, not its name: found by id.)
  const row = dialog.locator(
    `[data-scenario-id="${await named.getAttribute('data-scenario-id')}"]`,
  )
  await row.getByRole('button', { name: 'Rename' }).click()
  await row.getByLabel('New name for Q3 what-if').fill('Q3 what-if, west')
  await row.getByRole('button', { name: 'Save' }).click()
  await expect(
    dialog.getByTestId('scenario-row').filter({ hasText: 'Q3 what-if, west' }),
  ).toBeVisible()
  await shot(page, '1-list')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(
    page.getByTestId('scenario-name').locator('option:checked'),
  ).toHaveText('Q3 what-if, west')

  // Another client moves five units of the draft to other territories over the hub (the
  // map follows live); then the draft is compared with the published alignment: what moved,
  // by rep and territory, and the CSV of it.
  const draftId = await page.getByTestId('scenario-name').inputValue()
  const other = await rawClient(context, baseURL!, `scenario:${draftId}`)
  const plan = openPlanDoc(other.doc, { canWrite: true })
  const owned = [...plan.assignments.entries()]
  const territoryIds = [...new Set(owned.map(([, t]) => t))]
  for (const [unit, t] of owned.slice(0, 5))
    plan.assignments.set(
      unit,
      territoryIds[(territoryIds.indexOf(t) + 1) % territoryIds.length]!,
    )
  await page.waitForTimeout(1000)
  other.provider.destroy()
  await page.getByTestId('open-scenarios').click()
  await dialog
    .getByTestId('scenario-row')
    .filter({ hasText: 'Q3 what-if, west' })
    .getByTestId('compare-scenario')
    .click()
  const compare = page.getByTestId('compare-dialog')
  await expect(compare).toContainText(
    /[1-9]\d* units? and [1-9][\d,]* accounts change territory/,
  )
  await expect(compare.getByTestId('rep-impact').first()).toBeVisible()
  await expect(compare.getByTestId('territory-delta').first()).toBeVisible()
  await shot(page, '1b-compare')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    compare.getByTestId('download-diff').click(),
  ])
  const csv = await (await download.createReadStream()).toArray()
  const text = Buffer.concat(csv).toString('utf8')
  expect(text.split('\r\n')[0]).toBe(
    'account_external_id,account_name,from_territory,from_rep,to_territory,to_rep,potential,workload_minutes,sales_12m',
  )
  expect(text.split('\r\n').length).toBeGreaterThan(2)
  await compare.getByRole('button', { name: 'Close' }).click()

  // A second draft, copied from the first, then deleted (it was the open one: the
  // published alignment opens instead).
  await page.getByTestId('open-scenarios').click()
  await dialog.getByTestId('new-scenario-name').fill('Throwaway')
  await dialog
    .getByTestId('new-scenario-from')
    .selectOption({ label: 'Q3 what-if, west' })
  await dialog.getByTestId('create-scenario').click()
  await expect(dialog).toBeHidden()
  await page.getByTestId('open-scenarios').click()
  const throwaway = dialog
    .getByTestId('scenario-row')
    .filter({ hasText: 'Throwaway' })
  await throwaway.getByRole('button', { name: 'Delete' }).click()
  await throwaway.getByTestId('confirm-delete-scenario').click()
  await expect(throwaway).toHaveCount(0)
  await expect(page.locator('.top-bar .badge--published')).toBeVisible()

  // Archiving the first keeps it, out of the way.
  const q3 = dialog
    .getByTestId('scenario-row')
    .filter({ hasText: 'Q3 what-if, west' })
  await q3.getByRole('button', { name: 'Archive' }).click()
  await expect(q3).toHaveCount(0)
  await dialog.getByLabel(/Show archived/).check()
  await expect(q3).toContainText('Archived')

  // A rep sees the list, with no way to change it.
  const rep = await (await browser.newContext()).newPage()
  await signIn(rep, 'rep')
  await rep.getByTestId('open-scenarios').click()
  const repDialog = rep.getByTestId('scenarios-dialog')
  await expect(repDialog.getByTestId('scenario-row').first()).toBeVisible()
  await expect(repDialog.getByTestId('new-scenario-name')).toHaveCount(0)
  await expect(repDialog.getByRole('button', { name: 'Rename' })).toHaveCount(0)
  await shot(rep, '2-rep-list')
})
