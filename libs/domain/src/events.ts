import { z } from 'zod'
import type { PublicUser } from './model.js'

/**
 * The live events between the server and the browser over socket.io (`/socket.io`): typed
 * maps for both `Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents,
 * SocketData>` (socket.io) and `Socket<ServerToClientEvents, ClientToServerEvents>`
 * (socket.io-client). Rows (comments, tasks, reviews) are not sent whole: a change names
 * the row and the client refetches it through tRPC, where permissions are checked.
 */

export const optimizeJobStatuses = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
] as const
export type OptimizeJobStatus = (typeof optimizeJobStatuses)[number]

/** What a finished design or rebalance drafted, and how good it is. */
export interface OptimizeJobResult {
  /** The new draft scenario and its name. */
  scenarioId: string
  name: string
  balanceScore: number
  maxDevPct: number
  contiguous: boolean
  cutEdges: number
  polsbyPopperMean: number
  splitAccounts: number
  disruptedAccounts: number
  cancelled: boolean
  infeasible: { code: string; message: string } | null
}

/**
 * A design or rebalance job as its starter sees it: the answer of `plans.optimizeJob` and
 * the payload of `job:progress` / `job:finished` (one shape, so polling and push agree).
 */
export interface OptimizeJobSnapshot {
  id: string
  kind: 'design' | 'rebalance'
  /** The scenario the job started from. */
  scenarioId: string
  status: OptimizeJobStatus
  /** 0–1 as the engine reports it. */
  fraction: number
  /** The plan's balance score at the last progress report. */
  balanceScore: number
  /** ISO timestamps. */
  startedAt: string
  finishedAt: string | null
  result: OptimizeJobResult | null
  error: string | null
}

export const notificationKinds = [
  'mention',
  'reply',
  'task_assigned',
  'task_due',
  'task_overdue',
  'review_requested',
  'review_answered',
  'review_decided',
  'scenario_published',
  'job_finished',
  'market_drift',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** One notification for one user (sent to that user's sockets only). */
export interface UserNotification {
  id: string
  kind: NotificationKind
  /** The plan (and scenario) it is about, for the link; null when it is about none. */
  planId: string | null
  scenarioId: string | null
  /** One line for the notification list. */
  message: string
  /** Where it leads on the map: a territory, a unit, a thread or a task. */
  link: NotificationLink
  /** Who caused it, when someone did. */
  actorName: string | null
  /** ISO timestamp. */
  createdAt: string
  readAt: string | null
}

export interface NotificationLink {
  territoryId?: string
  unitId?: string
  threadId?: string
  taskId?: string
  lonLat?: [number, number]
  /** A page rather than a place: a rep's "My changes", or a scenario's review panel. */
  page?: 'my-changes' | 'review'
}

export type RowChangeKind = 'created' | 'updated' | 'deleted'

/** A comment, task, review or scenario row of a plan changed: refetch it (or drop it). */
export interface RowChange {
  planId: string
  id: string
  kind: RowChangeKind
  /** The scenario the row belongs to, when it belongs to one. */
  scenarioId?: string | null
}

/** The answer to a client's request: a refusal is a value, never a dropped connection. */
export type SocketAck = { ok: true } | { ok: false; error: string }

/** `plan:join` / `plan:leave`: the plan whose room (live row changes) the client enters. */
export const PlanRoomRequest = z.object({
  planId: z.string().min(1).max(100),
})
export type PlanRoomRequest = z.infer<typeof PlanRoomRequest>

export interface ServerToClientEvents {
  /** A job of this user moved (queued → running, progress); at most ~5 a second per job. */
  'job:progress': (job: OptimizeJobSnapshot) => void
  /** A job of this user settled: done (with its draft), failed or cancelled. */
  'job:finished': (job: OptimizeJobSnapshot) => void
  notification: (notification: UserNotification) => void
  /** Row changes, sent to the plan's room. */
  'comment:changed': (change: RowChange) => void
  'task:changed': (change: RowChange) => void
  'review:changed': (change: RowChange) => void
  'scenario:changed': (change: RowChange) => void
  /** Accounts, reps or sales were imported into the plan's organization: refetch them. */
  'data:imported': (event: DataImportedEvent) => void
}

export interface DataImportedEvent {
  kind: 'accounts' | 'reps' | 'sales'
  inserted: number
  updated: number
}

export interface ClientToServerEvents {
  /** Enter a plan's room; refused unless the plan is the user's organization's. */
  'plan:join': (
    request: PlanRoomRequest,
    ack: (answer: SocketAck) => void,
  ) => void
  'plan:leave': (
    request: PlanRoomRequest,
    ack: (answer: SocketAck) => void,
  ) => void
}

/** Server-to-server messages (Redis adapter's `serverSideEmit`): none yet. */
export type InterServerEvents = Record<never, never>

/** What the server keeps on each socket after the handshake. */
export interface SocketData {
  /** The signed-in user, resolved from the session cookie at the handshake. */
  user: PublicUser
}
