import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import type { Database } from '@tessera/db'
import type { PublicUser } from '@tessera/domain'
import type { Context } from './context.js'
import { GeometryCache } from './geometry-cache.js'
import type { OptimizeJobs } from './optimize/jobs.js'
import { LeadRouter } from './routing.js'
import { ScoringCache } from './scoring.js'

/**
 * A router context for tests: the given database and user, real caches over it, no
 * optimizer jobs and no HTTP request; `over` replaces any part (the clock, the pushes).
 */
export function testContext(
  db: Kysely<Database>,
  user: PublicUser | null,
  over: Partial<Context> = {},
): Context {
  const geometry = new GeometryCache(db)
  return {
    db,
    now: () => new Date(0),
    geometry,
    routing: new LeadRouter(db, geometry),
    scoring: new ScoringCache(db),
    optimizeJobs: {} as OptimizeJobs,
    docTokenSecret: 'test-secret',
    loginLimiter: new RateLimiterMemory({ points: 1, duration: 1 }),
    sessionTtlSeconds: 60,
    req: {} as IncomingMessage,
    res: {} as ServerResponse,
    user,
    sessionId: null,
    ...over,
  }
}

/**
 * The signed-in user a test acts as, named like `seedTestPlans` stores them (display name
 * the id without `usr_`, email `<id>@x.test`).
 */
export function testUser(
  userId: string,
  p: { orgId: string; role: PublicUser['role'] },
): PublicUser {
  return {
    id: userId,
    orgId: p.orgId,
    email: `${userId}@x.test`,
    displayName: userId.replace(/^usr_/, ''),
    role: p.role,
    repId: null,
    locale: null,
  }
}
