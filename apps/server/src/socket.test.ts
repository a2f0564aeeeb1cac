import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import { type Socket, io } from 'socket.io-client'
import { insertOrganization, insertPlan } from '@tessera/db'
import { seedDemoIfEmpty } from '@tessera/demo-data'
import type {
  ClientToServerEvents,
  OptimizeJobSnapshot,
  RowChange,
  ServerToClientEvents,
  UserNotification,
} from '@tessera/domain'
import { type RunningServer, startServer } from './app.js'
import { type Config, loadConfig } from './config.js'
import { throwawayDatabase } from './testing/processes.js'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

/** The real server on a free port with a small real demo (PGlite unless told otherwise). */
function testConfig(env: Record<string, string> = {}): Config {
  const r = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env })
  if (!r.ok) throw new Error(r.message)
  return { ...r.config, PORT: 0 }
}

function start(config: Config): Promise<RunningServer> {
  return startServer(config, {
    log: pino({ level: 'silent' }),
    seedIfEmpty: async (h) =>
      void (await seedDemoIfEmpty(h.db, { accounts: 2_000 })),
  })
}

async function trpc(
  server: RunningServer,
  path: string,
  opts: { input?: unknown; cookie?: string; mutation?: boolean } = {},
) {
  const url = new URL(`/trpc/${path}`, server.url)
  const headers: Record<string, string> = opts.cookie
    ? { cookie: opts.cookie }
    : {}
  const res = opts.mutation
    ? await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(opts.input ?? null),
      })
    : await fetch(
        opts.input === undefined
          ? url
          : `${url.href}?input=${encodeURIComponent(JSON.stringify(opts.input))}`,
        { headers },
      )
  const body = (await res.json()) as { result?: { data: unknown } }
  return body.result?.data as any // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function login(server: RunningServer, email: string) {
  const res = await fetch(new URL('/trpc/auth.login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'tessera-demo' }),
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const me = await trpc(server, 'auth.me', { cookie })
  return { cookie, userId: me.id as string }
}

const clients: Client[] = []

/** The real socket.io client; the session cookie rides on its handshake as a browser's would. */
function connect(
  server: RunningServer,
  cookie?: string,
  transports: ('polling' | 'websocket')[] = ['polling', 'websocket'],
): Client {
  const client: Client = io(server.url, {
    path: '/socket.io',
    transports,
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  })
  clients.push(client)
  return client
}

function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve())
    client.once('connect_error', reject)
  })
}

function refused(
  client: Client,
): Promise<{ message: string; data?: { code: number } }> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => reject(new Error('it connected')))
    client.once('connect_error', (error) =>
      resolve(error as Error & { data?: { code: number } }),
    )
  })
}

/** The next `event` the client receives (rejects after `ms`). */
function received<E extends keyof ServerToClientEvents>(
  client: Client,
  event: E,
  ms = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${event} in ${ms} ms`)),
      ms,
    )
    const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer)
      resolve(payload)
    }) as never
    client.once(event, listener)
  })
}

afterAll(() => {
  for (const c of clients) c.disconnect()
})

describe('socket.io on the one port', () => {
  let server: RunningServer
  let planner: { cookie: string; userId: string }
  let planId: string

  beforeAll(async () => {
    server = await start(testConfig())
    planner = await login(server, 'planner@demo.tessera.dev')
    planId = (await trpc(server, 'plans.list', { cookie: planner.cookie }))[0]
      .id
  }, 180_000)
  afterAll(async () => {
    await server?.close()
  })

  it('refuses a handshake without a session, or with an unknown one', async () => {
    const anonymous = await refused(connect(server))
    expect(anonymous.message).toBe('unauthorized')
    expect(anonymous.data).toEqual({ code: 4401 })
    const forged = await refused(
      connect(server, 'tessera_session=abcdefghijklmnopqrstuvwxyz012345', [
        'websocket',
      ]),
    )
    expect(forged.data).toEqual({ code: 4401 })
  })

  it('never answers a socket.io path with the web app', async () => {
    const res = await fetch(new URL('/socket.io', server.url))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
  })

  it('puts a signed-in socket in its user room, over long-polling and over a websocket', async () => {
    for (const transports of [['polling'], ['websocket']] as const) {
      const client = connect(server, planner.cookie, [...transports])
      await connected(client)
      expect(client.io.engine.transport.name).toBe(transports[0])
      const note: UserNotification = {
        id: 'ntf_1',
        kind: 'task_assigned',
        planId,
        scenarioId: null,
        message: 'Pat assigned you a task',
        link: { taskId: 'tsk_1' },
        actorName: 'Pat',
        createdAt: '2026-11-27T10:00:00.000Z',
        readAt: null,
      }
      const heard = received(client, 'notification')
      server.sockets.toUser(planner.userId).emit('notification', note)
      expect(await heard).toEqual(note)
      client.disconnect()
    }
  })

  it("joins its organization's plan room, and only that", async () => {
    const client = connect(server, planner.cookie)
    await connected(client)
    expect(await client.emitWithAck('plan:join', { planId })).toEqual({
      ok: true,
    })
    const change: RowChange = { planId, id: 'cmt_1', kind: 'created' }
    const heard = received(client, 'comment:changed')
    server.sockets.toPlan(planId).emit('comment:changed', change)
    expect(await heard).toEqual(change)

    // Another organization's plan looks like no plan at all.
    await insertOrganization(server.db.db, { id: 'org_other', name: 'Other' })
    await insertPlan(server.db.db, {
      id: 'pln_other',
      orgId: 'org_other',
      name: 'Theirs',
      unitLayerId: 'lyr_us_counties',
    })
    for (const other of ['pln_other', 'pln_nope'])
      expect(await client.emitWithAck('plan:join', { planId: other })).toEqual({
        ok: false,
        error: 'no such plan',
      })
    const leak = received(client, 'comment:changed', 500)
    server.sockets
      .toPlan('pln_other')
      .emit('comment:changed', { ...change, planId: 'pln_other' })
    await expect(leak).rejects.toThrow(/no comment:changed/)

    // Malformed requests are answered, never a crash; one without an ack is served all the
    // same, and in order: the leave below does not overtake it.
    const raw = client as unknown as Socket
    for (const bad of [{ planId: 42 }, 'pln_demo', null, { planId: '' }])
      expect(await raw.emitWithAck('plan:join', bad)).toEqual({
        ok: false,
        error: 'expected { planId }',
      })
    raw.emit('plan:leave')
    raw.emit('plan:join', { planId })
    expect(client.connected).toBe(true)

    // Leaving stops the room's events.
    expect(await client.emitWithAck('plan:leave', { planId })).toEqual({
      ok: true,
    })
    const after = received(client, 'comment:changed', 500)
    server.sockets.toPlan(planId).emit('comment:changed', change)
    await expect(after).rejects.toThrow(/no comment:changed/)
  })

  it("pushes an optimization job's progress to its starter, a few times a second, then the result", async () => {
    const client = connect(server, planner.cookie)
    await connected(client)
    const events: { at: number; job: OptimizeJobSnapshot }[] = []
    client.on('job:progress', (job) => events.push({ at: Date.now(), job }))
    const finished = new Promise<OptimizeJobSnapshot>((resolve) =>
      client.on('job:finished', resolve),
    )
    const plans = await trpc(server, 'plans.list', { cookie: planner.cookie })
    const job = await trpc(server, 'plans.rebalance', {
      cookie: planner.cookie,
      mutation: true,
      input: { scenarioId: plans[0].publishedScenarioId, maxMovedShare: 0.02 },
    })
    const done = await finished
    expect(done).toMatchObject({ id: job.id, status: 'done', fraction: 1 })
    expect(done.result?.scenarioId).toMatch(/^scn_/)
    // Polling still works and agrees with what was pushed.
    expect(
      await trpc(server, 'plans.optimizeJob', {
        cookie: planner.cookie,
        input: { jobId: job.id },
      }),
    ).toEqual(done)
    const mine = events.filter((e) => e.job.id === job.id)
    expect(
      mine.some(
        (e) =>
          e.job.status === 'running' &&
          e.job.fraction > 0 &&
          e.job.fraction < 1,
      ),
    ).toBe(true)
    // At most 5 a second. Sent ≥ 200 ms apart (job-events.test.ts checks the sender
    // exactly); received here after delivery jitter — a busy event loop can hand two over
    // in the same millisecond — so the rate is checked over the whole run.
    const span = mine.at(-1)!.at - mine[0]!.at
    expect(mine.length).toBeLessThanOrEqual(Math.floor(span / 200) + 2)
  })
})

// Scaled out: two servers on one PostgreSQL database share socket.io rooms through Redis.
const redisUrl = process.env['REDIS_URL']
describe.skipIf(!redisUrl)(
  'socket.io across two servers (Redis adapter; skipped when REDIS_URL is unset)',
  () => {
    let drop: (() => Promise<void>) | undefined
    let a: RunningServer
    let b: RunningServer

    beforeAll(async () => {
      const db = await throwawayDatabase('tessera_socket')
      drop = db.drop
      const config = testConfig({ DATABASE_URL: db.url, REDIS_URL: redisUrl! })
      a = await start(config)
      b = await start(config)
    }, 180_000)
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()])
      await drop?.()
    })

    it('delivers an emit to a plan room on server A to a client of server B', async () => {
      const planner = await login(a, 'planner@demo.tessera.dev')
      const planId = (
        await trpc(b, 'plans.list', { cookie: planner.cookie })
      )[0].id
      const client = connect(b, planner.cookie)
      await connected(client)
      expect(await client.emitWithAck('plan:join', { planId })).toEqual({
        ok: true,
      })
      const change: RowChange = { planId, id: 'tsk_1', kind: 'updated' }
      const heard = received(client, 'task:changed')
      a.sockets.toPlan(planId).emit('task:changed', change)
      expect(await heard).toEqual(change)
      // A user's room spans the servers too.
      const job = received(client, 'job:finished')
      const snapshot = {
        id: 'job_x',
        kind: 'rebalance',
        scenarioId: 'scn_x',
        status: 'cancelled',
        fraction: 0.5,
        balanceScore: 70,
        startedAt: '2026-11-27T10:00:00.000Z',
        finishedAt: '2026-11-27T10:00:01.000Z',
        result: null,
        error: null,
      } satisfies OptimizeJobSnapshot
      a.sockets.toUser(planner.userId).emit('job:finished', snapshot)
      expect(await job).toEqual(snapshot)
    })
  },
)

describe('start-up with an unreachable Redis', () => {
  it('fails with one line naming REDIS_URL', async () => {
    const error = await startServer(
      testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }),
      { log: pino({ level: 'silent' }) },
    ).catch((e: Error) => e)
    expect((error as Error).message).toMatch(
      /^cannot reach Redis at REDIS_URL: /,
    )
  })
})
