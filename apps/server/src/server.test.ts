import { type IncomingHttpHeaders, get as httpGet } from 'node:http'
import { createServer } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { seedDemoIfEmpty } from '@tessera/demo-data'
import { openPlanDoc } from '@tessera/domain'
import { PlanState, territoryInputsFrom, unpackModel } from '@tessera/engine'
import { type RunningServer, StartupError, startServer } from './app.js'
import { type Config, loadConfig } from './config.js'

/** The real server on a free port, on in-memory PGlite with a small real demo. */
function testConfig(env: Record<string, string> = {}): Config {
  const r = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env })
  if (!r.ok) throw new Error(r.message)
  // Port 0 (any free port) is for tests only; users must name a real port.
  return env['PORT'] ? r.config : { ...r.config, PORT: 0 }
}

async function trpc(
  server: RunningServer,
  path: string,
  opts: {
    input?: unknown
    cookie?: string
    mutation?: boolean
    headers?: Record<string, string>
  } = {},
) {
  const url = new URL(`/trpc/${path}`, server.url)
  const headers: Record<string, string> = {
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...opts.headers,
  }
  let res: Response
  if (opts.mutation) {
    res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(opts.input ?? null),
    })
  } else {
    if (opts.input !== undefined)
      url.searchParams.set('input', JSON.stringify(opts.input))
    res = await fetch(url, { headers })
  }
  const body = (await res.json()) as {
    result?: { data: unknown }
    error?: { message: string; data: { code: string } }
  }
  return { res, data: body.result?.data as any, error: body.error } // eslint-disable-line @typescript-eslint/no-explicit-any
}

const u0 = (units: { id: string }[]) => units[0]!.id

describe('server', () => {
  let server: RunningServer
  let cookie = ''

  beforeAll(async () => {
    server = await startServer(testConfig(), {
      log: pino({ level: 'silent' }),
      seedIfEmpty: async (h) =>
        void (await seedDemoIfEmpty(h.db, { accounts: 3_000 })),
    })
  }, 180_000)
  afterAll(async () => {
    await server?.close()
  })

  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, database: 'pglite' })
  })

  it('refuses data to an anonymous caller', async () => {
    const { res, error } = await trpc(server, 'plans.list')
    expect(res.status).toBe(401)
    expect(error?.message).toBe('Please sign in.')
    expect((await trpc(server, 'auth.me')).data).toBeNull()
  })

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const a = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'nobody@x.dev', password: 'nope' },
    })
    const b = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'planner@demo.tessera.dev', password: 'wrong' },
    })
    expect(a.res.status).toBe(401)
    expect(b.res.status).toBe(401)
    expect(a.error?.message).toBe('Wrong email or password.')
    expect(b.error?.message).toBe(a.error?.message)
    expect(a.res.headers.get('set-cookie')).toBeNull()
  })

  it('rejects malformed input with a clear message', async () => {
    const { res, error } = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: '', password: 'x' },
    })
    expect(res.status).toBe(400)
    expect(error?.message).toContain('Enter your email.')
  })

  it('logs the planner in with an httpOnly SameSite cookie', async () => {
    const { res, data } = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'Planner@Demo.Tessera.dev', password: 'tessera-demo' },
    })
    expect(res.status).toBe(200)
    expect(data).toMatchObject({ role: 'planner', displayName: 'Pat Planner' })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/tessera_session=[\w-]+/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    cookie = setCookie.split(';')[0]!
    expect((await trpc(server, 'auth.me', { cookie })).data).toMatchObject({
      email: 'planner@demo.tessera.dev',
    })
  })

  it('serves the demo plan: 40 territories in 8 regions covering every county', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    expect(plans).toHaveLength(1)
    const published = plans[0].scenarios.find(
      (s: { status: string }) => s.status === 'published',
    )
    expect(plans[0].publishedScenarioId).toBe(published.id)
    const { data } = await trpc(server, 'plans.scenario', {
      cookie,
      input: { scenarioId: published.id },
    })
    const kinds = data.plan.territories.map((t: { kind: string }) => t.kind)
    expect(kinds.filter((k: string) => k === 'territory')).toHaveLength(40)
    expect(kinds.filter((k: string) => k === 'region')).toHaveLength(8)
    expect(Object.keys(data.plan.assignments).length).toBeGreaterThan(3_000)
    const missing = await trpc(server, 'plans.scenario', {
      cookie,
      input: { scenarioId: 'scn_nope' },
    })
    expect(missing.res.status).toBe(404)
  })

  it('scores the demo plan with the engine: deliberately unbalanced, contiguous, undisrupted', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const published = plans[0].publishedScenarioId
    const { res, data } = await trpc(server, 'plans.scores', {
      cookie,
      input: { scenarioId: published },
    })
    expect(res.status).toBe(200)
    expect(data.territories).toHaveLength(40)
    expect(data.plan.accounts).toBe(3_000)
    expect(data.plan.balanceScore).toBeGreaterThan(0)
    expect(data.plan.balanceScore).toBeLessThan(90)
    expect(data.plan.inBandShare).toBeLessThan(0.5)
    expect(data.plan.disruptedAccounts).toBe(0)
    expect(data.plan.noncontiguousTerritories).toBe(0)
    for (const t of data.territories) {
      expect(t.pieces).toBe(1)
      expect(t.polsbyPopper).toBeGreaterThan(0)
      expect(t.polsbyPopper).toBeLessThanOrEqual(1)
      expect(t.travelKm).toBeGreaterThan(0)
      expect(t.utilization).toBeGreaterThan(0)
    }
    const sug = await trpc(server, 'plans.suggestions', {
      cookie,
      input: { scenarioId: published, limit: 5 },
    })
    expect(sug.res.status).toBe(200)
    expect(sug.data.suggestions.length).toBeGreaterThan(0)
    expect(sug.data.suggestions[0].balanceAfter).toBeGreaterThan(
      sug.data.balanceScore,
    )
    expect(sug.data.balanceScore).toBeCloseTo(data.plan.balanceScore, 9)
    const draft = plans[0].scenarios.find(
      (s: { status: string }) => s.status === 'draft',
    )
    const draftScores = (
      await trpc(server, 'plans.scores', {
        cookie,
        input: { scenarioId: draft.id },
      })
    ).data
    expect(draftScores.plan.balanceScore).toBeCloseTo(data.plan.balanceScore, 9)

    // The browser's engine, fed from engineInput and the live plan, agrees with the server.
    const packed = await trpc(server, 'plans.engineInput', {
      cookie,
      input: { scenarioId: draft.id },
    })
    expect(packed.res.status).toBe(200)
    const model = unpackModel(packed.data.model)
    if (!model.ok) throw new Error(model.error.message)
    expect(model.value.accountIds).toHaveLength(3_000)
    const doc = (
      await trpc(server, 'plans.scenario', {
        cookie,
        input: { scenarioId: draft.id },
      })
    ).data
    const reps = (await trpc(server, 'reps.list', { cookie })).data
    const browser = new PlanState(model.value, {
      territories: territoryInputsFrom(doc.plan.territories, reps),
      assignments: doc.plan.assignments,
      overrides: doc.plan.accountOverrides,
      published: packed.data.published,
      settings: doc.settings,
    })
    expect(browser.planScore().balanceScore).toBeCloseTo(
      draftScores.plan.balanceScore,
      9,
    )
    expect(browser.planScore().disruptedAccounts).toBe(
      draftScores.plan.disruptedAccounts,
    )
  })

  /** Polls a design or rebalance job (as the web app does) until it settles. */
  async function settle(jobId: string) {
    for (let i = 0; i < 600; i++) {
      const { data } = await trpc(server, 'plans.optimizeJob', {
        cookie,
        input: { jobId },
      })
      if (['done', 'failed', 'cancelled'].includes(data.status)) return data
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`job ${jobId} did not settle in 60 s`)
  }

  it('auto-designs in a worker job, staffs the parts with reps and drafts a scenario', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const published = plans[0].publishedScenarioId
    const { res, data: job } = await trpc(server, 'plans.autoDesign', {
      cookie,
      mutation: true,
      input: {
        scenarioId: published,
        parts: 40,
        metric: 'workload',
        tolerance: 0.05,
        seed: 3,
      },
    })
    expect(res.status).toBe(200)
    expect(job.status).toMatch(/queued|running/)
    // The server answers while the engine works.
    const health = await fetch(new URL('/healthz', server.url))
    expect(health.status).toBe(200)
    const done = await settle(job.id)
    expect(done.status).toBe('done')
    const data = done.result
    expect(data.contiguous).toBe(true)
    expect(data.maxDevPct).toBeLessThanOrEqual(5)
    expect(data.cutEdges).toBeGreaterThan(0)
    const scores = (
      await trpc(server, 'plans.scores', {
        cookie,
        input: { scenarioId: data.scenarioId },
      })
    ).data
    expect(scores.territories).toHaveLength(40)
    expect(scores.plan.unassigned.units).toBe(0)
    expect(scores.plan.noncontiguousTerritories).toBe(0)
    expect(Math.abs(scores.plan.worstDeviation.deviation)).toBeLessThanOrEqual(
      0.05 + 1e-9,
    )
    // Each part is staffed by one of the reps (the optimal assignment), none twice.
    const draft = (
      await trpc(server, 'plans.scenario', {
        cookie,
        input: { scenarioId: data.scenarioId },
      })
    ).data
    const reps = draft.plan.territories
      .filter((t: { kind: string }) => t.kind === 'territory')
      .map((t: { repId: string | null }) => t.repId)
    expect(reps.every(Boolean)).toBe(true)
    expect(new Set(reps).size).toBe(40)
    const after = (await trpc(server, 'plans.list', { cookie })).data
    expect(after[0].scenarios.map((s: { id: string }) => s.id)).toContain(
      data.scenarioId,
    )
  })

  it('explains an infeasible band, rebalances under a cap, and refuses unknown jobs', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const published = plans[0].publishedScenarioId
    const { data: job } = await trpc(server, 'plans.autoDesign', {
      cookie,
      mutation: true,
      input: {
        scenarioId: published,
        parts: 40,
        tolerance: 0.001,
        splitUnits: false,
      },
    })
    const done = await settle(job.id)
    expect(done.status).toBe('done')
    expect(done.result.infeasible.message).toMatch(
      /infeasible because unit \d{5} alone is \d+ % of the workload target/,
    )
    const { data: rb } = await trpc(server, 'plans.rebalance', {
      cookie,
      mutation: true,
      input: { scenarioId: published, maxMovedShare: 0.02 },
    })
    const rebalanced = await settle(rb.id)
    expect(rebalanced.status).toBe('done')
    expect(rebalanced.result.disruptedAccounts).toBeLessThanOrEqual(
      Math.floor(0.02 * 3_000),
    )
    expect(rebalanced.result.infeasible.code).toBe('DISRUPTION_CAP')
    const unknown = await trpc(server, 'plans.optimizeJob', {
      cookie,
      input: { jobId: 'job_nope' },
    })
    expect(unknown.res.status).toBe(404)
  })

  it('serves per-unit account totals with last-12-month sales and the main industry', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const layerId = plans[0].unitLayerId
    const { res, data } = await trpc(server, 'geo.units', {
      cookie,
      input: { layerId },
    })
    expect(res.status).toBe(200)
    const stats = data.stats as {
      accounts: number
      potential: number
      sales: number
      topIndustry: string | null
    }[]
    const withAccounts = stats.filter((s) => s.accounts > 0)
    expect(withAccounts.reduce((n, s) => n + s.accounts, 0)).toBe(3_000)
    expect(withAccounts.every((s) => typeof s.topIndustry === 'string')).toBe(
      true,
    )
    expect(withAccounts.some((s) => s.sales > 0)).toBe(true)
    // Built once per organization and layer: the second answer is the same.
    const again = await trpc(server, 'geo.units', {
      cookie,
      input: { layerId },
    })
    expect(again.data.stats).toEqual(stats)
  })

  it('serves layer geometry as compressed, cacheable TopoJSON', async () => {
    const url = new URL('/trpc/geo.layer', server.url)
    url.searchParams.set(
      'input',
      JSON.stringify({ layerId: 'lyr_us_counties' }),
    )
    // node:http, not fetch: fetch would decompress silently and hide what was on the wire.
    const { headers, raw } = await new Promise<{
      headers: IncomingHttpHeaders
      raw: Buffer
    }>((resolve, reject) =>
      httpGet(
        url,
        { headers: { cookie, 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ headers: res.headers, raw: Buffer.concat(chunks) }),
          )
        },
      ).on('error', reject),
    )
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers['cache-control']).toBe('private, max-age=300')
    expect(raw.length).toBeLessThan(400_000)
    const body = JSON.parse(gunzipSync(raw).toString())
    const topology = body.result.data.topology
    expect(topology.type).toBe('Topology')
    expect(topology.objects.counties.geometries.length).toBeGreaterThan(3_000)
    expect(topology.objects.states).toBeDefined()
  })

  it('returns accounts in a bounding box, biggest potential first', async () => {
    const { data } = await trpc(server, 'accounts.inBBox', {
      cookie,
      input: { bbox: [-125, 24, -66, 50], limit: 50 },
    })
    expect(data.accounts).toHaveLength(50)
    expect(data.truncated).toBe(true)
    expect(data.accounts[0].potential).toBeGreaterThanOrEqual(
      data.accounts[49].potential,
    )
    const bad = await trpc(server, 'accounts.inBBox', {
      cookie,
      input: { bbox: [10, 50, -10, 40] },
    })
    expect(bad.res.status).toBe(400)
    expect((await trpc(server, 'reps.list', { cookie })).data).toHaveLength(40)
  })

  it('rate-limits repeated failed sign-ins for one email', async () => {
    const attempt = () =>
      trpc(server, 'auth.login', {
        mutation: true,
        input: { email: 'manager@demo.tessera.dev', password: 'bad' },
      })
    for (let i = 0; i < 5; i++) expect((await attempt()).res.status).toBe(401)
    const limited = await attempt()
    expect(limited.res.status).toBe(429)
    expect(limited.error?.message).toMatch(
      /Too many failed sign-in attempts\. Try again in \d+ minutes?\./,
    )
    // Even the right password waits until the window passes.
    const right = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'manager@demo.tessera.dev', password: 'tessera-demo' },
    })
    expect(right.res.status).toBe(429)
  })

  it('refuses websocket upgrades it cannot serve with a named reason', async () => {
    const ws = server.url.replace('http', 'ws')
    const closeCode = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) =>
        new WebSocket(`${ws}${path}`, { headers }).on('close', (code) =>
          resolve(code),
        ),
      )
    expect(await closeCode('/yjs/scenario:scn_demo_draft')).toBe(4401) // no cookie
    expect(
      await closeCode('/yjs/scenario:scn_demo_draft', {
        cookie: 'tessera_session=abcdefghijklmnopqrstuvwxyz012345',
      }),
    ).toBe(4401) // no such session
    expect(await closeCode('/yjs/scenario:scn_nope', { cookie })).toBe(4403)
    expect(await closeCode('/yjs/scenario:..%2Fetc', { cookie })).toBe(4400)
    // A rep opens the published alignment, not a draft that asks nothing of them.
    const repLogin = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'rep@demo.tessera.dev', password: 'tessera-demo' },
    })
    const repCookie = repLogin.res.headers.get('set-cookie')!.split(';')[0]!
    expect(
      await closeCode('/yjs/scenario:scn_demo_draft', { cookie: repCookie }),
    ).toBe(4403)
    expect(
      await closeCode('/yjs/notes:scn_demo_draft:ter_001', {
        cookie: repCookie,
      }),
    ).toBe(4403)
    const upgrade = (path: string) =>
      new Promise<number>((resolve) =>
        new WebSocket(`${ws}${path}`).on('unexpected-response', (_req, res) =>
          resolve(res.statusCode ?? 0),
        ),
      )
    expect(await upgrade('/elsewhere')).toBe(404)
  })

  it('opens a hub document with a short-lived token instead of the cookie, for that document only', async () => {
    const ws = server.url.replace('http', 'ws')
    const { data } = await trpc(server, 'collab.token', {
      cookie,
      mutation: true,
      input: { docName: 'scenario:scn_demo_draft' },
    })
    expect(typeof data.token).toBe('string')
    // Served: the hub opens with sync step 1 (message type 0).
    const first = await new Promise<number>((resolve) => {
      const sock = new WebSocket(
        `${ws}/yjs/scenario:scn_demo_draft?token=${encodeURIComponent(data.token)}`,
      )
      sock.once('message', (d: Buffer) => {
        resolve(d[0]!)
        sock.close()
      })
      sock.once('close', (code) => resolve(code))
    })
    expect(first).toBe(0)
    const closeCode = (path: string) =>
      new Promise<number>((resolve) =>
        new WebSocket(`${ws}${path}`).on('close', (code) => resolve(code)),
      )
    // Another document, a forged token, or none: refused as unauthenticated.
    expect(
      await closeCode(
        `/yjs/scenario:scn_demo_published?token=${encodeURIComponent(data.token)}`,
      ),
    ).toBe(4401)
    expect(
      await closeCode(`/yjs/scenario:scn_demo_draft?token=${data.token}x`),
    ).toBe(4401)
    expect(
      (
        await trpc(server, 'collab.token', {
          mutation: true,
          input: { docName: 'scenario:scn_demo_draft' },
        })
      ).res.status,
    ).toBe(401)
  })

  /** The official y-websocket client, with a session cookie on its upgrade request. */
  const connect = (room: string, withCookie: string) => {
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: withCookie } })
      }
    }
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/yjs`,
      room,
      doc,
      {
        WebSocketPolyfill:
          CookieSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    )
    return { doc, provider }
  }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++)
      await new Promise((r) => setTimeout(r, 10))
    expect(check()).toBe(true)
  }

  it('serves plan documents live over the y-websocket protocol, stored before they are shared', async () => {
    const a = connect('scenario:scn_demo_draft', cookie)
    const b = connect('scenario:scn_demo_draft', cookie)
    await until(() => a.provider.synced && b.provider.synced)
    const planA = openPlanDoc(a.doc, { canWrite: true })
    const planB = openPlanDoc(b.doc)
    expect(planA.assignments.size).toBeGreaterThan(3000)
    const [unit, territory] = [...planA.assignments.entries()][0]!
    const other = [...planA.assignments.entries()].find(
      ([, t]) => t !== territory,
    )![1]
    planA.assignments.set(unit, other)
    await until(() => planB.assignments.get(unit) === other)
    // The read path (the stored document) has it too.
    const stored = await trpc(server, 'plans.scenario', {
      cookie,
      input: { scenarioId: 'scn_demo_draft' },
    })
    expect(stored.data.plan.assignments[unit]).toBe(other)
    // The published alignment is read-only, even for a planner.
    const p = connect('scenario:scn_demo_published', cookie)
    await until(() => p.provider.synced)
    const planP = openPlanDoc(p.doc, { canWrite: true })
    const pubUnit = [...planP.assignments.entries()][0]![0]
    const before = planP.assignments.get(pubUnit)
    planP.assignments.set(pubUnit, 'ter_hacked')
    await new Promise((r) => setTimeout(r, 300))
    const pub = await trpc(server, 'plans.scenario', {
      cookie,
      input: { scenarioId: 'scn_demo_published' },
    })
    expect(pub.data.plan.assignments[pubUnit]).toBe(before)
    for (const c of [a, b, p]) {
      c.provider.destroy()
      c.doc.destroy()
    }
  })

  it('routes leads by coordinates or ZIP code to the territory, rep and region in force, one bad lead not failing the batch', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const plan = plans[0]
    const units = (
      await trpc(server, 'geo.units', {
        cookie,
        input: { layerId: plan.unitLayerId },
      })
    ).data.units as { id: string; centroid: [number, number] }[]
    const published = (
      await trpc(server, 'plans.scenario', {
        cookie,
        input: { scenarioId: plan.publishedScenarioId },
      })
    ).data
    const sample = units.slice(0, 300)
    const leads = [
      ...sample.map((u) => ({
        id: u.id,
        lon: u.centroid[0],
        lat: u.centroid[1],
      })),
      { id: 'nyc', zip: '10001' },
      { id: 'sea', lat: 30, lon: -40 },
      { id: 'bad-zip', zip: '00000' },
      { id: 'nothing' },
    ]
    const { data, error } = await trpc(server, 'routing.route', {
      cookie,
      mutation: true,
      input: { planId: plan.id, leads },
    })
    expect(error).toBeUndefined()
    const byId = new Map(
      (
        data.leads as {
          id: string
          unitId: string | null
          territoryId: string | null
          repName: string | null
          error: string | null
        }[]
      ).map((l) => [l.id, l]),
    )
    // A county's centroid lies in the county (for all but the oddest shapes), and the
    // territory is the published plan's for that unit.
    const home = sample.filter((u) => byId.get(u.id)?.unitId === u.id)
    expect(home.length).toBeGreaterThan(sample.length * 0.95)
    for (const u of home)
      expect(byId.get(u.id)?.territoryId).toBe(published.plan.assignments[u.id])
    expect(byId.get(u0(sample))?.repName).toEqual(expect.any(String))
    expect(byId.get('nyc')).toMatchObject({ unitId: '36061', error: null })
    expect(byId.get('sea')?.error).toMatch(/outside every unit/)
    expect(byId.get('bad-zip')?.error).toBe('Unknown ZIP code.')
    expect(byId.get('nothing')?.error).toMatch(/No location/)
    // More than a batch's worth is refused with the limit named.
    const tooMany = await trpc(server, 'routing.route', {
      cookie,
      mutation: true,
      input: {
        planId: plan.id,
        leads: Array.from({ length: 10_001 }, () => ({ zip: '10001' })),
      },
    })
    expect(tooMany.error?.message).toMatch(/At most 10,000 leads/)
  })

  it('drafts a scenario, and compares it with the published alignment: units, accounts by name, each rep’s gains and losses', async () => {
    const plans = (await trpc(server, 'plans.list', { cookie })).data
    const planId = plans[0].id
    const { data: created } = await trpc(server, 'scenarios.create', {
      cookie,
      mutation: true,
      input: { planId, name: 'Compare me' },
    })
    const draft = connect(`scenario:${created.scenarioId}`, cookie)
    await until(() => draft.provider.synced)
    const plan = openPlanDoc(draft.doc, { canWrite: true })
    // Move a unit with accounts to a territory of another rep.
    const stats = (
      await trpc(server, 'geo.units', {
        cookie,
        input: { layerId: plans[0].unitLayerId },
      })
    ).data.stats as { unitId: string; accounts: number }[]
    const busy = stats.find((u) => u.accounts >= 2)!
    const from = plan.assignments.get(busy.unitId)!
    const territories = [...plan.territories.values()]
    const repOf = (t: string) => territories.find((x) => x.id === t)?.repId
    const to = territories.find(
      (t) => t.kind === 'territory' && t.repId && t.repId !== repOf(from),
    )!.id
    plan.assignments.set(busy.unitId, to)
    await until(() => draft.provider.synced)
    await new Promise((r) => setTimeout(r, 300))
    const { data: diff, error } = await trpc(server, 'scenarios.compare', {
      cookie,
      input: { scenarioId: created.scenarioId },
    })
    expect(error).toBeUndefined()
    expect(diff.units).toEqual([{ unitId: busy.unitId, from, to }])
    expect(diff.accounts.length).toBe(busy.accounts)
    expect(diff.accounts[0].name).toEqual(expect.any(String))
    const gainer = diff.reps.find(
      (r: { repId: string }) => r.repId === repOf(to),
    )
    const loser = diff.reps.find(
      (r: { repId: string }) => r.repId === repOf(from),
    )
    expect(gainer.accountsDelta).toBe(busy.accounts)
    expect(loser.accountsDelta).toBe(-busy.accounts)
    expect(gainer.potentialDelta).toBeCloseTo(-loser.potentialDelta)
    // Per territory, the engine's deltas: what one gains the other loses.
    const byId = new Map(
      diff.territories.map((t: { territoryId: string }) => [t.territoryId, t]),
    )
    expect((byId.get(to) as { accounts: number }).accounts).toBe(busy.accounts)
    expect((byId.get(from) as { accounts: number }).accounts).toBe(
      -busy.accounts,
    )
    expect(diff.plan.after.disruptedAccounts).toBe(busy.accounts)
    draft.provider.destroy()
    draft.doc.destroy()
  })

  it('serves each territory’s notes as a document of its own: writers type on any live scenario, reps read', async () => {
    const login = await trpc(server, 'auth.login', {
      mutation: true,
      input: { email: 'rep@demo.tessera.dev', password: 'tessera-demo' },
    })
    const repCookie = login.res.headers.get('set-cookie')!.split(';')[0]!
    // On the published alignment too: notes are commentary, not the alignment.
    const name = 'notes:scn_demo_published:ter_notes_test'
    const planner = connect(name, cookie)
    const rep = connect(name, repCookie)
    await until(() => planner.provider.synced && rep.provider.synced)
    const paragraph = (text: string) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      return p
    }
    planner.doc
      .getXmlFragment('default')
      .insert(0, [paragraph('Renewal in March')])
    await until(() =>
      rep.doc.getXmlFragment('default').toString().includes('Renewal in March'),
    )
    // A rep's change is not taken: it never reaches anyone else, nor the stored note.
    rep.doc.getXmlFragment('default').insert(0, [paragraph('rep was here')])
    await new Promise((r) => setTimeout(r, 300))
    expect(planner.doc.getXmlFragment('default').toString()).not.toContain(
      'rep was here',
    )
    const later = connect(name, cookie)
    await until(() => later.provider.synced)
    const stored = later.doc.getXmlFragment('default').toString()
    expect(stored).toContain('Renewal in March')
    expect(stored).not.toContain('rep was here')
    // Another territory's notes are another document.
    const other = connect('notes:scn_demo_published:ter_other', cookie)
    await until(() => other.provider.synced)
    expect(other.doc.getXmlFragment('default').length).toBe(0)
    for (const c of [planner, rep, later, other]) {
      c.provider.destroy()
      c.doc.destroy()
    }
  })

  it('logs out and forgets the session', async () => {
    expect(
      (await trpc(server, 'auth.logout', { cookie, mutation: true })).res
        .status,
    ).toBe(200)
    expect((await trpc(server, 'auth.me', { cookie })).data).toBeNull()
  })

  it('stops with one clear line when the port is taken', async () => {
    const error = await startServer(testConfig({ PORT: String(server.port) }), {
      log: pino({ level: 'silent' }),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect(error.message).toBe(
      `port ${server.port} is already in use (is Tessera already running?); stop that process or set PORT to a free port`,
    )
  })
})

describe('start-up failures', () => {
  it('names an unreachable database', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, () => {
        const port = (s.address() as { port: number }).port
        s.close(() => resolve(port))
      })
    })
    const error = await startServer(
      testConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:${free}/x` }),
      {
        log: pino({ level: 'silent' }),
      },
    ).catch((e) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect(error.message).toMatch(
      /^cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:\d+\/x: /,
    )
  })
})
