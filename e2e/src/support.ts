import {
  type Browser,
  type BrowserContext,
  type Page,
  expect,
} from '@playwright/test'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

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

/**
 * Records every call of alert, prompt, confirm and print on the page from now on (the page
 * is reloaded so the trap is in place before any script): where any XSS payload that runs
 * ends up. Returns the list the calls are written to.
 */
export async function trapScriptRuns(page: Page): Promise<string[]> {
  const ran: string[] = []
  await page.exposeFunction('__xssRan', (what: string) => ran.push(what))
  await page.addInitScript(() => {
    for (const name of ['alert', 'prompt', 'confirm', 'print'] as const)
      (window as unknown as Record<string, unknown>)[name] = () =>
        (window as unknown as { __xssRan: (w: string) => void }).__xssRan(name)
  })
  await page.reload()
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
  return ran
}

/** Two people signed in, each in a browser context of their own. */
export async function signInBoth(
  browser: Browser,
  first: string,
  second: string,
): Promise<[Page, Page]> {
  const a = await (await browser.newContext()).newPage()
  const b = await (await browser.newContext()).newPage()
  await signIn(a, first)
  await signIn(b, second)
  return [a, b]
}

/**
 * A y-websocket client that is not our editor (Node, the official provider), signed in with
 * a browser context's session cookie: what any other client could write into a note.
 */
export async function rawClient(
  context: BrowserContext,
  baseURL: string,
  room: string,
) {
  const cookie = (await context.cookies())
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${baseURL.replace(/^http/, 'ws')}/yjs`,
    room,
    doc,
    {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  await expect.poll(() => provider.synced, { timeout: 20_000 }).toBe(true)
  return { doc, provider }
}
