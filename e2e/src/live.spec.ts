import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openPlanDoc } from '@tessera/domain'
import { expect, openDraft, test } from './support'

test('two browsers see an edit of the plan live, through the hub', async ({
  browser,
  baseURL,
}) => {
  // Two signed-in browsers drawing the map in software, on a loaded CI machine.
  test.setTimeout(150_000)
  const a = await (await browser.newContext()).newPage()
  const b = await (await browser.newContext()).newPage()
  await openDraft(a)
  await openDraft(b)

  // A third collaborator — the official y-websocket client with a planner's session —
  // moves every unit of one territory into another.
  const session = (await a.context().cookies()).find(
    (c) => c.name === 'tessera_session',
  )!
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        headers: { cookie: `tessera_session=${session.value}` },
      })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${baseURL!.replace('http', 'ws')}/yjs`,
    'scenario:scn_demo_draft',
    doc,
    {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  await expect.poll(() => provider.synced, { timeout: 20_000 }).toBe(true)
  const plan = openPlanDoc(doc, { canWrite: true })
  const [, from] = [...plan.assignments.entries()][0]!
  const to = [...plan.assignments.entries()].find(([, t]) => t !== from)![1]
  const fromRow = (page: typeof a) =>
    page.locator(`[data-territory-id="${from}"] .territory-row__accounts`)
  await expect(fromRow(a)).not.toHaveText('0 accounts')
  plan.assignments.setMany(
    [...plan.assignments.entries()]
      .filter(([, t]) => t === from)
      .map(([unit]) => [unit, to] as const),
  )
  // Both browsers show the emptied territory without reloading.
  await expect(fromRow(a)).toHaveText('0 accounts', { timeout: 15_000 })
  await expect(fromRow(b)).toHaveText('0 accounts', { timeout: 15_000 })
  await b.screenshot({ path: 'tmp/e2e-results/live-second-browser.png' })
  provider.destroy()
  doc.destroy()
  await a.context().close()
  await b.context().close()
})
