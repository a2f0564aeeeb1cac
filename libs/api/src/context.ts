import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { Database } from '@tessera/db'
import type { PublicUser, RowChange, UserNotification } from '@tessera/domain'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { findRequestSession } from './session-user.js'
import type { GeometryCache } from './geometry-cache.js'
import type { LeadRouter } from './routing.js'
import type { ScoringCache } from './scoring.js'
import type { OptimizeJobs } from './optimize/jobs.js'
import type { WebhookHooks } from './webhook-events.js'

/** Everything the routers need, built once in the server's composition root. */
export interface ApiDeps {
  db: Kysely<Database>
  now: () => Date
  geometry: GeometryCache
  scoring: ScoringCache
  /** Routes leads to territories (a point-in-polygon index per unit layer, kept). */
  routing: LeadRouter
  /** Design and rebalance jobs, run in worker threads. */
  optimizeJobs: OptimizeJobs
  /** Counts failed sign-ins per client and email. */
  loginLimiter: RateLimiterAbstract
  sessionTtlSeconds: number
  /** Signs the hub's short-lived document tokens (shared by every server process). */
  docTokenSecret: string
  /** Optional pepper for stored session ids (SESSION_SECRET). */
  sessionSecret?: string | undefined
  /** Live pushes (socket.io in the server); absent, nothing is pushed. */
  events?: CollabEvents | undefined
  /** The hub's documents (absent in tests without a hub). */
  docs?: HubDocs | undefined
  /** Told when webhook deliveries are queued, or queueing failed (the server's dispatcher, its log). */
  webhooks?: WebhookHooks | undefined
}

/** What the routers tell the Yjs hub. */
export interface HubDocs {
  /**
   * Who may open `docName` changed (its scenario was archived, deleted, submitted…):
   * everyone connected reconnects and is let in, or not, under the new rules.
   */
  revoke(docName: string, reason: string): void
}

/**
 * What the routers push after a change is stored: a notification to one user, or "this row
 * of this plan changed" to everyone in the plan's room (who refetch it, with permissions).
 */
export interface CollabEvents {
  notify(userId: string, notification: UserNotification): void
  rowChanged(
    event:
      | 'comment:changed'
      | 'task:changed'
      | 'review:changed'
      | 'scenario:changed',
    change: RowChange,
  ): void
}

export interface Context extends ApiDeps {
  req: IncomingMessage
  res: ServerResponse
  user: PublicUser | null
  sessionId: string | null
}

export function createContextFactory(deps: ApiDeps) {
  return async ({
    req,
    res,
  }: {
    req: IncomingMessage
    res: ServerResponse
  }): Promise<Context> => {
    const session = await findRequestSession(deps.db, req, {
      sessionSecret: deps.sessionSecret,
      now: deps.now(),
    })
    return {
      ...deps,
      req,
      res,
      user: session?.user ?? null,
      sessionId: session?.sessionId ?? null,
    }
  }
}
