import { expect, signIn, test } from './support'

test.setTimeout(150_000)

test('a manager targets a campaign around a store by segment, sees it on the map and downloads the list', async ({
  page,
}) => {
  await signIn(page, 'manager')
  // Segments on the map: the dots coloured by behavioural segment, with a key.
  await page.getByTestId('map-by-segment').check()
  await expect(page.getByTestId('segment-key')).toContainText('Champions')
  await page.getByTestId('map-segment').selectOption('champions')
  await expect(page.getByTestId('map-legend')).toContainText('in view')
  await page.screenshot({ path: test.info().outputPath('segments.png') })
  await page.getByTestId('map-segment').selectOption('')
  // Firmographic filters: only enterprise accounts of the first industry listed.
  await page.getByTestId('map-size').selectOption('enterprise')
  const industry = page.getByTestId('map-industry')
  await expect(industry.locator('option')).not.toHaveCount(1)
  await industry.selectOption({ index: 1 })
  await expect(page.getByTestId('map-legend')).toContainText('in view')
  await page.screenshot({ path: test.info().outputPath('filters.png') })
  await page.getByTestId('map-size').selectOption('')
  await industry.selectOption('')
  // White space: a map colouring and a ranked list.
  await page.getByTestId('map-theme').selectOption('whitespace')
  await expect(page.getByTestId('map-legend')).not.toContainText('No forecasts')

  await page.getByTestId('tab-targeting').click()
  const panel = page.getByTestId('targeting-panel')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('white-space').locator('tbody tr')).toHaveCount(
    10,
  )
  await page.screenshot({ path: test.info().outputPath('white-space.png') })
  await page.getByTestId('map-theme').selectOption('territories')
  // A store in downtown Denver, 25 miles around it (the US demo counts in miles), best
  // customers only.
  await page.getByTestId('targeting-centre').fill('39.7392, -104.9903')
  await page.getByTestId('targeting-radius').fill('25')
  const count = page.getByTestId('targeting-count')
  await expect(count).not.toHaveText('0')
  const all = Number((await count.innerText()).replace(/\D/g, ''))
  await page.getByTestId('targeting-segment-champions').check()
  await expect
    .poll(async () => Number((await count.innerText()).replace(/\D/g, '')))
    .toBeLessThan(all)
  const champions = Number((await count.innerText()).replace(/\D/g, ''))
  expect(champions).toBeGreaterThan(0)
  await expect(panel).toContainText(/\d\smi ·/)

  // A typo in the centre is said, not silently ignored.
  await page.getByTestId('targeting-centre').fill('Denver')
  await expect(panel).toContainText('latitude, longitude')
  await page.getByTestId('targeting-centre').fill('39.7392, -104.9903')
  await expect(count).toHaveText(String(champions))
  await page.getByRole('button', { name: 'Show on map' }).click()
  await page.waitForTimeout(1500)
  await page.screenshot({ path: test.info().outputPath('targeting.png') })

  const download = page.waitForEvent('download')
  await page.getByTestId('targeting-csv').click()
  const file = await download
  const text = await (await file.createReadStream()).toArray()
  const lines = Buffer.concat(text).toString('utf8').trim().split('\r\n')
  expect(lines[0]).toMatch(/^account_external_id,account_name,industry/)
  expect(lines).toHaveLength(champions + 1)
  expect(lines.slice(1).every((l) => l.includes(',champions,'))).toBe(true)
})
