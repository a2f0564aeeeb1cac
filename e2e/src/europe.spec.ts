import { type Page, expect, test } from '@playwright/test'
import { europeURL, paintAcross } from './support'

// The second demo runs on a server of its own (see playwright.config.ts): the European
// plan on H3 cells, in euros with the UK & Ireland in pounds and miles, the Nordics in
// crowns and Central Europe in złoty.
test.use({ baseURL: europeURL })

const row = (page: Page, name: string) =>
  page
    .getByTestId('territory-row')
    .filter({ has: page.locator('.territory-row__name', { hasText: name }) })

test('the European demo loads and edits on hexagons, each region in its own money', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await page.getByTestId('login-email').fill('planner@demo.tessera.dev')
  await page.getByTestId('login-password').fill('tessera-demo')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('territory-row')).toHaveCount(40, {
    timeout: 90_000,
  })
  const list = page.getByTestId('territory-list')
  // Totals in the base currency; each territory in its region's.
  await expect(list.locator('.territory-panel__totals')).toContainText('€')
  await expect(row(page, 'London')).toContainText('£')
  await expect(row(page, 'Stockholm')).toContainText('SEK')
  await expect(row(page, 'Paris')).toContainText('€')
  await page.screenshot({ path: 'tmp/e2e-results/europe-published.png' })

  // The draft edits like the US demo: paint with a territory across the map.
  await page.getByTestId('scenario-name').selectOption('scn_demo_draft')
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  const accounts = () =>
    row(page, 'Paris').locator('.territory-row__accounts').textContent()
  const before = await accounts()
  await row(page, 'Paris').click()
  await paintAcross(page, 0.15)
  await expect(page.getByTestId('brush')).toHaveText('Painting into Paris')
  await expect.poll(accounts).not.toBe(before)

  // A region's money is a plan setting like any other: Iberia in pounds, then back.
  await page.getByTestId('tab-regions').click()
  const iberia = page
    .getByTestId('region-row')
    .filter({ has: page.locator('input[value="Iberia"]') })
  await iberia.getByTestId('region-currency').selectOption('GBP')
  await page.getByTestId('tab-territories').click()
  await expect(row(page, 'Madrid')).toContainText('£')
  await page.getByTestId('undo').click()
  await expect(row(page, 'Madrid')).toContainText('€')
  await page.screenshot({ path: 'tmp/e2e-results/europe-draft.png' })
})
