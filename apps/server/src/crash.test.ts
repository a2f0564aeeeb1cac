import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

// PostgreSQL is always there (the session's and CI's); a throwaway database per run.
const adminUrl =
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `tessera_crash_${randomBytes(5).toString('hex')}`
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).href
const script = fileURLToPath(
  new URL('./testing/serve-for-test.ts', import.meta.url),
)

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** Starts the real server in its own process; resolves once it listens. */
function start(port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) resolve({ child, url: m[1]! })
    })
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

function connect(url: string, cookie: string) {
  class CookieSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { headers: { cookie } })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${url.replace('http', 'ws')}/yjs`,
    'scenario:scn_demo_draft',
    doc,
    {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  return { doc, provider }
}

async function until(check: () => boolean, ms = 20_000) {
  const t0 = Date.now()
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const children: ChildProcess[] = []
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await admin(`drop database if exists ${dbName} with (force)`)
})

describe('crash safety', () => {
  it('keeps every update a collaborator saw when the server is killed mid-stream', async () => {
    await admin(`create database ${dbName}`)
    const port = await freePort()
    const first = await start(port)
    children.push(first.child)
    const login = await fetch(`${first.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'planner@demo.tessera.dev',
        password: 'tessera-demo',
      }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const writer = connect(first.url, cookie)
    const watcher = connect(first.url, cookie)
    await until(() => writer.provider.synced && watcher.provider.synced)
    // The watcher records every key it receives from the hub.
    const seen = watcher.doc.getMap<number>('crashTest')
    // The writer streams one new key every 2 ms until the server dies.
    let i = 0
    const stream = setInterval(() => {
      writer.doc.getMap<number>('crashTest').set(`k${i}`, i)
      i++
    }, 2)
    await until(() => seen.size >= 150)
    first.child.kill('SIGKILL')
    clearInterval(stream)
    const sawBeforeCrash = new Map(seen.entries())
    writer.provider.destroy()
    watcher.provider.destroy()
    expect(sawBeforeCrash.size).toBeGreaterThanOrEqual(150)

    // Restarted on the same database: everything the watcher saw is there.
    const second = await start(port)
    children.push(second.child)
    const reader = connect(second.url, cookie)
    await until(() => reader.provider.synced)
    const reloaded = reader.doc.getMap<number>('crashTest')
    const missing = [...sawBeforeCrash.keys()].filter((k) => !reloaded.has(k))
    expect(missing).toEqual([])
    reader.provider.destroy()
  }, 120_000)
})
