import { type Page, expect } from '@playwright/test'

/** Signs in as a demo user (`planner`, `manager`, `rep`, `admin`) and waits for the plan. */
export async function signIn(page: Page, who: string): Promise<void> {
  await page.goto('/')
  await page.getByTestId('login-email').fill(`${who}@demo.tessera.dev`)
  await page.getByTestId('login-password').fill('tessera-demo')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
}

/** Signs in and opens the demo's draft scenario. */
export async function openDraft(page: Page, who = 'planner'): Promise<void> {
  await signIn(page, who)
  await page.getByTestId('scenario-name').selectOption('scn_demo_draft')
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
}
