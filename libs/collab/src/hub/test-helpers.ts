import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type DocStore, MemoryDocStore } from './doc-store.js'
import { Hub, type HubOptions } from './hub.js'

/* Test helpers for the hub's tests: a hub behind a real ws server, real y-websocket clients. */

/** A real ws server in front of the hub; `?ro` in the URL connects a reader, `?user=` names it. */
export async function startHub(
  store = new MemoryDocStore(),
  options: Partial<HubOptions> = {},
) {
  const hub = new Hub({ store, idleMs: 50, ...options })
  const wss = new WebSocketServer({ port: 0 })
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x')
    hub.connect(ws, url.pathname.slice(1), {
      canWrite: !url.searchParams.has('ro'),
      userId: url.searchParams.get('user') ?? undefined,
    })
  })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
  return {
    hub,
    store,
    url,
    /** Drops every connection from the server side, as a network failure would. */
    dropAll: () => {
      for (const c of wss.clients) c.terminate()
    },
    close: async () => {
      for (const c of wss.clients) c.terminate()
      await new Promise<void>((r) => wss.close(() => r()))
      await hub.close()
    },
  }
}

/** The document a fresh hub would load from `store`. */
export async function storedDoc(store: DocStore, name: string): Promise<Y.Doc> {
  const { snapshot, updates } = await store.load(name)
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot)
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

const open: { destroy(): void }[] = []
/** Destroys every client `client()` made (call it in `afterEach`). */
export function destroyClients(): void {
  for (const p of open.splice(0)) p.destroy()
}

/** The official y-websocket client, as browsers use it, over `ws` in Node. */
export function client(
  url: string,
  room: string,
  params: Record<string, string> = {},
) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  open.push(provider, doc)
  return { doc, provider }
}

export async function until(check: () => boolean, ms = 5_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

export function encodeVarUint(n: number): number[] {
  const out: number[] = []
  while (n > 127) {
    out.push(128 | (n & 127))
    n >>>= 7
  }
  out.push(n)
  return out
}
