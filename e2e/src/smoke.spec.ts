import { PNG } from 'pngjs'
import { expect, test } from './support'

/** Distinct colours in a PNG, quantized to 4 bits per channel to ignore anti-aliasing. */
function distinctColours(png: Buffer): number {
  const { data } = PNG.sync.read(png)
  const seen = new Set<number>()
  for (let i = 0; i < data.length; i += 4) {
    seen.add(
      ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4),
    )
  }
  return seen.size
}

test('a planner signs in and sees the demo plan on the map', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('login-form')).toBeVisible()

  await page.getByTestId('login-email').fill('planner@demo.tessera.dev')
  await page.getByTestId('login-password').fill('wrong password')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-error')).toHaveText(
    'Wrong email or password.',
  )

  await page.getByTestId('login-password').fill('tessera-demo')
  await page.getByTestId('login-submit').click()

  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  const canvas = page.getByTestId('map').locator('canvas').first()
  await expect(canvas).toBeVisible()
  const box = await canvas.boundingBox()
  expect(box?.width ?? 0).toBeGreaterThan(400)
  await expect(page.getByTestId('user-menu')).toContainText('Pat Planner')

  // The map really drew the territories: 40 fills give the canvas many distinct colours
  // (a blank or single-colour canvas has a handful).
  await expect
    .poll(async () => distinctColours(await canvas.screenshot()), {
      timeout: 20_000,
    })
    .toBeGreaterThan(30)
  await page.screenshot({
    path: 'tmp/e2e-results/smoke-map.png',
    fullPage: false,
  })

  // A reload keeps the session; signing out returns to the login page.
  await page.reload()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('login-form')).toBeVisible()
})
