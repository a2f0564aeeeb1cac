import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/** One submission of a scenario for review (see the 2026-12-04T1400 migration). */
export interface ReviewRoundRecord {
  id: string
  scenarioId: string
  planId: string
  revision: number
  status: 'open' | 'approved' | 'rejected' | 'withdrawn'
  submittedBy: string | null
  submittedByName: string | null
  submittedAt: string
  dueDate: string | null
  note: string | null
  fingerprint: string
  summary: Record<string, unknown>
  decidedBy: string | null
  decidedByName: string | null
  decidedAt: string | null
  decisionReason: string | null
}

/** One rep's answer in one round. */
export interface RepReviewRecord {
  id: string
  roundId: string
  scenarioId: string
  repId: string
  status: 'pending' | 'acknowledged' | 'objected'
  comment: string | null
  reviewerId: string | null
  reviewerName: string | null
  decidedAt: string | null
}

export interface PublicationRecord {
  id: string
  planId: string
  scenarioId: string | null
  scenarioName: string
  roundId: string | null
  effectiveDate: string
  publishedBy: string | null
  publishedByName: string | null
  publishedAt: string
  activatedAt: string | null
}

const iso = (d: Date | string | null) =>
  d === null ? null : new Date(d).toISOString()

function roundsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('review_rounds as r')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select([
      's.display_name as submitted_by_name',
      'd.display_name as decided_by_name',
    ])
}

type RoundRow = Awaited<
  ReturnType<ReturnType<typeof roundsQuery>['executeTakeFirstOrThrow']>
>

function toRound(r: RoundRow): ReviewRoundRecord {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    planId: r.plan_id,
    revision: r.revision,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedByName: r.submitted_by_name,
    submittedAt: iso(r.submitted_at)!,
    dueDate: r.due_date,
    note: r.note,
    fingerprint: r.fingerprint,
    summary: r.summary,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
  }
}

/** The next revision number of a scenario's review (1 for its first submission). */
export async function nextRevision(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<number> {
  const row = await db
    .selectFrom('review_rounds')
    .select((eb) => eb.fn.max('revision').as('n'))
    .where('scenario_id', '=', scenarioId)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

export async function insertReviewRound(
  db: Kysely<Database>,
  round: {
    id: string
    scenarioId: string
    planId: string
    revision: number
    submittedBy: string
    submittedAt: Date
    dueDate: string | null
    note: string | null
    fingerprint: string
    summary: Record<string, unknown>
    repIds: readonly string[]
  },
): Promise<void> {
  await db
    .insertInto('review_rounds')
    .values({
      id: round.id,
      scenario_id: round.scenarioId,
      plan_id: round.planId,
      revision: round.revision,
      status: 'open',
      submitted_by: round.submittedBy,
      submitted_at: round.submittedAt,
      due_date: round.dueDate,
      note: round.note,
      fingerprint: round.fingerprint,
      summary: JSON.stringify(round.summary),
    })
    .execute()
  if (round.repIds.length > 0)
    await db
      .insertInto('reviews')
      .values(
        round.repIds.map((repId) => ({
          id: `${round.id}_${repId}`,
          scenario_id: round.scenarioId,
          round_id: round.id,
          rep_id: repId,
          status: 'pending' as const,
        })),
      )
      .execute()
}

export async function findReviewRound(
  db: Kysely<Database>,
  roundId: string,
): Promise<ReviewRoundRecord | undefined> {
  const r = await roundsQuery(db).where('r.id', '=', roundId).executeTakeFirst()
  return r && toRound(r)
}

/** The scenario's open round, if it is in review. */
export async function findOpenRound(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<ReviewRoundRecord | undefined> {
  const r = await roundsQuery(db)
    .where('r.scenario_id', '=', scenarioId)
    .where('r.status', '=', 'open')
    .executeTakeFirst()
  return r && toRound(r)
}

/** Every round of a scenario, newest first. */
export async function listReviewRounds(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<ReviewRoundRecord[]> {
  const rows = await roundsQuery(db)
    .where('r.scenario_id', '=', scenarioId)
    .orderBy('r.revision', 'desc')
    .execute()
  return rows.map(toRound)
}

/** A plan's rounds (optionally only open ones), newest first. */
export async function listPlanReviewRounds(
  db: Kysely<Database>,
  planId: string,
  opts: { openOnly?: boolean } = {},
): Promise<ReviewRoundRecord[]> {
  let q = roundsQuery(db).where('r.plan_id', '=', planId)
  if (opts.openOnly) q = q.where('r.status', '=', 'open')
  const rows = await q.orderBy('r.submitted_at', 'desc').execute()
  return rows.map(toRound)
}

/** The reps' answers in these rounds. */
export async function listRepReviews(
  db: Kysely<Database>,
  roundIds: readonly string[],
  opts: { repId?: string } = {},
): Promise<RepReviewRecord[]> {
  if (roundIds.length === 0) return []
  let q = db
    .selectFrom('reviews')
    .leftJoin('users', 'users.id', 'reviews.reviewer_id')
    .selectAll('reviews')
    .select('users.display_name as reviewer_name')
    .where('reviews.round_id', 'in', roundIds)
  if (opts.repId) q = q.where('reviews.rep_id', '=', opts.repId)
  const rows = await q.orderBy('reviews.id').execute()
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id!,
    scenarioId: r.scenario_id,
    repId: r.rep_id ?? '',
    status: r.status as RepReviewRecord['status'],
    comment: r.comment,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    decidedAt: iso(r.decided_at),
  }))
}

/**
 * A rep's answer, stored only while the round is still open (checked in the same
 * statement, so an answer cannot land on a round a manager has just decided). Returns
 * whether it was stored.
 */
export async function answerRepReview(
  db: Kysely<Database>,
  answer: {
    roundId: string
    repId: string
    status: 'acknowledged' | 'objected'
    comment: string | null
    reviewerId: string
    now: Date
  },
): Promise<boolean> {
  const res = await db
    .updateTable('reviews')
    .set({
      status: answer.status,
      comment: answer.comment,
      reviewer_id: answer.reviewerId,
      decided_at: answer.now,
    })
    .where('round_id', '=', answer.roundId)
    .where('rep_id', '=', answer.repId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_rounds')
          .select('id')
          .where('id', '=', answer.roundId)
          .where('status', '=', 'open'),
      ),
    )
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/**
 * Closes an open round (approved, rejected or withdrawn). The `status = 'open'` condition
 * makes two managers deciding at once safe: one update wins, the other changes nothing and
 * gets false.
 */
export async function closeReviewRound(
  db: Kysely<Database>,
  close: {
    roundId: string
    status: 'approved' | 'rejected' | 'withdrawn'
    by: string
    reason: string | null
    now: Date
  },
): Promise<boolean> {
  const res = await db
    .updateTable('review_rounds')
    .set({
      status: close.status,
      decided_by: close.by,
      decided_at: close.now,
      decision_reason: close.reason,
    })
    .where('id', '=', close.roundId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/**
 * Moves a scenario from one status to another only if it is still in the first; returns
 * whether it moved (the losing side of a race sees false).
 */
export async function moveScenarioStatus(
  db: Kysely<Database>,
  scenarioId: string,
  from: readonly Database['scenarios']['status'][],
  to: Database['scenarios']['status'],
  now: Date,
  effectiveDate?: string | null,
): Promise<boolean> {
  const res = await db
    .updateTable('scenarios')
    .set({
      status: to,
      updated_at: now,
      ...(effectiveDate === undefined ? {} : { effective_date: effectiveDate }),
    })
    .where('id', '=', scenarioId)
    .where('status', 'in', from)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

// ── Publications ─────────────────────────────────────────────────────────────

export async function insertPublication(
  db: Kysely<Database>,
  p: {
    id: string
    planId: string
    scenarioId: string
    scenarioName: string
    roundId: string | null
    effectiveDate: string
    publishedBy: string
    publishedAt: Date
    activatedAt: Date | null
    state: Uint8Array | null
    alignment: {
      assignments: Record<string, string>
      accountOverrides: Record<string, string>
    }
  },
): Promise<void> {
  await db
    .insertInto('publications')
    .values({
      id: p.id,
      plan_id: p.planId,
      scenario_id: p.scenarioId,
      scenario_name: p.scenarioName,
      round_id: p.roundId,
      effective_date: p.effectiveDate,
      published_by: p.publishedBy,
      published_at: p.publishedAt,
      activated_at: p.activatedAt,
      state: p.state,
      alignment: JSON.stringify(p.alignment),
    })
    .execute()
}

function publicationsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('publications as p')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .select([
      'p.id',
      'p.plan_id',
      'p.scenario_id',
      'p.scenario_name',
      'p.round_id',
      'p.effective_date',
      'p.published_by',
      'p.published_at',
      'p.activated_at',
      'u.display_name as published_by_name',
    ])
}

type PublicationRow = Awaited<
  ReturnType<ReturnType<typeof publicationsQuery>['executeTakeFirstOrThrow']>
>

const toPublication = (r: PublicationRow): PublicationRecord => ({
  id: r.id,
  planId: r.plan_id,
  scenarioId: r.scenario_id,
  scenarioName: r.scenario_name,
  roundId: r.round_id,
  effectiveDate: r.effective_date,
  publishedBy: r.published_by,
  publishedByName: r.published_by_name,
  publishedAt: iso(r.published_at)!,
  activatedAt: iso(r.activated_at),
})

/** Every publication of a plan, latest effective date first. */
export async function listPublications(
  db: Kysely<Database>,
  planId: string,
): Promise<PublicationRecord[]> {
  const rows = await publicationsQuery(db)
    .where('p.plan_id', '=', planId)
    .orderBy('p.effective_date', 'desc')
    .orderBy('p.published_at', 'desc')
    .execute()
  return rows.map(toPublication)
}

/**
 * The publication in force on `date` (YYYY-MM-DD): the latest effective date on or before
 * it, and of two with the same date the one published last.
 */
export async function publicationOn(
  db: Kysely<Database>,
  planId: string,
  date: string,
): Promise<
  | (PublicationRecord & {
      alignment: {
        assignments: Record<string, string>
        accountOverrides: Record<string, string>
      }
      state: Uint8Array | null
    })
  | undefined
> {
  const row = await publicationsQuery(db)
    .select(['p.alignment', 'p.state'])
    .where('p.plan_id', '=', planId)
    .where('p.effective_date', '<=', date)
    .orderBy('p.effective_date', 'desc')
    .orderBy('p.published_at', 'desc')
    .executeTakeFirst()
  return (
    row && { ...toPublication(row), alignment: row.alignment, state: row.state }
  )
}

/** Scheduled publications whose effective date has come (oldest first). */
export async function duePublications(
  db: Kysely<Database>,
  today: string,
): Promise<PublicationRecord[]> {
  const rows = await publicationsQuery(db)
    .where('p.activated_at', 'is', null)
    .where('p.effective_date', '<=', today)
    .orderBy('p.effective_date')
    .orderBy('p.published_at')
    .execute()
  return rows.map(toPublication)
}

/** Marks a publication as in force; false if another process did it first. */
export async function markPublicationActive(
  db: Kysely<Database>,
  publicationId: string,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('publications')
    .set({ activated_at: now })
    .where('id', '=', publicationId)
    .where('activated_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** The scenarios whose review asked this rep (in any round, open or closed). */
export async function scenariosReviewedBy(
  db: Kysely<Database>,
  repId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reviews')
    .select('scenario_id')
    .distinct()
    .where('rep_id', '=', repId)
    .execute()
  return new Set(rows.map((r) => r.scenario_id))
}

/** The id of the publication in force on `date` (see `publicationOn`), without its data. */
export async function publicationIdOn(
  db: Kysely<Database>,
  planId: string,
  date: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('publications')
    .select('id')
    .where('plan_id', '=', planId)
    .where('effective_date', '<=', date)
    .orderBy('effective_date', 'desc')
    .orderBy('published_at', 'desc')
    .executeTakeFirst()
  return row?.id
}
