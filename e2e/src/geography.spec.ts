import { type Page, expect, test } from '@playwright/test'
import { paintAcross, signIn } from './support'

/** Every territory's name and account count, as the list shows them. */
const accountsByTerritory = (page: Page) =>
  page
    .getByTestId('territory-row')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.querySelector('.territory-row__name')?.textContent ?? '',
          r.querySelector('.territory-row__accounts')?.textContent ?? '',
        ]),
      ),
    )

test('a planner re-bases the plan onto hexagons: every account keeps its territory, and the new draft paints', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'planner')
  const before = await accountsByTerritory(page)
  expect(Object.keys(before)).toHaveLength(40)

  await page.getByTestId('open-scenarios').click()
  await page.getByTestId('open-rebase').click()
  await expect(page.getByTestId('rebase-reason')).toContainText(
    /Recommended for 25,000 accounts: resolution \d/,
  )
  // The scenario carried over is the one open: the published alignment.
  await expect(page.getByTestId('rebase-scenario')).toHaveValue(
    'scn_demo_published',
  )
  await page.getByTestId('rebase-run').click()
  const result = page.getByTestId('rebase-result')
  await expect(result).toContainText('Made “US Field Sales FY2027 (hexagons', {
    timeout: 120_000,
  })
  await expect(result).toContainText('25,000 placed')
  await page.screenshot({ path: 'tmp/e2e-results/geography-rebased.png' })
  await page.getByTestId('rebase-open').click()

  // The new plan opens on its draft, on hexagons, with the same books of accounts.
  await expect(page.locator('.top-bar__plan select')).toHaveValue(/^pln_/)
  await expect(
    page.locator('.top-bar__plan select option:checked'),
  ).toContainText('hexagons')
  // The server builds its scoring model for the new layer on first use.
  await expect(page.getByTestId('territory-row')).toHaveCount(40, {
    timeout: 90_000,
  })
  await expect.poll(() => accountsByTerritory(page)).toEqual(before)

  // It edits like the counties: paint with a territory across the map.
  const first = page.getByTestId('territory-row').first()
  const name = (await first.locator('.territory-row__name').textContent())!
  await first.click()
  await paintAcross(page, 0.1)
  await expect(page.getByTestId('brush')).toHaveText(`Painting into ${name}`)
  await expect
    .poll(async () => (await accountsByTerritory(page))[name])
    .not.toBe(before[name])
  await page.screenshot({ path: 'tmp/e2e-results/geography-painted.png' })
})
