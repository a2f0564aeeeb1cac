/**
 * `npm run bench:hub` — the real-time backbone (issue 5, point 8), with real websocket
 * clients (the official y-websocket provider) on loopback against hub processes:
 *
 * - latency: edit → every other client, 100 clients in one room, 20 edits/s in total, for
 *   our hub on PostgreSQL (persist, then broadcast) and for a bare `@y/websocket-server`
 *   (in memory, nothing checked) under the same load; `ratioP99` = ours ÷ bare;
 * - maxUpdatesPerSec: the highest rate of updates our hub stores and relays without falling
 *   behind (open-loop steps; a step holds when every update reaches a watcher within 1 s of
 *   the step's end);
 * - scaleOut: the latency run with the clients split over two hub processes over Redis;
 * - rssMB: the resident memory of our hub process after the 100-client run;
 * - doc: the plan document's long life (see hub-doc.ts).
 *
 * Bounded in time (≈2 minutes); stops by itself. Needs PostgreSQL (DATABASE_URL or the
 * local server) and, for scaleOut, Redis (REDIS_URL or 127.0.0.1:6379). The last line is the
 * JSON the issue specifies.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createThrowawayDatabase } from '@tessera/db'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { demoFixture } from './fixtures.js'
import { measureDocLongLife } from './hub-doc.js'

const CLIENTS = 100
const EDITS_PER_SEC = 20
const LATENCY_SECONDS = Number(process.env['BENCH_HUB_SECONDS'] ?? 20)
const adminUrl =
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379'
const serverScript = fileURLToPath(new URL('./hub-server.ts', import.meta.url))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quantile = (xs: number[], q: number) => {
  const s = Float64Array.from(xs).sort()
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))]! : NaN
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

interface HubProcess {
  child: ChildProcess
  url: string
  rssMB: () => number
  stop: () => Promise<void>
}

function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\d+)/.exec(out)
      if (m)
        resolve({
          child,
          url: `ws://127.0.0.1:${m[1]}`,
          rssMB: () => {
            try {
              const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
              return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
            } catch {
              return NaN
            }
          },
          stop: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r()
              child.once('exit', () => r())
              child.kill('SIGTERM')
              setTimeout(() => child.kill('SIGKILL'), 3000).unref()
            }),
        })
    })
    child.once('exit', (code) =>
      reject(new Error(`hub process (${env['MODE']}) exited with ${code}`)),
    )
  })
}

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
}

async function connectClients(urls: string[], room: string, n: number) {
  const clients: Client[] = []
  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(urls[i % urls.length]!, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    clients.push({ doc, provider })
  }
  const t0 = Date.now()
  while (!clients.every((c) => c.provider.synced)) {
    if (Date.now() - t0 > 30_000)
      throw new Error(`clients did not sync with ${urls.join(', ')}`)
    await sleep(20)
  }
  return clients
}

function closeClients(clients: Client[]) {
  for (const c of clients) {
    c.provider.destroy()
    c.doc.destroy()
  }
}

/**
 * Every client records, for each edit it receives, now − the time it was made (all clients
 * live in this process, so they share one clock). Edits go round-robin over the clients.
 */
async function latencySamples(urls: string[], room: string, seconds: number) {
  const clients = await connectClients(urls, room, CLIENTS)
  const samples: number[] = []
  for (const c of clients) {
    const map = c.doc.getMap<number>('bench')
    map.observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const key of event.keysChanged) {
        const sent = map.get(key)
        if (typeof sent === 'number') samples.push(now - sent)
      }
    })
  }
  await sleep(500)
  const total = EDITS_PER_SEC * seconds
  const started = performance.now()
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / EDITS_PER_SEC
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    clients[i % clients.length]!.doc.getMap<number>('bench').set(
      `e${i}`,
      performance.now(),
    )
  }
  const expected = total * (CLIENTS - 1)
  const t0 = Date.now()
  while (samples.length < expected && Date.now() - t0 < 10_000) await sleep(20)
  closeClients(clients)
  if (samples.length < expected * 0.99)
    throw new Error(
      `only ${samples.length} of ${expected} edits reached the other clients`,
    )
  return samples
}

const summary = (samples: number[]) => ({
  p50Ms: round(quantile(samples, 0.5)),
  p99Ms: round(quantile(samples, 0.99)),
})

/**
 * Latency of several servers under the same load, measured in alternating rounds (each a
 * fresh room and 100 fresh clients) and pooled per server: a pause of the machine (this is
 * a shared VM) then lands on all of them alike rather than on whichever ran at that moment.
 */
async function compareLatency(
  servers: Record<string, string[]>,
  rounds = 3,
): Promise<Record<string, { p50Ms: number; p99Ms: number }>> {
  const pooled: Record<string, number[]> = {}
  for (let r = 0; r < rounds; r++)
    for (const [name, urls] of Object.entries(servers)) {
      const samples = await latencySamples(
        urls,
        `bench:latency:${name}:${r}`,
        LATENCY_SECONDS / rounds,
      )
      ;(pooled[name] ??= []).push(...samples)
    }
  return Object.fromEntries(
    Object.entries(pooled).map(([name, s]) => [name, summary(s)]),
  )
}

/**
 * Open-loop steps of increasing rate: 10 writers each make their share of updates (one
 * transaction, one update message each) every 10 ms; a watcher counts what it receives
 * (the hub relays an update only once it is stored). A step holds when everything sent
 * arrived within 1 s of the step's end; the result is the highest held rate, as received.
 */
async function measureMaxUpdates(url: string) {
  let best = 0
  for (const rate of [1000, 2000, 3000, 4000, 6000, 8000]) {
    const room = `bench:throughput:${rate}:${randomBytes(3).toString('hex')}`
    const writers = await connectClients([url], room, 10)
    const [watcher] = await connectClients([url], room, 1)
    let received = 0
    let lastAt = 0
    watcher!.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === watcher!.provider) {
        received++
        lastAt = performance.now()
      }
    })
    const seconds = 3
    const perTick = rate / 100 / writers.length
    let sent = 0
    let carry = 0
    const t0 = performance.now()
    for (let tick = 0; tick < seconds * 100; tick++) {
      const due = t0 + tick * 10
      const wait = due - performance.now()
      if (wait > 0) await sleep(wait)
      carry += perTick
      const n = Math.floor(carry)
      carry -= n
      for (const w of writers) {
        const m = w.doc.getMap<number>('t')
        for (let k = 0; k < n; k++) m.set(`k${sent++ % 500}`, sent)
      }
    }
    const end = performance.now()
    while (received < sent && performance.now() - end < 1000) await sleep(10)
    const held = received >= sent
    const achieved = received / ((Math.max(lastAt, end) - t0) / 1000)
    closeClients([...writers, watcher!])
    console.log(
      `  throughput step ${rate}/s: sent ${sent}, received ${received}${held ? '' : ' (fell behind)'}`,
    )
    if (!held) break
    best = Math.max(best, achieved)
  }
  return Math.round(best)
}

async function main() {
  const started = Date.now()
  console.log('bench:hub — plan document long life …')
  const f = demoFixture()
  const doc = measureDocLongLife(f.model, f.plan(), { writes: 100_000 })
  console.log(
    `  ${doc.writes} reassignments in ${doc.strokes} strokes + clicks: ${doc.bytes} B vs ${doc.freshBytes} B fresh (×${round(doc.growth)}), cold load ${round(doc.loadMs)} ms, one reassignment p50 ${round(doc.writeP50Us, 1)} µs p99 ${round(doc.writeP99Us, 1)} µs; a click (one unit, its own transaction) p50 ${round(doc.clickP50Us, 1)} µs p99 ${round(doc.clickP99Us, 1)} µs (rounds: ${doc.clickP99ByRoundUs.join(', ')} µs)`,
  )

  const { url: dbUrl, drop } = await createThrowawayDatabase(
    adminUrl,
    'tessera_bench',
  )
  const procs: HubProcess[] = []
  try {
    console.log(
      `latency: ${CLIENTS} clients, ${EDITS_PER_SEC} edits/s, ${LATENCY_SECONDS} s per run`,
    )
    // Both servers up at once, measured in alternating rounds (see compareLatency).
    ;(globalThis as { gc?: () => void }).gc?.()
    const bareProc = await startHubProcess({ MODE: 'bare' })
    procs.push(bareProc)
    const ours = await startHubProcess({
      MODE: 'tessera',
      DATABASE_URL: dbUrl,
      REDIS_URL: '',
    })
    procs.push(ours)
    const prefix = `bench:${randomBytes(3).toString('hex')}:`
    const scaleEnv = {
      MODE: 'tessera',
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      BUS_PREFIX: prefix,
    }
    const one = await startHubProcess(scaleEnv)
    procs.push(one)
    const two = await startHubProcess(scaleEnv)
    procs.push(two)
    const latency = await compareLatency({
      bare: [bareProc.url],
      tessera: [ours.url],
      scaleOut: [one.url, two.url],
    })
    const {
      bare,
      tessera,
      scaleOut: scaled,
    } = latency as Record<
      'bare' | 'tessera' | 'scaleOut',
      { p50Ms: number; p99Ms: number }
    >
    const rssMB = ours.rssMB()
    console.log(
      `  bare @y/websocket-server (memory): p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms`,
    )
    console.log(
      `  tessera (PostgreSQL, persist then broadcast): p50 ${tessera.p50Ms} ms, p99 ${tessera.p99Ms} ms, rss ${round(rssMB, 0)} MB`,
    )
    console.log(
      `  two tessera processes over Redis: p50 ${scaled.p50Ms} ms, p99 ${scaled.p99Ms} ms`,
    )
    await Promise.all([bareProc.stop(), one.stop(), two.stop()])
    const maxUpdatesPerSec = await measureMaxUpdates(ours.url)
    console.log(`  max sustained stored updates: ${maxUpdatesPerSec}/s`)
    await ours.stop()

    console.log(`done in ${round((Date.now() - started) / 1000, 0)} s`)
    console.log(
      JSON.stringify({
        bench: 'hub',
        clients: CLIENTS,
        editsPerSec: EDITS_PER_SEC,
        p50Ms: tessera.p50Ms,
        p99Ms: tessera.p99Ms,
        bare: { p50Ms: bare.p50Ms, p99Ms: bare.p99Ms },
        ratioP99: round(tessera.p99Ms / bare.p99Ms),
        maxUpdatesPerSec,
        scaleOut: { instances: 2, p99Ms: scaled.p99Ms },
        rssMB: round(rssMB, 0),
        doc: {
          writes: doc.writes,
          growth: round(doc.growth),
          loadMs: round(doc.loadMs),
          writeP99Us: round(doc.writeP99Us, 1),
          clickP99Us: round(doc.clickP99Us, 1),
        },
      }),
    )
  } finally {
    await Promise.all(procs.map((p) => p.stop()))
    await drop()
  }
}

await main()
process.exit(0)
