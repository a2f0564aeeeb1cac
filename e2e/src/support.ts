import {
  type Browser,
  type BrowserContext,
  type Cookie,
  type Page,
  test as base,
  expect,
} from '@playwright/test'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export { expect }

/**
 * The European demo's server (playwright.config.ts starts it next to the US one). On
 * 127.0.0.1 so that its session cookie and the US server's (on localhost) stay apart.
 */
export const europeURL = `http://127.0.0.1:${Number(process.env['E2E_PORT'] ?? 4173) + 1}`

/**
 * The suite's `test`: every browser context a test opens with `browser.newContext()` is
 * closed when the test ends, passed or failed. Playwright closes only the contexts of its
 * own fixtures; any other stays open in the worker's one browser for the rest of the run,
 * its page still a live client — the map drawn in software, an engine worker, the hub and
 * socket.io answering every later test's edits and imports — and each later test runs
 * slower beside the pile of them (CI has two cores).
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts())
      await use()
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      )
    },
    { auto: true },
  ],
})

/** Each demo user's session cookies, signed in once per worker (see {@link signIn}). */
const sessions = new Map<string, Cookie[]>()

/**
 * Signs in as a demo user (`planner`, `manager`, `rep`, `rep2`, `admin`) and waits for the
 * plan. The first sign-in of a user goes through the API and its session is reused by every
 * later one (a fresh one is made if it has ended, say by a sign-out): a sign-in costs the
 * server a scrypt hash (N = 2^17, about half a second of a core) and the page a round
 * through the login form, some thirty times a run. The login form itself has its test
 * (smoke).
 */
export async function signIn(page: Page, who: string): Promise<void> {
  const context = page.context()
  const cached = sessions.get(who)
  if (cached) await context.addCookies(cached)
  if (!cached || !(await signedIn(context)))
    sessions.set(who, await login(context, who))
  await page.goto('/')
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
}

/** Whether the context's session cookie is a live session. */
async function signedIn(context: BrowserContext): Promise<boolean> {
  const res = await context.request.get('/trpc/auth.me')
  const body = (await res.json()) as { result?: { data: unknown } }
  return res.ok() && body.result?.data != null
}

async function login(context: BrowserContext, who: string): Promise<Cookie[]> {
  // The context's request client shares its cookie jar: the session cookie lands in it.
  const res = await context.request.post('/trpc/auth.login', {
    data: { email: `${who}@demo.tessera.dev`, password: 'tessera-demo' },
  })
  expect(res.status(), await res.text()).toBe(200)
  const cookies = await context.cookies()
  expect(cookies.map((c) => c.name)).toContain('tessera_session')
  return cookies
}

/** Signs in and opens the demo's draft scenario. */
export async function openDraft(page: Page, who = 'planner'): Promise<void> {
  await signIn(page, who)
  await page.getByTestId('scenario-name').selectOption('scn_demo_draft')
  await expect(page.getByTestId('territory-row')).toHaveCount(40)
}

/**
 * Records every call of alert, prompt, confirm and print on the page from its next
 * navigation on — call it before signing in, so the trap is in place before any script of
 * the app runs: where any XSS payload that runs ends up. Returns the list the calls are
 * written to.
 */
export async function trapScriptRuns(page: Page): Promise<string[]> {
  const ran: string[] = []
  await page.exposeFunction('__xssRan', (what: string) => ran.push(what))
  await page.addInitScript(() => {
    for (const name of ['alert', 'prompt', 'confirm', 'print'] as const)
      (window as unknown as Record<string, unknown>)[name] = () =>
        (window as unknown as { __xssRan: (w: string) => void }).__xssRan(name)
  })
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

/**
 * Paints into the selected territory with the brush (`b`), in one stroke across the middle
 * of the map from `from` to `from + 0.6` of its width, once the camera has flown to the
 * territory; waits until the edit can be undone.
 */
export async function paintAcross(page: Page, from = 0.1): Promise<void> {
  await page.keyboard.press('b')
  await expect(page.getByTestId('brush')).toHaveText(/^Painting into /)
  await page.waitForTimeout(1500) // the camera flies to the territory
  const box = (await page.getByTestId('map').boundingBox())!
  const y = box.y + box.height * 0.5
  await page.mouse.move(box.x + box.width * from, y)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + box.width * (from + (0.6 * i) / 12), y)
  await page.mouse.up()
  await expect(page.getByTestId('undo')).toBeEnabled()
}
