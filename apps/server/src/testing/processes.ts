// Helpers for tests that run the real server in child processes (crash, scale-out): a
// throwaway PostgreSQL database, free ports, the server process, y-websocket clients that
// carry the session cookie.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createThrowawayDatabase } from '@tessera/db'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const adminUrl =
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const script = fileURLToPath(new URL('./serve-for-test.ts', import.meta.url))

/** A fresh database for one test file; `drop()` removes it. */
export function throwawayDatabase(prefix: string) {
  return createThrowawayDatabase(adminUrl, prefix)
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** Starts the real server in its own process; resolves once it listens. */
export function startServerProcess(
  port: number,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', ...env },
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

/** Signs in as a demo user; returns the session cookie. */
export async function demoLogin(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'tessera-demo' }),
  })
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!
}

/** The official y-websocket client with the session cookie. */
export function connectDoc(
  url: string,
  cookie: string,
  docName = 'scenario:scn_demo_draft',
) {
  class CookieSocket extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { headers: { cookie } })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${url.replace('http', 'ws')}/yjs`,
    docName,
    doc,
    {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  return { doc, provider }
}

export async function until(check: () => boolean, ms = 20_000) {
  const t0 = Date.now()
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}
