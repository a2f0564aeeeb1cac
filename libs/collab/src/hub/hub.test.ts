import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../close-codes.js'
import { MemoryDocStore } from './doc-store.js'
import { Hub } from './hub.js'

/** A real ws server in front of the hub; `?ro` in the URL connects a reader. */
async function startHub(store = new MemoryDocStore(), maxFrameBytes?: number) {
  const hub = new Hub({
    store,
    idleMs: 50,
    ...(maxFrameBytes ? { maxFrameBytes } : {}),
  })
  const wss = new WebSocketServer({ port: 0 })
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x')
    hub.connect(ws, url.pathname.slice(1), {
      canWrite: !url.searchParams.has('ro'),
    })
  })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
  return {
    hub,
    store,
    url,
    close: async () => {
      for (const c of wss.clients) c.terminate()
      await new Promise<void>((r) => wss.close(() => r()))
      await hub.close()
    },
  }
}

const open: { destroy(): void }[] = []
afterEach(() => {
  for (const p of open.splice(0)) p.destroy()
})

/** The official y-websocket client, as browsers use it, over `ws` in Node. */
function client(
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

async function until(check: () => boolean, ms = 5_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('Hub (real y-websocket clients)', () => {
  it('two writers converge under concurrent random edits, and everything they saw is stored', async () => {
    const h = await startHub()
    const a = client(h.url, 'scenario:s1')
    const b = client(h.url, 'scenario:s1')
    await until(() => a.provider.synced && b.provider.synced)
    for (let i = 0; i < 200; i++) {
      const who = i % 2 ? a : b
      who.doc.getMap('assignments').set(`u${i % 37}`, `t${i % 5}-${i}`)
    }
    // Same entries (key order in toJSON follows arrival, so compare sorted).
    const sorted = (d: Y.Doc) =>
      JSON.stringify(Object.entries(d.getMap('assignments').toJSON()).sort())
    const same = () => sorted(a.doc) === sorted(b.doc)
    await until(() => same() && a.doc.getMap('assignments').size === 37)
    await h.hub.settled()
    // A fresh hub on the same store serves the same state.
    const stored = new Y.Doc()
    for (const u of h.store.docs.get('scenario:s1') ?? [])
      Y.applyUpdate(stored, u)
    expect(stored.getMap('assignments').toJSON()).toEqual(
      a.doc.getMap('assignments').toJSON(),
    )
    // Group commit: fewer transactions than updates.
    expect(h.store.appends).toBeLessThan(
      h.store.docs.get('scenario:s1')!.length,
    )
    await h.close()
  })

  it('drops a reader’s edits and tells it so, while it still sees the writers’', async () => {
    const h = await startHub()
    const w = client(h.url, 'scenario:s2')
    const r = client(h.url, 'scenario:s2', { ro: '1' })
    await until(() => w.provider.synced && r.provider.synced)
    r.doc.getMap('assignments').set('u1', 'hacked')
    w.doc.getMap('assignments').set('u2', 't1')
    await until(() => r.doc.getMap('assignments').get('u2') === 't1')
    await h.hub.settled()
    expect(w.doc.getMap('assignments').get('u1')).toBeUndefined()
    const stored = new Y.Doc()
    for (const u of h.store.docs.get('scenario:s2') ?? [])
      Y.applyUpdate(stored, u)
    expect(stored.getMap('assignments').get('u1')).toBeUndefined()
    // On the wire: a reader's update is answered with y-protocols' permission denied.
    const raw = new WebSocket(`${h.url}/scenario:s2?ro`)
    const got: Buffer[] = []
    raw.on('message', (d: Buffer) => got.push(d))
    await new Promise((res) => raw.once('open', res))
    const upd = Y.encodeStateAsUpdate(r.doc)
    raw.send(Buffer.from([0, 2, ...encodeVarUint(upd.length), ...upd]))
    await until(() => got.some((d) => d[0] === 2))
    const auth = got.find((d) => d[0] === 2)!
    expect(auth.subarray(3).toString()).toMatch(/read-only/)
    raw.close()
    await h.close()
  })

  it('shares presence and removes it when a client leaves', async () => {
    const h = await startHub()
    const a = client(h.url, 'scenario:s3')
    const b = client(h.url, 'scenario:s3')
    await until(() => a.provider.synced && b.provider.synced)
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    await until(() =>
      [...b.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: { name: string } }).user?.name === 'Ana',
      ),
    )
    a.provider.destroy()
    await until(
      () =>
        ![...b.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name: string } }).user?.name === 'Ana',
        ),
    )
    await h.close()
  })

  it('relays a burst of presence at about 10 updates a second, ending on the latest', async () => {
    const h = await startHub()
    const a = client(h.url, 'scenario:s5')
    const b = client(h.url, 'scenario:s5')
    await until(() => a.provider.synced && b.provider.synced)
    let seen = 0
    b.provider.awareness.on(
      'change',
      (ch: { updated: number[]; added: number[] }) => {
        if ([...ch.updated, ...ch.added].includes(a.doc.clientID)) seen++
      },
    )
    const started = Date.now()
    for (let i = 0; i <= 100; i++) {
      a.provider.awareness.setLocalStateField('cursor', [i, i])
      await new Promise((r) => setTimeout(r, 5))
    }
    const ms = Date.now() - started
    const last = () =>
      (
        b.provider.awareness.getStates().get(a.doc.clientID) as {
          cursor?: number[]
        }
      )?.cursor?.[0]
    await until(() => last() === 100)
    // At most one per 100 ms (plus the first and the trailing one).
    expect(seen).toBeLessThanOrEqual(Math.ceil(ms / 100) + 3)
    expect(seen).toBeGreaterThan(2)
    await h.close()
  })

  it('closes a connection that sends garbage and keeps serving the others', async () => {
    const h = await startHub()
    const a = client(h.url, 'scenario:s4')
    await until(() => a.provider.synced)
    const raw = new WebSocket(`${h.url}/scenario:s4`)
    await new Promise((r) => raw.once('open', r))
    const closed = new Promise<number>((r) =>
      raw.once('close', (code) => r(code)),
    )
    // Sync "update" whose payload claims 50 bytes and carries 3, then noise.
    raw.send(Buffer.from([0, 2, 50, 1, 2, 3]))
    expect(await closed).toBe(CloseCode.MalformedMessage)
    const bad = new WebSocket(`${h.url}/scenario:s4`)
    await new Promise((r) => bad.once('open', r))
    const closed2 = new Promise<number>((r) =>
      bad.once('close', (code) => r(code)),
    )
    bad.send(Buffer.from([0, 2, 3, 9, 9, 9])) // a well-framed but invalid Yjs update
    expect(await closed2).toBe(CloseCode.MalformedMessage)
    // The document is untouched and the good client still edits.
    const b = client(h.url, 'scenario:s4')
    a.doc.getMap('m').set('k', 'v')
    await until(() => b.doc.getMap('m').get('k') === 'v')
    await h.hub.settled()
    for (const u of h.store.docs.get('scenario:s4') ?? []) Y.decodeUpdate(u)
    await h.close()
  })
})

describe('Hub under bad input', () => {
  it('survives hundreds of connections sending random bytes, truncated frames and oversized frames', async () => {
    const h = await startHub(new MemoryDocStore(), 1024 * 1024)
    const good = client(h.url, 'scenario:bad')
    await until(() => good.provider.synced)
    // A deterministic stream of junk: random lengths and bytes (xorshift).
    let x = 2463534242
    const rand = () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return (x >>> 0) / 2 ** 32
    }
    const codes: number[] = []
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const raw = new WebSocket(`${h.url}/scenario:bad`)
        await new Promise((r) => raw.once('open', r))
        const done = new Promise<number>((r) => raw.once('close', (c) => r(c)))
        if (i % 50 === 0) raw.send(Buffer.alloc(2 * 1024 * 1024, 7))
        else if (i % 3 === 0) raw.send('text frames are not the protocol')
        else {
          const junk = Buffer.from(
            Array.from({ length: 1 + Math.floor(rand() * 64) }, () =>
              Math.floor(rand() * 256),
            ),
          )
          // Most junk is malformed; the rare frame that decodes is just closed by us.
          raw.send(junk)
          setTimeout(() => raw.close(), 200)
        }
        codes.push(await done)
      }),
    )
    expect(codes).toHaveLength(200)
    expect(
      codes.filter((c) => c === CloseCode.MalformedMessage).length,
    ).toBeGreaterThan(100)
    // The document and the good client are fine.
    const other = client(h.url, 'scenario:bad')
    good.doc.getMap('m').set('still', 'here')
    await until(() => other.doc.getMap('m').get('still') === 'here')
    await h.hub.settled()
    const stored = new Y.Doc()
    for (const u of h.store.docs.get('scenario:bad') ?? [])
      Y.applyUpdate(stored, u)
    expect(stored.getMap('m').get('still')).toBe('here')
    await h.close()
  })
})

function encodeVarUint(n: number): number[] {
  const out: number[] = []
  while (n > 127) {
    out.push(128 | (n & 127))
    n >>>= 7
  }
  out.push(n)
  return out
}
