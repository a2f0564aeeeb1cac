import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { openPlanDoc, readPlanState } from '@tessera/domain'
import { expect, rawClient, signIn, test } from './support'

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tmp/e2e-results/review-${name}.png` })

/** The signed-in user, as the API tells it. */
const whoAmI = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/trpc/auth.me')
    const body = (await res.json()) as {
      result: { data: { repId: string; displayName: string } }
    }
    return body.result.data
  })

/** A GET query of the API from the page (its session cookie rides along). */
const query = <T>(page: Page, path: string, input: unknown) =>
  page.evaluate(
    async ([p, i]) => {
      const res = await fetch(
        `/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`,
      )
      return ((await res.json()) as { result: { data: unknown } }).result.data
    },
    [path, input] as const,
  ) as Promise<T>

const accountsOf = async (page: Page, territoryName: string) =>
  Number(
    (
      await page
        .getByTestId('territory-row')
        .filter({ hasText: territoryName })
        .first()
        .locator('.territory-row__accounts')
        .innerText()
    ).replace(/\D/g, ''),
  )

test('a planner submits a change between two reps; one acknowledges, the other objects on a phone; the manager approves and publishes it today; the published map shows it and the audit log lists every step', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000)
  const plannerCtx = await browser.newContext()
  const planner = await plannerCtx.newPage()
  const rep = await (await browser.newContext()).newPage()
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
  ).newPage()
  await signIn(planner, 'planner')
  await signIn(rep, 'rep')
  await signIn(phone, 'rep2')
  const [repA, repB] = [await whoAmI(rep), await whoAmI(phone)]

  // The planner drafts a copy of the published alignment and moves three of rep A's units
  // (those with the most accounts) to rep B's territory, over the hub.
  await planner.getByTestId('open-scenarios').click()
  const dialog = planner.getByTestId('scenarios-dialog')
  await dialog.getByTestId('new-scenario-name').fill('Border swap')
  await dialog.getByTestId('create-scenario').click()
  await expect(dialog).toBeHidden()
  await expect(planner.locator('.top-bar .badge--draft')).toBeVisible()
  const scenarioId = await planner.getByTestId('scenario-name').inputValue()
  const client = await rawClient(plannerCtx, baseURL!, `scenario:${scenarioId}`)
  const state = readPlanState(client.doc)
  const from = state.territories.find((t) => t.repId === repA.repId)!
  const to = state.territories.find((t) => t.repId === repB.repId)!
  const stats = await query<{ stats: { unitId: string; accounts: number }[] }>(
    planner,
    'geo.units',
    { layerId: state.unitLayerId },
  )
  const accountsIn = new Map(stats.stats.map((s) => [s.unitId, s.accounts]))
  const moved = Object.entries(state.assignments)
    .filter(([, t]) => t === from.id)
    .map(([unitId]) => unitId)
    .sort((x, y) => (accountsIn.get(y) ?? 0) - (accountsIn.get(x) ?? 0))
    .slice(0, 3)
  const plan = openPlanDoc(client.doc, { canWrite: true })
  for (const unitId of moved) plan.assignments.set(unitId, to.id)
  const beforeA = await accountsOf(rep, from.name)
  await expect
    .poll(() => accountsOf(planner, from.name), { timeout: 20_000 })
    .toBeLessThan(beforeA)
  client.provider.destroy()

  // Submitted: read-only from now on, for the planner too.
  await planner.getByTestId('tab-review').click()
  await planner.getByTestId('submit-review').click()
  await expect(planner.getByTestId('review-status')).toHaveText('In review')
  await expect(planner.getByTestId('rep-review')).toHaveCount(2)
  await expect(planner.getByTestId('tool-paint')).toBeDisabled()
  await shot(planner, '1-submitted')

  // Rep A, on a laptop: the bell rings; the notification opens "My changes".
  await expect(rep.getByTestId('notification-count')).toHaveText(/[1-9]/, {
    timeout: 20_000,
  })
  await rep.getByTestId('notification-bell').click()
  await rep
    .getByTestId('notification')
    .filter({ hasText: 'asks you to review' })
    .first()
    .click()
  await expect(rep).toHaveURL(/view=my-changes/)
  const cardA = rep
    .getByTestId('change-card')
    .filter({ hasText: 'Border swap' })
  await expect(cardA).toBeVisible()
  await expect(cardA).toContainText(/lost|Lost/)
  await cardA.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(cardA.getByTestId('given-answer')).toContainText(/acknowledged/i)
  await shot(rep, '2-rep-acknowledged')

  // Rep B, on a phone: the notification list fits the screen and leads to the change; the
  // rep objects, and must say why.
  await expect(phone.getByTestId('notification-count')).toHaveText(/[1-9]/)
  await phone.getByTestId('notification-bell').click()
  const notice = phone
    .getByTestId('notification')
    .filter({ hasText: 'asks you to review' })
    .first()
  await expect(notice).toBeVisible()
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(390)
  // (The list lies within the screen, not off its edge, where no scrollbar would show it.)
  const list = (await phone
    .getByRole('dialog', { name: 'Notifications' })
    .boundingBox())!
  expect(list.x).toBeGreaterThanOrEqual(0)
  expect(list.x + list.width).toBeLessThanOrEqual(390)
  await shot(phone, '3-phone-notifications')
  await notice.click()
  await expect(phone).toHaveURL(/view=my-changes/)
  const cardB = phone
    .getByTestId('change-card')
    .filter({ hasText: 'Border swap' })
  await expect(cardB).toBeVisible()
  await expect(cardB).toContainText(/gained|Gained/)
  await cardB.getByRole('button', { name: /^Object/ }).click()
  await cardB
    .getByRole('textbox')
    .fill('These counties are three hours away from me.')
  await cardB.getByRole('button', { name: 'Send objection' }).click()
  await expect(cardB.getByTestId('given-answer')).toContainText(/objected/i)
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(390)
  await shot(phone, '3-phone-objected')
  // The way back to the published map, on the phone too.
  await phone.getByTestId('my-changes-back').click()
  await expect(phone.getByTestId('territory-row')).toHaveCount(40)
  await shot(phone, '3-phone-map')

  // The manager sees both answers (live), approves and publishes from today.
  const manager = await (await browser.newContext()).newPage()
  await signIn(manager, 'manager')
  await manager.getByTestId('scenario-name').selectOption(scenarioId)
  await manager.getByTestId('tab-review').click()
  const answers = manager.getByTestId('rep-review')
  await expect(answers.filter({ hasText: 'Acknowledged' })).toHaveCount(1)
  await expect(answers.filter({ hasText: 'three hours away' })).toContainText(
    'Objected',
  )
  await shot(manager, '4-manager-answers')
  await manager.getByTestId('approve').click()
  await expect(manager.getByTestId('review-status')).toHaveText('Approved')
  // The planner's panel follows without a reload.
  await expect(planner.getByTestId('review-status')).toHaveText('Approved')
  const today = new Date().toISOString().slice(0, 10)
  await manager.getByTestId('effective-date').fill(today)
  await manager.getByTestId('publish').click()
  await expect(manager.getByTestId('review-status')).toHaveText('Published')
  await expect(
    manager
      .getByTestId('publication-history')
      .locator('[data-state="in force"]'),
  ).toContainText('Border swap')

  // The owners as the CRM takes them: every account, with its rep and the effective date.
  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByTestId('alignment-csv').click(),
  ])
  const lines = readFileSync((await download.path())!, 'utf8').split('\r\n')
  expect(lines[0]).toBe(
    'account_external_id,account_name,territory_id,territory,owner_rep,owner_email,effective_date',
  )
  expect(lines.length).toBeGreaterThan(1000)
  expect(
    lines.filter((l) => l.includes(`,${repB.displayName},`)).length,
  ).toBeGreaterThan(0)
  expect(lines[1]).toMatch(new RegExp(`,${today}$`))

  // The published map: a fresh page opens the new alignment, rep A's territory smaller.
  await rep.goto('/')
  await expect(rep.getByTestId('territory-row')).toHaveCount(40)
  await expect(
    rep.getByTestId('scenario-name').locator('option:checked'),
  ).toHaveText('Border swap')
  await expect
    .poll(() => accountsOf(rep, from.name), { timeout: 20_000 })
    .toBeLessThan(beforeA)
  await shot(rep, '5-published-map')

  // The audit log: every step, with who did it.
  await manager.getByTestId('tab-activity').click()
  await manager.getByRole('button', { name: 'Reviews' }).click()
  const items = manager.getByTestId('activity-item')
  for (const action of [
    'scenario.create',
    'review.submit',
    'review.acknowledge',
    'review.object',
    'review.approve',
    'scenario.publish',
  ])
    await expect(
      items
        .filter({ hasText: 'Border swap' })
        .and(manager.locator(`[data-action="${action}"]`)),
    ).toHaveCount(1)
  await shot(manager, '6-audit-log')
})
