import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

export interface WebhookAttemptRecord {
  attempt: number
  startedAt: string
  durationMs: number
  statusCode: number | null
  error: string | null
}

export interface WebhookDeliveryRecord {
  id: string
  webhookId: string
  event: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  nextAttemptAt: string | null
  lastStatusCode: number | null
  lastError: string | null
  lastDurationMs: number | null
  createdAt: string
  deliveredAt: string | null
  log: WebhookAttemptRecord[]
}

/** A delivery a dispatcher has claimed: what to send, where, and which attempt it is. */
export interface ClaimedDelivery {
  id: string
  webhookId: string
  event: string
  payload: Record<string, unknown>
  attempt: number
  url: string
  secret: string
}

const iso = (d: Date | string | null) =>
  d === null ? null : new Date(d).toISOString()

/** Queues deliveries, due at once (the outbox the dispatcher sends from). */
export async function queueDeliveries(
  db: Kysely<Database>,
  deliveries: readonly {
    id: string
    webhookId: string
    event: string
    payload: Record<string, unknown>
    now: Date
  }[],
): Promise<void> {
  if (deliveries.length === 0) return
  await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((d) => ({
        id: d.id,
        webhook_id: d.webhookId,
        event: d.event,
        payload: JSON.stringify(d.payload),
        status: 'pending' as const,
        next_attempt_at: d.now,
        created_at: d.now,
      })),
    )
    .execute()
}

/**
 * Claims up to `limit` due deliveries of webhooks that are on, for one attempt each. The
 * rows are picked `for update skip locked` and, in the same statement, their attempt count
 * goes up and `next_attempt_at` moves to `leaseUntil`: another process neither waits for
 * them nor sees them due, and if this one dies mid-send they fall due again after the lease.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  opts: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedDelivery[]> {
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: opts.leaseUntil,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', opts.now)
        .where('w.active', '=', true)
        .orderBy('d.next_attempt_at')
        .limit(opts.limit)
        .forUpdate(['d'])
        .skipLocked(),
    )
    .returning(['id', 'webhook_id', 'event', 'payload', 'attempts'])
    .execute()
  if (claimed.length === 0) return []
  const hooks = new Map(
    (
      await db
        .selectFrom('webhooks')
        .select(['id', 'url', 'secret'])
        .where('id', 'in', [...new Set(claimed.map((c) => c.webhook_id))])
        .execute()
    ).map((w) => [w.id, w]),
  )
  return claimed.flatMap((c) => {
    const hook = hooks.get(c.webhook_id)
    // Deleted between the two statements: its deliveries went with it.
    if (!hook) return []
    return [
      {
        id: c.id,
        webhookId: c.webhook_id,
        event: c.event,
        payload: c.payload,
        attempt: c.attempts,
        url: hook.url,
        secret: hook.secret,
      },
    ]
  })
}

/**
 * Logs one attempt and stores its outcome on the delivery: delivered, due again at `retryAt`,
 * or failed for good (`retryAt` null). The outcome is stored only if no one claimed the row
 * again meanwhile (the attempt count still matches); the attempt is logged regardless.
 */
export async function finishDeliveryAttempt(
  db: Kysely<Database>,
  a: {
    deliveryId: string
    attempt: number
    startedAt: Date
    durationMs: number
    statusCode: number | null
    error: string | null
    delivered: boolean
    retryAt: Date | null
  },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('webhook_attempts')
      .values({
        delivery_id: a.deliveryId,
        attempt: a.attempt,
        started_at: a.startedAt,
        duration_ms: a.durationMs,
        status_code: a.statusCode,
        error: a.error,
      })
      .execute()
    const finishedAt = new Date(a.startedAt.getTime() + a.durationMs)
    const res = await tx
      .updateTable('webhook_deliveries')
      .set({
        status: a.delivered ? 'delivered' : a.retryAt ? 'pending' : 'failed',
        delivered_at: a.delivered ? finishedAt : null,
        ...(a.retryAt ? { next_attempt_at: a.retryAt } : {}),
        last_status_code: a.statusCode,
        last_error: a.error,
        last_duration_ms: a.durationMs,
      })
      .where('id', '=', a.deliveryId)
      .where('attempts', '=', a.attempt)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return Number(res.numUpdatedRows) > 0
  })
}

/** A webhook's latest deliveries, newest first, each with its log of attempts. */
export async function listDeliveries(
  db: Kysely<Database>,
  webhookId: string,
  limit = 20,
): Promise<WebhookDeliveryRecord[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'webhook_id',
      'event',
      'status',
      'attempts',
      'next_attempt_at',
      'last_status_code',
      'last_error',
      'last_duration_ms',
      'created_at',
      'delivered_at',
    ])
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  const attempts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .selectAll()
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('attempt')
          .orderBy('id')
          .execute()
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms,
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
    log: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: iso(a.started_at)!,
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
      })),
  }))
}

/**
 * What a publication's webhook payload says about it: plan, scenario, who published, and
 * the frozen Yjs state (for counting territories).
 */
export async function publicationFacts(
  db: Kysely<Database>,
  publicationId: string,
) {
  const p = await db
    .selectFrom('publications as p')
    .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .select([
      'p.id',
      'p.plan_id',
      'pl.name as plan_name',
      'pl.org_id',
      'pl.unit_layer_id',
      'p.scenario_id',
      'p.scenario_name',
      'p.effective_date',
      'p.published_by',
      'u.display_name as published_by_name',
      'p.published_at',
      'p.activated_at',
      'p.state',
      'p.alignment',
    ])
    .where('p.id', '=', publicationId)
    .executeTakeFirst()
  if (!p) return undefined
  return {
    id: p.id,
    orgId: p.org_id,
    planId: p.plan_id,
    planName: p.plan_name,
    unitLayerId: p.unit_layer_id,
    scenarioId: p.scenario_id,
    scenarioName: p.scenario_name,
    effectiveDate: p.effective_date,
    publishedBy: p.published_by,
    publishedByName: p.published_by_name,
    publishedAt: iso(p.published_at)!,
    activatedAt: iso(p.activated_at),
    state: p.state,
    units: Object.keys(p.alignment.assignments ?? {}).length,
  }
}

/** How many of the organization's accounts lie on a unit layer (a plan's accounts). */
export async function countLayerAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('account_units as au', 'au.account_id', 'accounts.id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('au.layer_id', '=', layerId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
