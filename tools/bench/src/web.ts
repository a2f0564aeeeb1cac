/**
 * `npm run bench:web` — the map editor in a real browser (issue 6, point 10): headless
 * Chromium with software rendering (SwiftShader) against the built server with the demo
 * plan (25,000 accounts on 3,100 counties), on a fresh embedded database unless BENCH_URL
 * names a running server.
 *
 * - loadMs: navigation → an interactive map (the first frame drawn with the plan's colours)
 *   with the balance score shown; a fresh browser context (empty cache) per run, median of 3;
 * - remotePaintP50Ms / P99Ms: planner A moves one unit (through the editor, as a click
 *   would); the time until planner B's map has drawn that unit in its new colour. Both pages
 *   stamp time with `performance.timeOrigin + performance.now()`, one clock on one machine;
 * - longTasksDuringPaint: main-thread tasks over 50 ms (Long Tasks API) in either page while
 *   the single-unit edits run, one edit every 250 ms.
 *
 * Each edit's time is also split into the wire (A's edit → B's websocket receiving it) and
 * the page (B receiving it → B's frame drawn), logged as quantiles on stderr.
 *
 * `BENCH_WEB_COMPOSITING=gpu` runs Chromium with ANGLE on SwiftShader (`--use-angle`): WebGL
 * *and* the page compositor drawn by the CPU, a WebGL frame handed to the compositor as a
 * texture. The default is Chromium's software compositor (what `--use-gl=swiftshader`, no
 * longer a GL Chromium knows, falls back to, as does `--disable-gpu`), where every WebGL
 * frame is read back into the page's main thread. Both are software rendering; they put the
 * cost of a frame in different places (docs/architecture.md, "Frame cost").
 * `BENCH_WEB_TRACE=file.json` records a Chrome trace of the edits (with JS samples in it if
 * `BENCH_WEB_TRACE_JS=1`).
 *
 * The pages report through two inert hooks the bench installs before the app loads:
 * `__tesseraPaintLog` (the map appends the units it repainted, with when) and
 * `__tesseraBench` (the editor lends its `assign`). The last line is the JSON the issue
 * specifies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js'
import { rebasePlanOnHexagons } from '@tessera/api'
import { openDatabase } from '@tessera/db'
import {
  DEMO_ORG_ID,
  DEMO_PLAN_ID,
  generateAndSeed,
  resetDatabase,
} from '@tessera/demo-data'
import { type Browser, type Page, chromium } from 'playwright-core'
import { startServer } from './server.js'

const EDITS = Number(process.env['BENCH_WEB_EDITS'] ?? 60)
const LOADS = Number(process.env['BENCH_WEB_LOADS'] ?? 3)
/** A directory: CPU profiles of both pages during the edits are written there (`*.cpuprofile`). */
const PROFILE_DIR = process.env['BENCH_WEB_PROFILE']
const TRACE = process.env['BENCH_WEB_TRACE']
const GPU_COMPOSITING = process.env['BENCH_WEB_COMPOSITING'] === 'gpu'
// BENCH_WEB_LOADS / BENCH_WEB_EDITS shorten a run while investigating; the defaults are the bench.
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quantile = (xs: number[], q: number) => {
  const s = Float64Array.from(xs).sort()
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))]! : NaN
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
const log = (...args: unknown[]) => console.error('[bench:web]', ...args)

/** Installed before any page script: the hooks the app reports into, and a long-task log. */
const INIT = () => {
  const w = globalThis as unknown as Record<string, unknown>
  w['__tesseraPaintLog'] = []
  w['__tesseraBench'] = {}
  // When each plan-document message reached the page (splits wire time from page time).
  const received: number[] = []
  w['__hubMessages'] = received
  const Native = WebSocket
  w['WebSocket'] = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      if (String(url).includes('/yjs/'))
        this.addEventListener('message', () =>
          received.push(performance.timeOrigin + performance.now()),
        )
    }
  }
  const tasks: number[][] = []
  w['__longTasks'] = tasks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        tasks.push([performance.timeOrigin + e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true } as never)
  } catch {
    // no Long Tasks API: nothing is counted
  }
}

async function signedInContext(browser: Browser, url: string, who: string) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: url,
  })
  const res = await context.request.post(`${url}/trpc/auth.login`, {
    data: { email: `${who}@demo.tessera.dev`, password: 'tessera-demo' },
  })
  if (!res.ok())
    throw new Error(
      `login as ${who} failed: ${res.status()} ${await res.text()}`,
    )
  await context.addInitScript(INIT)
  return context
}

/** Navigates and waits for the map's first frame and the balance score; ms since navigation. */
async function timedLoad(page: Page): Promise<number> {
  await page.goto('/')
  await page.getByTestId('balance-score').waitFor({ timeout: 120_000 })
  await page.waitForFunction(
    () =>
      ((globalThis as unknown as { __tesseraPaintLog: unknown[] })
        .__tesseraPaintLog.length ?? 0) > 0,
    undefined,
    { timeout: 120_000 },
  )
  return page.evaluate(() => {
    const first = (
      globalThis as unknown as { __tesseraPaintLog: { at: number }[] }
    ).__tesseraPaintLog[0]!.at
    const score = performance
      .getEntriesByType('mark')
      .find((m) => m.name === 'tessera:scores-shown')
    const scoreAt = score ? performance.timeOrigin + score.startTime : 0
    return Math.max(first, scoreAt) - performance.timeOrigin
  })
}

async function openDraft(page: Page, draftId: string) {
  await page.goto('/')
  await page.getByTestId('scenario-name').selectOption(draftId)
  await page.waitForSelector('[data-engine="ready"]', { timeout: 120_000 })
  await page.waitForFunction(
    () =>
      typeof (globalThis as unknown as { __tesseraBench: { assign?: unknown } })
        .__tesseraBench.assign === 'function',
  )
}

/** Starts the V8 sampling profiler in a page; the returned function stops it and gives the profile. */
async function startProfile(page: Page): Promise<() => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return async () => (await cdp.send('Profiler.stop')).profile
}

async function main() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      ...(GPU_COMPOSITING
        ? // Tiles rastered by Skia on the CPU, composited by SwiftShader.
          ['--use-angle=swiftshader', '--disable-gpu-rasterization']
        : ['--use-gl=swiftshader']),
    ],
  })
  try {
    // BENCH_WEB_ONLY_H3=1 skips the US plan while investigating the hexagons.
    let us: Measured = { loads: [], remote: [], longTasks: 0, longest: 0 }
    if (!process.env['BENCH_WEB_ONLY_H3']) {
      const server = await startServer('web')
      try {
        us = await measure(browser, server.url, 'scn_demo_draft')
      } finally {
        server.stop()
      }
    }
    let h3: (Measured & { cells: number }) | null = null
    if (!process.env['BENCH_WEB_SKIP_H3']) {
      log('preparing a plan on 100,000+ H3 cells …')
      const prepared = await prepareHexagons()
      log(
        `${prepared.cells} cells (resolution ${prepared.resolution}) in ${round(prepared.ms / 1000)} s`,
      )
      const hexServer = await startServer('web-h3', prepared.dataDir)
      try {
        h3 = {
          ...(await measure(browser, hexServer.url, prepared.draftId)),
          cells: prepared.cells,
        }
      } finally {
        hexServer.stop()
      }
    }
    console.log(
      JSON.stringify({
        bench: 'web',
        compositing: GPU_COMPOSITING ? 'gpu (SwiftShader)' : 'software',
        loadMs: round(quantile(us.loads, 0.5)),
        loads: us.loads.map((x) => round(x)),
        remotePaintP50Ms: round(quantile(us.remote, 0.5)),
        remotePaintP99Ms: round(quantile(us.remote, 0.99)),
        remotePaintMaxMs: round(Math.max(...us.remote)),
        edits: us.remote.length,
        longTasksDuringPaint: us.longTasks,
        longestTaskMs: round(us.longest),
        ...(h3
          ? {
              h3Cells: h3.cells,
              h3LoadMs: round(quantile(h3.loads, 0.5)),
              h3RemotePaintP50Ms: round(quantile(h3.remote, 0.5)),
              h3RemotePaintP99Ms: round(quantile(h3.remote, 0.99)),
              h3LongTasksDuringPaint: h3.longTasks,
            }
          : {}),
      }),
    )
  } finally {
    await browser.close()
  }
}

interface Measured {
  loads: number[]
  remote: number[]
  longTasks: number
  longest: number
}

/** Load times (fresh contexts) and remote repaints between two planners on a draft. */
async function measure(
  browser: Browser,
  url: string,
  draftId: string,
): Promise<Measured> {
  const server = { url }
  // Warm the server (its geometry and model caches), as a running server would be.
  const warm = await signedInContext(browser, server.url, 'admin')
  await timedLoad(await warm.newPage())
  await warm.close()

  const loads: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const context = await signedInContext(browser, server.url, 'planner')
    loads.push(await timedLoad(await context.newPage()))
    await context.close()
    log(`load ${i + 1}: ${round(loads.at(-1)!)} ms`)
  }

  const a = await (
    await signedInContext(browser, server.url, 'planner')
  ).newPage()
  const b = await (
    await signedInContext(browser, server.url, 'manager')
  ).newPage()
  await openDraft(a, draftId)
  await openDraft(b, draftId)
  // Units to move: each to a territory it is not in (the first unit of the next territory).
  const moves = await a.evaluate((n) => {
    const bench = (
      globalThis as unknown as {
        __tesseraBench: { assignments: () => Record<string, string> }
      }
    ).__tesseraBench
    const assignments = Object.entries(bench.assignments())
    const territories = [...new Set(assignments.map(([, t]) => t))]
    const out: [string, string][] = []
    for (let i = 0; out.length < n && i < assignments.length; i += 37) {
      const [unit, from] = assignments[i]!
      const to =
        territories[(territories.indexOf(from) + 1) % territories.length]!
      out.push([unit, to])
    }
    return out
  }, EDITS)
  await sleep(1500)
  const since = await a.evaluate(
    () => performance.timeOrigin + performance.now(),
  )
  if (TRACE)
    await browser.startTracing(undefined, {
      path: TRACE,
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink',
        'cc',
        'gpu',
        'gpu.angle',
        'viz',
        // JS samples in the trace itself (they slow the pages down: for finding, not timing).
        ...(process.env['BENCH_WEB_TRACE_JS']
          ? ['disabled-by-default-v8.cpu_profiler']
          : []),
      ],
    })
  const profilers = PROFILE_DIR
    ? await Promise.all([a, b].map((p) => startProfile(p)))
    : []
  const remote: number[] = []
  const wire: number[] = []
  const sent: number[] = []
  for (const [unit, to] of moves) {
    const sentAt = await a.evaluate(
      ([u, t]) => {
        const at = performance.timeOrigin + performance.now()
        const bench = (
          globalThis as unknown as {
            __tesseraBench: {
              assign: (u: string[], t: string) => { ok: boolean }
            }
          }
        ).__tesseraBench
        if (!bench.assign([u], t).ok) throw new Error(`assign ${u} failed`)
        return at
      },
      [unit, to] as const,
    )
    const paintedAt = await b.waitForFunction(
      ([u, t]) => {
        const logged = (
          globalThis as unknown as {
            __tesseraPaintLog: {
              unitId: string
              territoryId: string
              at: number
            }[]
          }
        ).__tesseraPaintLog
        for (let i = logged.length - 1; i >= 0; i--) {
          const e = logged[i]!
          if (e.unitId === u && e.territoryId === t) return e.at
        }
        return false
      },
      [unit, to] as const,
      { timeout: 20_000, polling: 'raf' },
    )
    sent.push(sentAt)
    remote.push(Number(await paintedAt.jsonValue()) - sentAt)
    const receivedAt = await b.evaluate(
      (t) =>
        (
          globalThis as unknown as { __hubMessages: number[] }
        ).__hubMessages.find((x) => x >= t) ?? NaN,
      sentAt,
    )
    wire.push(receivedAt - sentAt)
    await sleep(250)
  }
  await sleep(500)
  if (TRACE) await browser.stopTracing()
  for (const [i, stop] of profilers.entries()) {
    const file = join(PROFILE_DIR!, `page-${i ? 'b' : 'a'}.cpuprofile`)
    writeFileSync(file, JSON.stringify(await stop()))
    log(`CPU profile: ${file}`)
  }
  const longTasks = async (page: Page) =>
    page.evaluate(
      (t0) =>
        (
          globalThis as unknown as { __longTasks: number[][] }
        ).__longTasks.filter(([at, d]) => at! >= t0 && d! > 50),
      since,
    )
  const page = remote.map((r, i) => r - wire[i]!)
  log(
    `wire p50 ${round(quantile(wire, 0.5))} / p99 ${round(quantile(wire, 0.99))} ms; ` +
      `page p50 ${round(quantile(page, 0.5))} / p99 ${round(quantile(page, 0.99))} ms`,
  )
  log(
    `remote paints in order (ms): ${remote.map((x) => round(x, 0)).join(' ')}`,
  )
  const tasksA = await longTasks(a)
  const tasksB = await longTasks(b)
  const longest = Math.max(0, ...[...tasksA, ...tasksB].map((t) => t[1]!))
  // Which edit each long task followed (1-based), and its length: an early one is the
  // page's first use of a code path, a late one the edit itself.
  const after = ([at, d]: number[]) =>
    `#${sent.filter((t) => t <= at!).length} ${round(d!, 0)} ms`
  log(
    `long tasks: A ${tasksA.length} [${tasksA.map(after).join(', ')}], ` +
      `B ${tasksB.length} [${tasksB.map(after).join(', ')}], longest ${round(longest)} ms`,
  )
  await a.context().close()
  await b.context().close()
  return {
    loads,
    remote,
    longTasks: tasksA.length + tasksB.length,
    longest,
  }
}

/**
 * A data directory holding the demo re-based onto H3 cells at resolution 7 covering the
 * accounts and a disk of 99,919 cells round Kansas City (≈ 440 km across each way), the
 * US plan removed so the hexagon plan is the one that opens.
 */
async function prepareHexagons() {
  const started = performance.now()
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-web-h3-'))
  const handle = await openDatabase({ dataDir })
  try {
    await resetDatabase(handle.db)
    await generateAndSeed(handle.db, {})
    const centre = latLngToCell(39.1, -94.6, 7)
    const alsoCover = gridDisk(centre, 182).map((c) => {
      const [lat, lon] = cellToLatLng(c)
      return { lon, lat }
    })
    const r = await rebasePlanOnHexagons(handle.db, {
      orgId: DEMO_ORG_ID,
      userId: 'usr_demo_planner',
      planId: DEMO_PLAN_ID,
      resolution: 7,
      alsoCover,
      now: new Date(),
    })
    await handle.db.deleteFrom('plans').where('id', '=', DEMO_PLAN_ID).execute()
    return {
      dataDir,
      draftId: r.draftScenarioId,
      cells: r.layer.cells,
      resolution: r.layer.resolution,
      ms: performance.now() - started,
    }
  } finally {
    await handle.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
