/**
 * `npm run bench:routing` — lead routing through the real API (issue 9, point 7): the built
 * server on a fresh embedded database with the demo plan (3,100 counties), or BENCH_URL.
 *
 * - singleP50Ms / singleP99Ms: one lead per call, over HTTP (sign-in cookie, tRPC, the
 *   published alignment, the point-in-polygon index), 1,000 calls one after another after
 *   50 untimed ones; serverP99Ms is the router's own time for one lead, as it reports it;
 * - batchMs: one call with 10,000 leads (coordinates and ZIP codes mixed), end to end, and
 *   perLeadUs its server time per lead.
 *
 * Leads are seeded random points around the demo's unit centroids and ZIP codes from the
 * table. The last line is the JSON to track; the target is a p99 of at most 5 ms a lookup.
 */
import { percentile } from './stats.js'
import { startServer } from './server.js'

const log = (...args: unknown[]) => console.error('[bench:routing]', ...args)
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

/** A small seeded generator (mulberry32): the same leads every run. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function main() {
  const server = await startServer('routing')
  try {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'planner@demo.tessera.dev',
        password: 'tessera-demo',
      }),
    })
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''
    const get = async (path: string, input: unknown) => {
      const res = await fetch(
        `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { cookie } },
      )
      return ((await res.json()) as { result: { data: unknown } }).result.data
    }
    const plans = (await fetch(`${server.url}/trpc/plans.list`, {
      headers: { cookie },
    }).then((r) => r.json())) as {
      result: { data: { id: string; unitLayerId: string }[] }
    }
    const plan = plans.result.data[0]!
    const { units } = (await get('geo.units', {
      layerId: plan.unitLayerId,
    })) as { units: { centroid: [number, number] }[] }
    const random = rng(7)
    const zips = ['10001', '60601', '94105', '73301', '02139', '98101', '30301']
    const lead = (i: number) => {
      if (i % 5 === 0) return { id: `L${i}`, zip: zips[i % zips.length] }
      const [lon, lat] = units[Math.floor(random() * units.length)]!.centroid
      return {
        id: `L${i}`,
        lon: lon + (random() - 0.5) * 0.1,
        lat: lat + (random() - 0.5) * 0.1,
      }
    }
    const route = async (leads: unknown[]) => {
      const t = performance.now()
      const res = await fetch(`${server.url}/trpc/routing.route`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ planId: plan.id, leads }),
      })
      const body = (await res.json()) as {
        result?: { data: { ms: number; leads: { error: string | null }[] } }
        error?: { message: string }
      }
      if (!body.result) throw new Error(body.error?.message ?? 'no answer')
      return { ms: performance.now() - t, data: body.result.data }
    }
    for (let i = 0; i < 50; i++) await route([lead(i)])
    const single: number[] = []
    const server1: number[] = []
    let routed = 0
    for (let i = 0; i < 1000; i++) {
      const r = await route([lead(i)])
      single.push(r.ms)
      server1.push(r.data.ms)
      if (!r.data.leads[0]!.error) routed++
    }
    const batch = await route(Array.from({ length: 10_000 }, (_, i) => lead(i)))
    const sorted = Float64Array.from(single).sort()
    const serverSorted = Float64Array.from(server1).sort()
    log(
      `${routed} of 1000 single leads routed; batch: ${batch.data.leads.filter((l) => !l.error).length} of 10000`,
    )
    console.log(
      JSON.stringify({
        bench: 'routing',
        lookups: 1000,
        singleP50Ms: round(percentile(sorted, 50)),
        singleP99Ms: round(percentile(sorted, 99)),
        serverP99Ms: round(percentile(serverSorted, 99), 3),
        batch: 10_000,
        batchMs: round(batch.ms, 1),
        perLeadUs: round((batch.data.ms * 1000) / 10_000, 1),
      }),
    )
  } finally {
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
