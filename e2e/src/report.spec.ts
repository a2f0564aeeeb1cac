import { readFileSync, statSync } from 'node:fs'
import { expect, signIn, test } from './support'

test('a manager opens the scenario report, downloads its tables as CSV and prints it to a PDF', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signIn(page, 'manager')
  await page.getByTestId('open-report').click()
  await expect(page).toHaveURL(/[?&]view=report/)

  // The map: every territory filled, and the tables: 40 territories, every rep.
  const report = page.getByTestId('report')
  const map = report.getByTestId('report-map')
  await expect(map.locator('svg')).toBeVisible()
  const drawn = await map
    .locator('path[data-territory-id]')
    .evaluateAll(
      (paths) =>
        new Set(paths.map((p) => p.getAttribute('data-territory-id'))).size,
    )
  expect(drawn).toBe(40)
  await expect(report.getByTestId('report-territory-row')).toHaveCount(40)
  const reps = await report.getByTestId('report-rep-row').count()
  expect(reps).toBeGreaterThan(0)
  await expect(report.getByTestId('report-scores')).toContainText('Balance')
  await page.screenshot({
    path: test.info().outputPath('report.png'),
    fullPage: true,
  })

  // One CSV: the territory table, an empty line, the rep table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByTestId('report-csv').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/-report\.csv$/)
  const csv = readFileSync(await download.path(), 'utf8')
  const [territoryPart, repPart] = csv.split('\r\n\r\n')
  const territoryLines = territoryPart!.split('\r\n')
  expect(territoryLines[0]).toMatch(
    /^Territory,Region,Rep,Units,Accounts,Potential \(USD\),/,
  )
  expect(territoryLines).toHaveLength(1 + 40)
  const repLines = repPart!.trimEnd().split('\r\n')
  expect(repLines[0]).toMatch(/^Rep,Home city,Territories,/)
  expect(repLines).toHaveLength(1 + reps)

  // The print button asks the browser to print (trapped here: a dialog would block).
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => {
      ;(window as unknown as { printed: number }).printed += 1
    }
  })
  await report.getByTestId('report-print').click()
  expect(
    await page.evaluate(
      () => (window as unknown as { printed: number }).printed,
    ),
  ).toBe(1)

  // On paper: no app chrome, the report alone.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.top-bar')).toBeHidden()
  await expect(report.getByTestId('report-csv')).toBeHidden()
  const pdfPath = test.info().outputPath('report.pdf')
  await page.pdf({
    path: pdfPath,
    format: 'Letter',
    landscape: true,
    printBackground: true,
  })
  const pdf = readFileSync(pdfPath)
  expect(statSync(pdfPath).size).toBeGreaterThan(20_000)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
  // The map and scores, the territories, the reps: at least a page each.
  expect(pages.length).toBeGreaterThanOrEqual(3)
  await page.emulateMedia({ media: 'screen' })

  // Back to the workspace.
  await report.getByTestId('report-back').click()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await expect(page).not.toHaveURL(/view=report/)
})
