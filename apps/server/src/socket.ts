import {
  type IncomingMessage,
  type ServerResponse,
  createServer,
} from 'node:http'
import type { Duplex } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import {
  type BroadcastOperator,
  type ExtendedError,
  Server,
  type Socket,
} from 'socket.io'
import { findRequestSession } from '@tessera/api'
import { CloseCode } from '@tessera/collab'
import { type Database, findPlan } from '@tessera/db'
import {
  type ClientToServerEvents,
  type InterServerEvents,
  PlanRoomRequest,
  type ServerToClientEvents,
  type SocketAck,
  type SocketData,
} from '@tessera/domain'

export const SOCKET_IO_PATH = '/socket.io'

/** Every socket of a user is in its user room; `plan:join` adds the plan's room. */
export const userRoom = (userId: string) => `user:${userId}`
export const planRoom = (planId: string) => `plan:${planId}`

export interface SocketDeps {
  db: Kysely<Database>
  log: Logger
  /** The pepper of stored session ids (SESSION_SECRET), as for tRPC. */
  sessionSecret?: string | undefined
  /** With it, rooms span every server process (the Redis adapter); without, this one. */
  redisUrl?: string | undefined
  now?: () => Date
}

type Emitter = BroadcastOperator<ServerToClientEvents, SocketData>

/** socket.io as the rest of the server sees it. */
export interface SocketIo {
  /** `/socket.io/` HTTP requests (the long-polling transport), routed here by http.ts. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void
  /** `/socket.io/` upgrades (the websocket transport), routed here by http.ts. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Emit to every socket of a user, on every server process. */
  toUser(userId: string): Emitter
  /** Emit to every socket that joined a plan, on every server process. */
  toPlan(planId: string): Emitter
  close(): Promise<void>
}

/** The socket.io server as Tessera types it (domain's event maps). */
type Io = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>
type IoSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>

/**
 * socket.io at `/socket.io` on the one port. Authenticated at the handshake by the session
 * cookie (the same lookup as tRPC's); a socket is in its user's room and joins a plan's
 * room only for a plan of the user's organization. With `redisUrl` the Redis adapter
 * carries room emits between server processes.
 */
export async function createSocketIo(deps: SocketDeps): Promise<SocketIo> {
  const now = deps.now ?? (() => new Date())
  const redis = deps.redisUrl
    ? await connectRedis(deps.redisUrl, deps.log)
    : undefined
  // socket.io's engine is bound to a server that never listens: http.ts hands it the
  // `/socket.io/` requests and upgrades. Attached to the real server it would wrap that
  // server's request listeners, and io.close() would close the real server before app.ts
  // has let the requests in flight finish.
  const io: Io = new Server(createServer(), {
    path: SOCKET_IO_PATH,
    serveClient: false,
    // Events are small (ids and snapshots); a megabyte is already generous.
    maxHttpBufferSize: 1e6,
    // Same origin only: no CORS headers (the page and the socket share the one port).
    ...(redis ? { adapter: redis.adapter } : {}),
  })

  io.use((socket, next) => {
    findRequestSession(deps.db, socket.request, {
      sessionSecret: deps.sessionSecret,
      now: now(),
    }).then(
      (session) => {
        if (!session)
          return next(refusal('unauthorized', CloseCode.Unauthorized))
        socket.data.user = session.user
        next()
      },
      (error: Error) => {
        deps.log.error({ err: error }, 'socket.io: finding the session failed')
        next(refusal('try again', 1011))
      },
    )
  })

  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user.id))
    // One socket's requests are served in order: a leave sent right after a join must not
    // overtake it while the join waits for the database.
    let last: Promise<unknown> = Promise.resolve()
    const inOrder = (work: () => Promise<SocketAck>) => {
      const result = last.then(work)
      last = result.catch(() => undefined)
      return result
    }
    socket.on('plan:join', (request: unknown, ack: unknown) =>
      answer(
        ack,
        inOrder(() => joinPlan(deps, socket, request)),
        deps.log,
      ),
    )
    socket.on('plan:leave', (request: unknown, ack: unknown) =>
      answer(
        ack,
        inOrder(() => leavePlan(socket, request)),
        deps.log,
      ),
    )
  })

  let closing: Promise<void> | undefined
  return {
    handleRequest: (req, res) => io.engine.handleRequest(req, res),
    handleUpgrade: (req, socket, head) =>
      io.engine.handleUpgrade(req, socket, head),
    toUser: (userId) => io.to(userRoom(userId)),
    toPlan: (planId) => io.to(planRoom(planId)),
    close: () =>
      (closing ??= (async () => {
        await io.close()
        await redis?.close()
      })()),
  }
}

/** A handshake refusal: the client's `connect_error` carries the message and the code. */
function refusal(message: string, code: number): ExtendedError {
  return Object.assign(new Error(message), { data: { code } })
}

async function joinPlan(
  deps: SocketDeps,
  socket: IoSocket,
  request: unknown,
): Promise<SocketAck> {
  const parsed = PlanRoomRequest.safeParse(request)
  if (!parsed.success) return { ok: false, error: 'expected { planId }' }
  const plan = await findPlan(deps.db, parsed.data.planId)
  // Another organization's plan looks like no plan at all.
  if (!plan || plan.orgId !== socket.data.user.orgId)
    return { ok: false, error: 'no such plan' }
  // It may have left while the database answered: a gone socket must not enter a room.
  if (!socket.connected) return { ok: false, error: 'disconnected' }
  await socket.join(planRoom(plan.id))
  return { ok: true }
}

async function leavePlan(
  socket: IoSocket,
  request: unknown,
): Promise<SocketAck> {
  const parsed = PlanRoomRequest.safeParse(request)
  if (!parsed.success) return { ok: false, error: 'expected { planId }' }
  await socket.leave(planRoom(parsed.data.planId))
  return { ok: true }
}

/** Acknowledges a request if the client asked for an answer; a failure is an answer too. */
function answer(ack: unknown, result: Promise<SocketAck>, log: Logger): void {
  const reply =
    typeof ack === 'function' ? (ack as (a: SocketAck) => void) : undefined
  result.then(
    (a) => reply?.(a),
    (error: Error) => {
      log.error({ err: error }, 'socket.io: a request failed')
      reply?.({ ok: false, error: 'try again' })
    },
  )
}

/**
 * The Redis adapter's publisher and subscriber (node-redis), connected before use. A Redis
 * that cannot be reached at start-up fails the start (as the database does); once up,
 * the clients reconnect on their own.
 */
async function connectRedis(url: string, log: Logger) {
  let up = false
  const pub = createClient({
    url,
    socket: {
      reconnectStrategy: (retries, cause) =>
        up ? Math.min(100 * 2 ** retries, 5_000) : cause,
    },
  })
  const sub = pub.duplicate()
  for (const client of [pub, sub])
    client.on('error', (error: Error) =>
      log.warn({ err: error }, 'socket.io: Redis connection'),
    )
  try {
    await Promise.all([pub.connect(), sub.connect()])
  } catch (error) {
    for (const client of [pub, sub]) if (client.isOpen) client.destroy()
    throw new Error(
      `cannot reach Redis at REDIS_URL: ${(error as Error).message}`,
    )
  }
  up = true
  return {
    adapter: createAdapter(pub, sub),
    close: async () => {
      await Promise.allSettled([pub.close(), sub.close()])
    },
  }
}
