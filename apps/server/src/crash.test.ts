import type { ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import {
  connectDoc,
  demoLogin,
  freePort,
  startServerProcess,
  throwawayDatabase,
  until,
} from './testing/processes.js'

// PostgreSQL is always there (the session's and CI's); a throwaway database per run.
const children: ChildProcess[] = []
let drop: (() => Promise<void>) | undefined
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await drop?.()
})

describe('crash safety', () => {
  it('keeps every update a collaborator saw when the server is killed mid-stream', async () => {
    const db = await throwawayDatabase('tessera_crash')
    drop = db.drop
    const port = await freePort()
    const env = { DATABASE_URL: db.url, REDIS_URL: '' }
    const first = await startServerProcess(port, env)
    children.push(first.child)
    const cookie = await demoLogin(first.url, 'planner@demo.tessera.dev')
    const writer = connectDoc(first.url, cookie)
    const watcher = connectDoc(first.url, cookie)
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
    const second = await startServerProcess(port, env)
    children.push(second.child)
    const reader = connectDoc(second.url, cookie)
    await until(() => reader.provider.synced)
    const reloaded = reader.doc.getMap<number>('crashTest')
    const missing = [...sawBeforeCrash.keys()].filter((k) => !reloaded.has(k))
    expect(missing).toEqual([])
    reader.provider.destroy()
  }, 120_000)
})
