import { createServer, type RequestListener, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { pino, type Logger } from 'pino'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { sql } from 'kysely'
import {
  GeometryCache,
  LeadRouter,
  OptimizeJobs,
  ScoringCache,
} from '@tessera/api'
import {
  type DatabaseHandle,
  createYjsDocStore,
  deleteExpiredSessions,
  migrateToLatest,
  openDatabase,
} from '@tessera/db'
import type { Config } from './config.js'
import { authorizeDoc } from './doc-access.js'
import { startPublishScheduler } from './publish-scheduler.js'
import { startWebhookDispatcher } from './webhook-dispatcher.js'
import { startDueReminders } from './due-reminders.js'
import { watchPlanEdits } from './edit-activity.js'
import { Hub, RedisDocBus } from '@tessera/collab'
import { createRequestHandler, createUpgradeHandler } from './http.js'
import { type SocketIo, createSocketIo } from './socket.js'
import { forwardJobEvents } from './job-events.js'
import { createImportEndpoint } from './import-endpoint.js'
import { afterImport } from './after-import.js'
import { Importer } from '@tessera/ingest'

export interface StartOptions {
  /** Loads demo data into an empty database; returns the demo logins to print. */
  seedIfEmpty?: (handle: DatabaseHandle, log: Logger) => Promise<void>
  log?: Logger
  /** Where the built web app lives; defaults to apps/web/dist beside this app. */
  webDist?: string
}

export interface RunningServer {
  url: string
  port: number
  db: DatabaseHandle
  /** Emits socket.io events to a user's or a plan's sockets. */
  sockets: Pick<SocketIo, 'toUser' | 'toPlan'>
  close(): Promise<void>
}

/** A start-up failure meant for the person at the terminal: printed as one line. */
export class StartupError extends Error {
  override name = 'StartupError'
}

/**
 * The composition root's body: take the port first (so a second `npm start` fails before it
 * touches the data directory), then open and migrate the database, seed it if empty, and
 * only then answer requests. Everything is built here and passed in; nothing is global.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? pino({ level: config.LOG_LEVEL })
  // Requests that arrive while the database opens get a 503, not a hang.
  const app: { handle?: RequestListener } = {}
  const server = createServer((req, res) => {
    if (app.handle) return app.handle(req, res)
    res.statusCode = 503
    res.setHeader('Retry-After', '2')
    res.end('Tessera is starting.\n')
  })
  await listen(server, config.PORT)
  const port = (server.address() as AddressInfo).port

  let db: DatabaseHandle
  try {
    db = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
    })
  } catch (error) {
    await closeServer(server)
    throw new StartupError((error as Error).message)
  }
  const sweep = setInterval(
    () => void deleteExpiredSessions(db.db, new Date()).catch(() => undefined),
    3_600_000,
  )
  sweep.unref()
  const fail = async (message: string): Promise<never> => {
    clearInterval(sweep)
    await db.close().catch(() => undefined)
    await closeServer(server)
    throw new StartupError(message)
  }
  try {
    const applied = await migrateToLatest(db.db)
    if (applied.length > 0) log.info({ applied }, 'database migrated')
  } catch (error) {
    return fail((error as Error).message)
  }
  if (options.seedIfEmpty) {
    try {
      await options.seedIfEmpty(db, log)
    } catch (error) {
      return fail(`loading the demo data failed: ${(error as Error).message}`)
    }
  }

  // socket.io at /socket.io (job progress; later comments, tasks, reviews, notifications),
  // its rooms shared over Redis when REDIS_URL is set.
  let socketIo: SocketIo
  try {
    socketIo = await createSocketIo({
      db: db.db,
      log,
      sessionSecret: config.SESSION_SECRET,
      redisUrl: config.REDIS_URL,
    })
  } catch (error) {
    return fail((error as Error).message)
  }

  const webDist =
    options.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url))
  // Hub tokens are signed with SESSION_SECRET, so every process of a scaled-out deployment
  // accepts them; without one, a per-process random key (tokens then work on this process).
  const docTokenSecret =
    config.SESSION_SECRET ?? randomBytes(32).toString('base64url')
  // Auto-design and rebalance run in worker threads, one at a time (the machine may have
  // only two cores, and the server must keep answering).
  const optimizeJobs = new OptimizeJobs()
  const stopJobEvents = forwardJobEvents(optimizeJobs, socketIo)
  // Due-soon and overdue tasks: each assignee is told once (stored, and pushed live).
  const stopDueReminders = startDueReminders(
    db.db,
    (userId, n) => socketIo.toUser(userId).emit('notification', n),
    log,
  )
  // Webhook deliveries (queued when an alignment takes effect) are sent, signed, and
  // retried with backoff; a wake-up sends them at once, a sweep catches the rest.
  const webhookDispatcher = startWebhookDispatcher(db.db, log)
  const webhooks = {
    queued: () => webhookDispatcher.wake(),
    failed: (error: unknown, publicationId: string) =>
      log.error(
        { err: error, publication: publicationId },
        'webhook: queueing deliveries failed (the publication went ahead)',
      ),
  }
  // Publications scheduled for a later effective date take effect on it.
  const stopPublishing = startPublishScheduler(
    db.db,
    (planId, scenarioId) =>
      socketIo.toPlan(planId).emit('scenario:changed', {
        planId,
        id: scenarioId ?? '',
        kind: 'updated',
        scenarioId,
      }),
    log,
    webhooks,
  )
  const geometry = new GeometryCache(db.db)
  const scoring = new ScoringCache(db.db)
  const importUpload = createImportEndpoint({
    db: db.db,
    importer: new Importer(db.db),
    log,
    sessionSecret: config.SESSION_SECRET,
    now: () => new Date(),
    onImported: (orgId, result) =>
      void afterImport(db.db, orgId, result, {
        scoring,
        toPlan: (planId) => socketIo.toPlan(planId),
        notify: (userId, n) => socketIo.toUser(userId).emit('notification', n),
        log,
        now: () => new Date(),
      }),
  })
  app.handle = createRequestHandler({
    log,
    webDist,
    socketIo,
    importUpload,
    api: {
      db: db.db,
      now: () => new Date(),
      geometry,
      routing: new LeadRouter(db.db, geometry),
      scoring,
      optimizeJobs,
      docTokenSecret,
      // 5 failed sign-ins per client address and email per 15 minutes.
      loginLimiter: new RateLimiterMemory({ points: 5, duration: 15 * 60 }),
      sessionTtlSeconds: Math.round(config.SESSION_TTL_HOURS * 3600),
      sessionSecret: config.SESSION_SECRET,
      webhooks,
      events: {
        notify: (userId, n) => socketIo.toUser(userId).emit('notification', n),
        rowChanged: (event, change) =>
          socketIo.toPlan(change.planId).emit(event, change),
      },
      // (The hub is made below; no request is served before it exists.)
      docs: {
        revoke: (docName, reason) =>
          void hub
            .revoke(docName, reason)
            .catch((error: Error) =>
              log.warn({ err: error, docName }, 'hub: revoke failed'),
            ),
      },
    },
    health: async () => {
      await sql`select 1`.execute(db.db)
      return { ok: true, database: db.kind }
    },
  })
  // The Yjs hub at /yjs/<docName>: documents from the database, authorized per request.
  // With REDIS_URL, processes share documents over Redis pub/sub: each stores what its own
  // clients send and relays what the others stored.
  let hubBus: RedisDocBus | undefined
  if (config.REDIS_URL) {
    try {
      hubBus = await RedisDocBus.connect(config.REDIS_URL, {
        onError: (error) => log.warn({ err: error }, 'hub: redis'),
      })
    } catch (error) {
      await socketIo.close()
      return fail(
        `cannot reach Redis at REDIS_URL (${redact(config.REDIS_URL)}): ${(error as Error).message}`,
      )
    }
  }
  // Plan edits summarised per person into the activity feed (audit_log `plan.edit`); the
  // writes in flight are awaited before the database closes.
  const activityWrites = new Set<Promise<void>>()
  const hub = new Hub({
    store: createYjsDocStore(db.db),
    bus: hubBus,
    onRoomLoaded: (docName, doc) =>
      watchPlanEdits(docName, doc, {
        db: db.db,
        log,
        track: (write) => {
          activityWrites.add(write)
          void write.finally(() => activityWrites.delete(write))
        },
      }),
    onError: (error, { docName }) =>
      log.error({ err: error, docName }, 'hub: storing or loading failed'),
  })
  server.on(
    'upgrade',
    createUpgradeHandler({
      hub,
      socketIo,
      log,
      authorize: (req, doc) =>
        authorizeDoc(db.db, req, doc, {
          sessionSecret: config.SESSION_SECRET,
          docTokenSecret,
        }),
    }),
  )

  let closing: Promise<void> | undefined
  return {
    url: `http://localhost:${port}`,
    port,
    db,
    sockets: socketIo,
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep)
        stopJobEvents()
        stopDueReminders()
        stopPublishing()
        await webhookDispatcher.stop()
        await optimizeJobs.close()
        await socketIo.close()
        await hub.close()
        await Promise.all(activityWrites)
        await hubBus?.close()
        await closeServer(server)
        await db.close()
      })()),
  }
}

/** A URL fit for a log line: no password. */
function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use (is Tessera already running?); stop that process or set PORT to a free port`
            : error.code === 'EACCES'
              ? `not allowed to listen on port ${port}; choose a port above 1024 with PORT`
              : `cannot listen on port ${port}: ${error.message}`,
        ),
      )
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port)
  })
}

/** Stops accepting connections, lets in-flight requests finish for a moment, then cuts the rest. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 3_000).unref()
  })
}
