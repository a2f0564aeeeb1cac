import { expect, test } from '@playwright/test'
import { signIn } from './support'

// An English browser: the app starts in English and Spanish is a choice the user makes.
test.use({ locale: 'en-US' })

// The language is the planner's account setting, and later tests sign in as the planner:
// whatever happens here, the planner is left in English.
test.afterEach(async ({ page }) => {
  await page.request.post('/trpc/auth.setLocale', { data: { locale: 'en' } })
})

test('a planner switches to Spanish, which sticks to the account, and back', async ({
  page,
  browser,
}) => {
  await signIn(page, 'planner')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('tab-territories')).toHaveText('Territories')
  const list = page.getByTestId('territory-list')
  // The demo's 25,000 accounts (an import test that ran before may have added one).
  const englishTotal = /Accounts\s*25,\d{3}/
  const spanishTotal = /Cuentas\s*25\.\d{3}/
  await expect(list).toContainText(englishTotal)

  // The top bar's menu switches at once: labels, numbers the Spanish way, <html lang>.
  await page.getByTestId('language-picker').selectOption('es')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByTestId('tab-territories')).toHaveText('Territorios')
  await expect(page.getByTestId('tab-discussion')).toHaveText('Debate')
  await expect(page.getByTestId('open-scenarios')).toHaveText('Escenarios…')
  await expect(list.getByRole('heading', { name: 'Territorios' })).toBeVisible()
  await expect(list).toContainText(spanishTotal)
  await expect(page.getByTestId('territory-row').first()).toContainText(
    /\d cuentas/,
  )

  // Still Spanish after a reload…
  await page.reload()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await expect(page.getByTestId('tab-territories')).toHaveText('Territorios')
  await expect(list).toContainText(spanishTotal)

  // …and in another browser, signing in from the English sign-in page: it is the
  // account's setting, not only this browser's.
  const other = await browser.newContext({ locale: 'en-US' })
  try {
    const elsewhere = await other.newPage()
    await signIn(elsewhere, 'planner')
    await expect(elsewhere.getByTestId('tab-territories')).toHaveText(
      'Territorios',
    )
    await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'es')
  } finally {
    await other.close()
  }

  // Back to English, which sticks too.
  await page.getByTestId('language-picker').selectOption('en')
  await expect(page.getByTestId('tab-territories')).toHaveText('Territories')
  await expect(list).toContainText(englishTotal)
  await page.reload()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await expect(page.getByTestId('tab-territories')).toHaveText('Territories')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('the sign-in page has the menu too, and the choice carries into the account', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByTestId('language-picker').selectOption('es')
  await expect(page.getByTestId('login-submit')).toHaveText('Iniciar sesión')
  // Kept on this browser until signing in.
  await page.reload()
  await expect(page.getByTestId('login-submit')).toHaveText('Iniciar sesión')
  await page.getByTestId('login-email').fill('planner@demo.tessera.dev')
  await page.getByTestId('login-password').fill('tessera-demo')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  await expect(page.getByTestId('tab-territories')).toHaveText('Territorios')
  // Saved with the account: a fresh session asks the server and gets Spanish.
  const me = await page.request.get('/trpc/auth.me')
  expect(
    ((await me.json()) as { result: { data: { locale: string } } }).result.data
      .locale,
  ).toBe('es')
})
