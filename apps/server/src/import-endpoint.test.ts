import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import { DEMO_PASSWORD, seedDemoIfEmpty } from '@tessera/demo-data'
import { type RunningServer, startServer } from './app.js'
import { loadConfig } from './config.js'

/** The real server on in-memory PGlite with a small demo; uploads over real HTTP. */
describe('POST /api/import', () => {
  let server: RunningServer
  const cookies: Record<string, string> = {}

  async function login(email: string): Promise<string> {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    })
    return res.headers.get('set-cookie')!.split(';')[0]!
  }

  async function upload(
    csv: string,
    query: string,
    opts: { cookie?: string; header?: boolean } = {},
  ) {
    const res = await fetch(`${server.url}/api/import?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        ...(opts.cookie !== undefined ? { cookie: opts.cookie } : {}),
        ...(opts.header === false ? {} : { 'x-tessera-import': '1' }),
      },
      body: csv,
    })
    const text = await res.text()
    const lines =
      res.headers.get('content-type')?.includes('ndjson') === true
        ? text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, any>) // eslint-disable-line @typescript-eslint/no-explicit-any
        : []
    return { res, text, lines, done: lines.at(-1) }
  }

  const countAccounts = async (prefix: string) =>
    (
      await server.db.db
        .selectFrom('accounts')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('external_id', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n

  beforeAll(async () => {
    const r = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' })
    if (!r.ok) throw new Error(r.message)
    server = await startServer(
      { ...r.config, PORT: 0 },
      {
        log: pino({ level: 'silent' }),
        seedIfEmpty: async (h) =>
          void (await seedDemoIfEmpty(h.db, { accounts: 1_000 })),
      },
    )
    cookies['planner'] = await login('planner@demo.tessera.dev')
    cookies['rep'] = await login('rep@demo.tessera.dev')
  }, 180_000)
  afterAll(async () => {
    await server?.close()
  })

  const good = [
    'Account ID,Account Name,Industry,BillingLatitude,BillingLongitude,BillingPostalCode',
    'IMP-1,Wichita Widgets,Manufacturing,37.69,-97.34,',
    'IMP-2,Omaha Outfitters,Retail,,,68102',
  ].join('\n')

  it('refuses the wrong method, anonymous callers, reps and requests without the CSRF header', async () => {
    const get = await fetch(`${server.url}/api/import?kind=accounts`)
    expect(get.status).toBe(405)
    expect((await upload(good, 'kind=accounts')).res.status).toBe(401)
    expect(
      (await upload(good, 'kind=accounts', { cookie: cookies['rep'] })).res
        .status,
    ).toBe(403)
    const noHeader = await upload(good, 'kind=accounts', {
      cookie: cookies['planner'],
      header: false,
    })
    expect(noHeader.res.status).toBe(403)
    const badKind = await upload(good, 'kind=leads', {
      cookie: cookies['planner'],
    })
    expect(badKind.res.status).toBe(400)
    expect(badKind.text).toContain('accounts, reps or sales')
    const badMapping = await upload(good, 'kind=accounts&mapping=nope', {
      cookie: cookies['planner'],
    })
    expect(badMapping.res.status).toBe(400)
    expect(await countAccounts('IMP-')).toBe('0')
  })

  it('streams progress and a report, places the accounts, and shows them in the map’s queries', async () => {
    const { res, lines, done } = await upload(
      good,
      'kind=accounts&mode=atomic&fileName=crm.csv',
      { cookie: cookies['planner'] },
    )
    expect(res.status).toBe(200)
    expect(lines.some((l) => l['type'] === 'progress')).toBe(true)
    expect(done).toMatchObject({
      type: 'done',
      report: {
        status: 'imported',
        inserted: 2,
        placement: { byCoordinates: 1, byZip: 1, outsideUnits: 0 },
      },
    })
    const inBox = await fetch(
      `${server.url}/trpc/accounts.inBBox?input=${encodeURIComponent(JSON.stringify({ bbox: [-98, 37, -97, 38] }))}`,
      { headers: { cookie: cookies['planner']! } },
    )
    const body = (await inBox.json()) as {
      result: { data: { accounts: { name: string; unitId: string | null }[] } }
    }
    const widget = body.result.data.accounts.find(
      (a) => a.name === 'Wichita Widgets',
    )
    expect(widget?.unitId).toBeTruthy()
    const history = await fetch(
      `${server.url}/trpc/imports.history?input=${encodeURIComponent('{}')}`,
      { headers: { cookie: cookies['planner']! } },
    )
    const runs = (
      (await history.json()) as {
        result: { data: { fileName: string; status: string }[] }
      }
    ).result.data
    expect(runs[0]).toMatchObject({ fileName: 'crm.csv', status: 'imported' })
  })

  it('selects the imported accounts for a campaign by radius, territory and segment, as a list and a CSV', async () => {
    const get = async (path: string, input: unknown) => {
      const res = await fetch(
        `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { cookie: cookies['planner']! } },
      )
      return (await res.json()) as {
        result?: { data: any } // eslint-disable-line @typescript-eslint/no-explicit-any
        error?: { message: string }
      }
    }
    const circle = { lon: -97.34, lat: 37.69, radiusKm: 5 }
    const near = await get('targeting.select', {
      planId: 'pln_demo',
      circle,
    })
    const widget = near.result!.data.accounts.find(
      (a: { externalId: string }) => a.externalId === 'IMP-1',
    )
    expect(widget).toMatchObject({ distanceKm: 0 })
    // No sales yet: dormant once the import's refresh has run (it runs after the answer).
    expect([null, 'dormant']).toContain(widget.segment)
    expect(widget.territoryId).toBeTruthy()
    expect(
      near.result!.data.accounts.every(
        (a: { distanceKm: number }) => a.distanceKm <= 5,
      ),
    ).toBe(true)
    // The same area within the account's territory, then in another one: none.
    const inside = await get('targeting.select', {
      planId: 'pln_demo',
      circle,
      territoryIds: [widget.territoryId],
    })
    expect(inside.result!.data.total).toBeGreaterThan(0)
    const elsewhere = await get('targeting.select', {
      planId: 'pln_demo',
      circle,
      territoryIds: ['ter_nowhere'],
    })
    expect(elsewhere.result!.data.total).toBe(0)
    // Demo accounts carry RFM segments; a segment filter keeps only its own.
    const champions = await get('targeting.select', {
      planId: 'pln_demo',
      segments: ['champions'],
      limit: 50,
    })
    expect(champions.result!.data.total).toBeGreaterThan(0)
    expect(
      champions.result!.data.accounts.every(
        (a: { segment: string }) => a.segment === 'champions',
      ),
    ).toBe(true)
    const csv = await get('targeting.csv', { planId: 'pln_demo', circle })
    const lines = (csv.result!.data.csv as string).trim().split('\r\n')
    expect(lines[0]).toMatch(/^account_external_id,account_name,/)
    expect(lines).toHaveLength(near.result!.data.total + 1)
  })

  it('a sales import that moves a territory’s forecast flags market drift and tells its owners', async () => {
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(2025, 10 + i, 1))
      return d.toISOString().slice(0, 7)
    })
    const csv = [
      'Account ID,Month,Amount',
      ...months.map((m) => `CRM-0000001,${m},250000000`),
    ].join('\n')
    const { done } = await upload(csv, 'kind=sales&mode=atomic', {
      cookie: cookies['planner'],
    })
    expect(done?.['report']).toMatchObject({ status: 'imported', inserted: 0 })
    let drift: { message: string; link: { territoryId?: string } } | undefined
    for (let i = 0; i < 100 && !drift; i++) {
      const res = await fetch(
        `${server.url}/trpc/notifications.list?input=${encodeURIComponent('{}')}`,
        { headers: { cookie: cookies['planner']! } },
      )
      const list = (
        (await res.json()) as {
          result: {
            data: {
              kind: string
              message: string
              link: { territoryId?: string }
            }[]
          }
        }
      ).result.data
      drift = list.find((n) => n.kind === 'market_drift')
      if (!drift) await new Promise((r) => setTimeout(r, 200))
    }
    expect(drift?.message).toMatch(/Market drift in .+: .*forecast up/)
    expect(drift?.link.territoryId).toBeTruthy()
    const audit = await server.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan.drift_flagged')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })

  it('atomic: a file with bad rows writes nothing and reports each row', async () => {
    const bad = `${good.replace(/IMP-/g, 'BAD-')}\nBAD-3,,Retail,91,-97,\nBAD-1,Again,Retail,37.7,-97.3,\n`
    const { done } = await upload(bad, 'kind=accounts&mode=atomic', {
      cookie: cookies['planner'],
    })
    expect(done?.['report']).toMatchObject({ status: 'rejected', rejected: 2 })
    expect(
      (done?.['report'] as { problems: { line: number }[] }).problems.map(
        (p) => p.line,
      ),
    ).toEqual([4, 4, 5])
    expect(await countAccounts('BAD-')).toBe('0')
  })

  it('an upload cut off half way imports nothing, and the next one goes through', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `CUT-${i},Cut ${i},Retail,37.69,-97.34,`,
    ).join('\n')
    const body = Buffer.from(
      `Account ID,Account Name,Industry,Lat,Lon,Zip\n${rows}\n`,
    )
    await new Promise<void>((resolve) => {
      const url = new URL(`${server.url}/api/import?kind=accounts&mode=upsert`)
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          cookie: cookies['planner']!,
          'x-tessera-import': '1',
          'content-type': 'text/csv',
          'content-length': String(body.length),
        },
      })
      req.on('error', () => resolve())
      req.on('close', () => resolve())
      req.write(body.subarray(0, body.length / 2))
      setTimeout(() => req.destroy(), 300)
    })
    // The server notices the cut, rolls back and frees the organization's import slot.
    let next
    for (let i = 0; i < 50; i++) {
      next = await upload(good.replace(/IMP-/g, 'AFT-'), 'kind=accounts', {
        cookie: cookies['planner'],
      })
      if (next.res.status !== 409) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(next?.done?.['report']).toMatchObject({ status: 'imported' })
    expect(await countAccounts('CUT-')).toBe('0')
  })
})
