import type { Page } from '@playwright/test'
import { expect, openDraft, signIn, test } from './support'

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tmp/e2e-results/editor-${name}.png` })

const row = (page: Page, name: string) =>
  page.getByTestId('territory-row').filter({ hasText: name }).first()
const accounts = (page: Page, name: string) =>
  row(page, name).locator('.territory-row__accounts').innerText()

/** Paints with the selected territory along a horizontal line across the map. */
async function stroke(page: Page, from: number, to: number, atY = 0.5) {
  const box = (await page.getByTestId('map').boundingBox())!
  const y = box.y + box.height * atY
  await page.mouse.move(box.x + box.width * from, y)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(
      box.x + box.width * (from + ((to - from) * i) / 10),
      y,
    )
  await page.mouse.up()
}

/** A territory's balance figure in the list (the engine's deviation from target). */
const balanceOf = (page: Page, name: string) =>
  row(page, name).getByTestId('territory-balance').innerText()

/** Drags a rectangle over the map, as fractions of its box. */
async function dragBox(
  page: Page,
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
) {
  const box = (await page.getByTestId('map').boundingBox())!
  await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++)
    await page.mouse.move(
      box.x + box.width * (x0 + ((x1 - x0) * i) / 6),
      box.y + box.height * (y0 + ((y1 - y0) * i) / 6),
    )
  await page.mouse.up()
}

const nameOf = async (page: Page) =>
  (await page.getByTestId('user-menu').locator('.top-bar__name').textContent())!
/** Someone's avatar in the who-is-here bar (found by name: other tests' tabs may be open). */
const avatarOf = (page: Page, name: string) =>
  page.locator(`[data-testid="presence-avatar"][title^="${name} — "]`)

/** Both live on the hub and showing the live document (not the stored copy). */
async function live(...pages: Page[]) {
  for (const p of pages)
    await expect(p.getByTestId('connection-status')).toHaveText('Live')
  await pages[0]!.waitForTimeout(1000)
}

test('planners paint live and see each other, each undoes only their own edit, and a rep cannot edit', async ({
  browser,
}) => {
  test.setTimeout(420_000)
  const a = await (await browser.newContext()).newPage()
  const b = await (await browser.newContext()).newPage()
  await openDraft(a, 'planner')
  await openDraft(b, 'manager')
  await live(a, b)
  // Both score the live plan in their own engine worker.
  for (const p of [a, b])
    await expect(p.locator('[data-engine="ready"]')).toHaveCount(1, {
      timeout: 60_000,
    })
  // Presence: each sees the other, not themselves.
  const plannerName = await nameOf(a)
  const managerName = await nameOf(b)
  await expect(avatarOf(a, managerName)).toHaveAttribute(
    'title',
    `${managerName} — selecting`,
  )
  await expect(avatarOf(b, plannerName)).toHaveCount(1)
  await expect(avatarOf(a, plannerName)).toHaveCount(0)
  const wichitaBefore = await accounts(b, 'Wichita')
  const wichitaBalanceBefore = await balanceOf(b, 'Wichita')
  const minneapolisBefore = await accounts(b, 'Minneapolis')

  // A picks Wichita and paints across its western neighbours.
  await row(a, 'Wichita').click()
  await a.keyboard.press('b')
  await expect(a.getByTestId('brush')).toHaveText('Painting into Wichita')
  await a.waitForTimeout(1500) // the camera flies to Wichita
  await stroke(a, 0.06, 0.24)
  await expect(a.getByTestId('undo')).toBeEnabled()
  await shot(a, '1-planner-painted')
  // B sees it without reloading: the list (and the map) follow.
  await expect
    .poll(() => accounts(b, 'Wichita'), { timeout: 20_000 })
    .not.toBe(wichitaBefore)
  const wichitaPainted = await accounts(b, 'Wichita')
  // …and the scores: B's engine re-scored Wichita from the live edit.
  await expect
    .poll(() => balanceOf(b, 'Wichita'), { timeout: 20_000 })
    .not.toBe(wichitaBalanceBefore)
  await shot(b, '2-manager-sees-it')

  // B makes an edit of their own: one click-paint into Minneapolis, east of it (far from
  // the units A painted, and not a Wichita unit).
  await row(b, 'Minneapolis').click()
  await b.getByTestId('tool-paint').click()
  await b.waitForTimeout(1500)
  // (A click that lands while the camera still flies is taken by the camera: click again.)
  const box = (await b.getByTestId('map').boundingBox())!
  await expect(async () => {
    await b.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.45)
    await b.mouse.down()
    await b.mouse.up()
    expect(await accounts(b, 'Minneapolis')).not.toBe(minneapolisBefore)
  }).toPass({ timeout: 30_000, intervals: [1000, 2000] })
  const minneapolisB = await accounts(b, 'Minneapolis')
  // A sees what B is doing, and B's cursor on the map.
  await expect(avatarOf(a, managerName)).toHaveAttribute(
    'title',
    `${managerName} — painting in Minneapolis`,
  )
  await shot(a, '2b-planner-sees-manager-cursor')

  // A undoes: A's stroke goes, B's click stays — on both screens.
  await a.keyboard.press('Control+z')
  await expect
    .poll(() => accounts(b, 'Wichita'), { timeout: 20_000 })
    .toBe(wichitaBefore)
  await expect
    .poll(() => accounts(a, 'Minneapolis'), { timeout: 20_000 })
    .toBe(minneapolisB)
  expect(await accounts(b, 'Minneapolis')).toBe(minneapolisB)
  await shot(b, '3-after-planner-undo')
  // Redo brings A's stroke back.
  await a.keyboard.press('Control+Shift+z')
  await expect
    .poll(() => accounts(b, 'Wichita'), { timeout: 20_000 })
    .toBe(wichitaPainted)

  // The territory table: every metric, sortable; B sees A's territory edits live.
  await b.getByTestId('open-territory-table').click()
  await expect(b.getByTestId('territory-table-row')).toHaveCount(40)
  await b.getByTestId('sort-potential').click()
  const potentials = await b
    .getByTestId('territory-table-row')
    .locator('td:nth-child(3)')
    .allInnerTexts()
  const money = (t: string) =>
    Number.parseFloat(t.replace(/[$,]/g, '')) *
    (t.endsWith('B') ? 1e9 : t.endsWith('M') ? 1e6 : t.endsWith('K') ? 1e3 : 1)
  const values = potentials.map(money)
  expect([...values].sort((x, y) => y - x)).toEqual(values)
  await shot(b, '3b-territory-table')

  // A renames Wichita: a 10,000-character name is refused with a clear message, then a
  // good one reaches B.
  await row(a, 'Wichita').click()
  await a.getByTestId('tab-edit').click()
  const nameField = a.getByTestId('territory-name')
  await nameField.fill('W'.repeat(10_000))
  await nameField.press('Enter')
  await expect(a.getByTestId('territory-name-error')).toContainText(
    'at most 60 characters',
  )
  await nameField.fill('Wichita Plains')
  await nameField.press('Enter')
  await expect(
    b.getByTestId('territory-table-row').filter({ hasText: 'Wichita Plains' }),
  ).toHaveCount(1, { timeout: 20_000 })
  await shot(a, '3c-territory-editor')

  // A selects units with the rectangle and moves them into Wichita Plains.
  await a.keyboard.press('Escape')
  await a.getByTestId('tab-territories').click()
  await row(a, 'Wichita Plains').click()
  await a.getByTestId('tab-edit').click()
  await a.keyboard.press('r')
  await a.waitForTimeout(1500)
  // Wichita Plains' accounts in B's territory table.
  const plainsAccounts = () =>
    b
      .getByTestId('territory-table-row')
      .filter({ hasText: 'Wichita Plains' })
      .locator('td:nth-child(2)')
      .innerText()
  const plainsBefore = await plainsAccounts()
  await dragBox(a, [0.8, 0.2], [0.92, 0.35])
  await expect(a.getByTestId('territory-selection-count')).toContainText(
    'selected',
  )
  await a.getByTestId('territory-move-selection').click()
  await expect.poll(plainsAccounts, { timeout: 20_000 }).not.toBe(plainsBefore)
  await shot(a, '3d-selection-moved')
  // The move is one undo step: undone, B's table is back where it was (and the plan is
  // left as the next tests expect it).
  await a.keyboard.press('Control+z')
  await expect.poll(plainsAccounts, { timeout: 20_000 }).toBe(plainsBefore)

  // A rep sees the tools disabled, with the reason.
  const rep = await (await browser.newContext()).newPage()
  await signIn(rep, 'rep')
  await expect(rep.getByTestId('read-only-reason')).toContainText('View only')
  await expect(rep.getByTestId('tool-paint')).toBeDisabled()
  await shot(rep, '4-rep-read-only')
  // Everyone can read the shortcuts ("?").
  await rep.keyboard.press('?')
  await expect(rep.getByTestId('shortcuts-help')).toBeVisible()
  await expect(rep.getByTestId('shortcuts-help')).toContainText(
    'Undo your last edit',
  )
  await shot(rep, '5-shortcuts-help')
  // B leaves: A's who-is-here bar lets B go.
  await b.context().close()
  await expect(avatarOf(a, managerName)).toHaveCount(0, { timeout: 40_000 })
  for (const p of [a, rep]) await p.context().close()
})
