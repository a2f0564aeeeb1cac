import { createHash } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import * as Y from 'yjs'
import { z } from 'zod'
import {
  type AlignmentDiff,
  type NotificationKind,
  type NotificationLink,
  alignmentCsv,
  type PlanState,
  canonicalAlignment,
  diffAlignments,
  planDocName,
  readPlanState,
} from '@tessera/domain'
import {
  answerRepReview,
  closeReviewRound,
  duePublications,
  findOpenRound,
  findPlan,
  findReviewRound,
  insertPublication,
  insertReviewRound,
  listPublications,
  listRepReviews,
  listReps,
  listReviewRounds,
  listUsers,
  markPublicationActive,
  moveScenarioStatus,
  nextRevision,
  publicationOn,
  recordAudit,
  setPublishedScenario,
  type Database,
  type ReviewRoundRecord,
} from '@tessera/db'
import type { Kysely } from 'kysely'
import { forbid, newId, notify, planOfCaller } from '../collab/access.js'
import { loadPlanDoc, scenarioDocState, scoreScenario } from '../scoring.js'
import { type WebhookHooks, queuePublishedWebhooks } from '../webhook-events.js'
import { protectedProcedure, roleProcedure, router } from '../trpc.js'
import {
  type Caller,
  scenarioOfCaller,
  scenarioOfOrg,
} from './scenario-access.js'

const id = z.string().min(1).max(100)

/** How far in the past an effective date may be when publishing (a late approval). */
export const PUBLISH_GRACE_DAYS = 7

/** A calendar date, YYYY-MM-DD, that exists. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD.')
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
    },
    { message: 'That date does not exist.' },
  )

const Text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters.`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: `${what} cannot contain control characters.`,
    })

/** Today's date in UTC: effective dates and deadlines are whole days, the same everywhere. */
export const today = (now: Date) => now.toISOString().slice(0, 10)
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10)

/** sha-256 of the alignment's canonical text: equal exactly when the alignment is. */
const fingerprint = (plan: PlanState) =>
  createHash('sha256').update(canonicalAlignment(plan)).digest('hex')

/**
 * The reps a change concerns: those whose book of accounts changes, and those holding a
 * territory that gains or loses a unit (even one without accounts: their map changes).
 */
function affectedReps(
  before: PlanState,
  after: PlanState,
  diff: AlignmentDiff,
): string[] {
  const repOf = (plan: PlanState, territoryId: string | null) =>
    territoryId
      ? plan.territories.find((t) => t.id === territoryId)?.repId
      : undefined
  const reps = new Set<string>()
  for (const r of diff.reps) if (r.repId) reps.add(r.repId)
  for (const u of diff.units) {
    const from = repOf(before, u.from)
    const to = repOf(after, u.to)
    if (from) reps.add(from)
    if (to) reps.add(to)
  }
  return [...reps].sort()
}

/** The published alignment and this scenario, both read, with what changes between them. */
/** Runs each keyed load once: the changes on one "My changes" page share the published plan. */
type Once = <T>(key: string, load: () => Promise<T>) => Promise<T>

function onceEach(): Once {
  const loads = new Map<string, Promise<unknown>>()
  return <T>(key: string, load: () => Promise<T>) => {
    let entry = loads.get(key)
    if (!entry) {
      entry = load()
      loads.set(key, entry)
    }
    return entry as Promise<T>
  }
}

async function changeOf(
  ctx: Caller,
  scenarioId: string,
  once: Once = onceEach(),
) {
  const scenario = await scenarioOfCaller(ctx, scenarioId)
  const plan = (await findPlan(ctx.db, scenario.planId))!
  if (!plan.publishedScenarioId)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'This plan has no published alignment to review a change against.',
    })
  const publishedId = plan.publishedScenarioId
  const [before, after, accounts] = await Promise.all([
    once(`doc:${publishedId}`, () => loadPlanDoc(ctx.db, publishedId)),
    loadPlanDoc(ctx.db, scenario.id),
    once(`accounts:${plan.unitLayerId}`, () =>
      ctx.scoring.diffAccounts(ctx.user.orgId, plan.unitLayerId),
    ),
  ])
  const diff = diffAlignments(before.plan, after.plan, accounts)
  return { scenario, plan, before: before.plan, after: after.plan, diff }
}

/**
 * Notifies about a scenario's review: the managers and admins and the `staff` named (the
 * submitter), with a link to the scenario's review, and the users of the `reps`, with a
 * link to their "My changes" (and `repMessage`, if given, instead of `message`).
 */
async function tell(
  ctx: Caller,
  scenario: { id: string; planId: string },
  n: {
    kind: NotificationKind
    message: string
    repMessage?: string
    staff: readonly (string | null)[]
    reps: readonly string[]
    staffLink?: NotificationLink
    repLink?: NotificationLink
  },
) {
  const users = await listUsers(ctx.db, ctx.user.orgId)
  const staff = new Set(
    [
      ...n.staff,
      ...users
        .filter((u) => u.role === 'manager' || u.role === 'admin')
        .map((u) => u.id),
    ].filter((u): u is string => Boolean(u)),
  )
  const reps = new Set(n.reps)
  const row = (userId: string, link: NotificationLink, message: string) => ({
    userId,
    kind: n.kind,
    planId: scenario.planId,
    scenarioId: scenario.id,
    link,
    message,
  })
  await notify(ctx, [
    ...[...staff].map((u) =>
      row(u, n.staffLink ?? { page: 'review' }, n.message),
    ),
    ...users
      .filter((u) => u.rep_id && reps.has(u.rep_id) && !staff.has(u.id))
      .map((u) =>
        row(
          u.id,
          n.repLink ?? { page: 'my-changes' },
          n.repMessage ?? n.message,
        ),
      ),
  ])
}

/** Tells the plan's room that a review (or the scenario) changed: open pages refetch it. */
function changed(
  ctx: Caller,
  event: 'review:changed' | 'scenario:changed',
  scenario: { id: string; planId: string },
  id: string,
  kind: 'created' | 'updated',
) {
  ctx.events?.rowChanged(event, {
    planId: scenario.planId,
    id,
    kind,
    scenarioId: scenario.id,
  })
}

/** The territories as a publication froze them (from the scenario, for older ones). */
export async function publishedTerritories(
  ctx: Pick<Caller, 'db'>,
  p: { state: Uint8Array | null; scenarioId: string | null },
): Promise<PlanState['territories']> {
  if (p.state) {
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, p.state)
      return readPlanState(doc).territories
    } finally {
      doc.destroy()
    }
  }
  return p.scenarioId
    ? (await loadPlanDoc(ctx.db, p.scenarioId)).plan.territories
    : []
}

function conflict(message: string): never {
  throw new TRPCError({ code: 'CONFLICT', message })
}

/** Why a round that is not open cannot be acted on, in words. */
function closedRound(round: ReviewRoundRecord): never {
  const who = round.decidedByName ?? 'someone'
  const when = round.decidedAt
    ? ` at ${round.decidedAt.slice(0, 16).replace('T', ' ')} UTC`
    : ''
  if (round.status === 'withdrawn')
    conflict(
      `Revision ${round.revision} was reopened as a draft by ${who}${when}: the reps review the next submission.`,
    )
  conflict(`${who} already ${round.status} revision ${round.revision}${when}.`)
}

/** The open round the caller means: it must be this scenario's, and still open. */
async function openRound(ctx: Caller, scenarioId: string, roundId: string) {
  const round = await findReviewRound(ctx.db, roundId)
  if (!round || round.scenarioId !== scenarioId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such review.' })
  if (round.status !== 'open') closedRound(round)
  return round
}

/**
 * Makes a publication the plan's alignment in force: the plan points at its scenario, which
 * becomes `published`, and the one published before becomes `superseded` (kept, read-only,
 * in the history). Runs inside the caller's transaction.
 */
async function activate(
  tx: Kysely<Database>,
  p: { id: string; planId: string; scenarioId: string | null },
  now: Date,
) {
  if (!p.scenarioId) return false
  if (!(await markPublicationActive(tx, p.id, now))) return false
  const plan = await findPlan(tx, p.planId)
  if (plan?.publishedScenarioId && plan.publishedScenarioId !== p.scenarioId)
    await moveScenarioStatus(
      tx,
      plan.publishedScenarioId,
      ['published'],
      'superseded',
      now,
    )
  await moveScenarioStatus(
    tx,
    p.scenarioId,
    ['approved', 'scheduled'],
    'published',
    now,
  )
  await setPublishedScenario(tx, p.planId, p.scenarioId)
  return true
}

/**
 * Puts into force every scheduled publication whose effective date has come; for the
 * server's scheduler (each in its own transaction, claimed with a conditional update, so two
 * server processes never apply one twice), with its `alignment.published` webhooks queued
 * in the same transaction. Returns the ones applied.
 */
export async function activateDuePublications(
  db: Kysely<Database>,
  now: Date,
  webhooks?: WebhookHooks,
): Promise<{ id: string; planId: string; scenarioId: string | null }[]> {
  const applied: { id: string; planId: string; scenarioId: string | null }[] =
    []
  let queued = 0
  for (const p of await duePublications(db, today(now))) {
    const done = await db.transaction().execute(async (tx) => {
      if (!(await activate(tx, p, now))) return false
      queued += await queuePublishedWebhooks(tx, p.id, now, webhooks)
      const plan = await findPlan(tx, p.planId)
      await recordAudit(tx, {
        orgId: plan?.orgId ?? null,
        actorId: null,
        action: 'scenario.activate',
        subjectType: 'scenario',
        subjectId: p.scenarioId,
        details: {
          planId: p.planId,
          publicationId: p.id,
          effectiveDate: p.effectiveDate,
          name: p.scenarioName,
        },
      })
      return true
    })
    if (done) applied.push(p)
  }
  if (queued > 0) webhooks?.queued()
  return applied
}

/**
 * Review and approval (issue 8): a planner submits a draft, which becomes read-only; every
 * rep whose territory the change touches reviews their own part and acknowledges or
 * objects; a manager approves or rejects with a reason; an approved scenario is published
 * with an effective date, at once or on that date. Each step is audited and notified.
 */
export const reviewsRouter = router({
  /**
   * A scenario's review: every round (newest first) with the reps' answers — all of them for
   * planners, managers and admins, a rep's own for a rep — whether the plan still matches
   * what was submitted, and its publications.
   */
  status: protectedProcedure
    .input(z.object({ scenarioId: id }))
    .query(async ({ ctx, input }) => {
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      const rounds = await listReviewRounds(ctx.db, scenario.id)
      const isRep = ctx.user.role === 'rep'
      if (isRep && !ctx.user.repId)
        return { scenario, rounds: [], changedSinceSubmit: false }
      const reviews = await listRepReviews(
        ctx.db,
        rounds.map((r) => r.id),
        isRep ? { repId: ctx.user.repId! } : {},
      )
      const open = rounds.find((r) => r.status === 'open')
      const approved = scenario.status === 'approved' ? rounds[0] : undefined
      const watched = open ?? approved
      const changedSinceSubmit = watched
        ? fingerprint((await loadPlanDoc(ctx.db, scenario.id)).plan) !==
          watched.fingerprint
        : false
      const reps = await listReps(ctx.db, ctx.user.orgId)
      const users = await listUsers(ctx.db, ctx.user.orgId)
      return {
        scenario,
        changedSinceSubmit,
        rounds: rounds.map((r) => ({
          ...r,
          reviews: reviews
            .filter((v) => v.roundId === r.id)
            .map((v) => ({
              ...v,
              repName: reps.find((p) => p.id === v.repId)?.name ?? v.repId,
              hasLogin: users.some((u) => u.rep_id === v.repId),
            })),
        })),
      }
    }),

  /** Submits a draft for review: read-only from now on; each affected rep is asked. */
  submit: roleProcedure('planner', 'manager', 'admin')
    .input(
      z.object({
        scenarioId: id,
        dueDate: IsoDate.optional(),
        note: Text('A note', 2000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { scenario, plan, before, after, diff } = await changeOf(
        ctx,
        input.scenarioId,
      )
      if (scenario.status !== 'draft')
        conflict(
          `Only a draft is submitted; this scenario is ${scenario.status.replace('_', ' ')}.`,
        )
      if (scenario.id === plan.publishedScenarioId)
        forbid(
          'The published alignment itself is not reviewed: draft a copy of it.',
        )
      const now = ctx.now()
      const dueDate = input.dueDate ?? addDays(today(now), 7)
      if (dueDate < today(now))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The review deadline ${dueDate} is in the past.`,
        })
      const reps = affectedReps(before, after, diff)
      if (diff.units.length === 0 && diff.accounts.length === 0)
        conflict(
          'This scenario changes nothing against the published alignment: there is nothing to review.',
        )
      const revision = await nextRevision(ctx.db, scenario.id)
      const roundId = newId('rvw')
      const moved = await ctx.db.transaction().execute(async (tx) => {
        if (
          !(await moveScenarioStatus(
            tx,
            scenario.id,
            ['draft'],
            'in_review',
            now,
          ))
        )
          return false
        await insertReviewRound(tx, {
          id: roundId,
          scenarioId: scenario.id,
          planId: plan.id,
          revision,
          submittedBy: ctx.user.id,
          submittedAt: now,
          dueDate,
          note: input.note || null,
          fingerprint: fingerprint(after),
          summary: {
            units: diff.units.length,
            accounts: diff.accounts.length,
            reps: reps.length,
          },
          repIds: reps,
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'review.submit',
          subjectType: 'scenario',
          subjectId: scenario.id,
          details: {
            planId: plan.id,
            name: scenario.name,
            revision,
            dueDate,
            units: diff.units.length,
            accounts: diff.accounts.length,
            reps,
          },
        })
        return true
      })
      if (!moved)
        conflict(
          'Someone else changed this scenario’s status just now: reload it.',
        )
      // Editors connected to it reconnect and are let in read-only.
      ctx.docs?.revoke(
        planDocName(scenario.id),
        'the scenario was submitted for review',
      )
      await tell(ctx, scenario, {
        kind: 'review_requested',
        message: `${ctx.user.displayName} submitted “${scenario.name}” (revision ${revision}) for approval: ${reps.length} rep${reps.length === 1 ? '' : 's'} to review by ${dueDate}`,
        repMessage: `${ctx.user.displayName} asks you to review your territory change in “${scenario.name}” by ${dueDate}`,
        staff: [],
        reps,
      })
      changed(ctx, 'review:changed', scenario, roundId, 'created')
      return { roundId, revision, reps: reps.length, dueDate }
    }),

  /**
   * Takes a scenario in review (or approved, or scheduled) back to a draft, to revise it.
   * Its rounds stay as history; the next submission is a new revision that every affected
   * rep reviews again. A scheduled publication is cancelled (managers and admins only).
   */
  reopen: roleProcedure('planner', 'manager', 'admin')
    .input(
      z.object({ scenarioId: id, reason: Text('A reason', 2000).optional() }),
    )
    .mutation(async ({ ctx, input }) => {
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      const from = ['in_review', 'approved', 'scheduled'] as const
      if (!(from as readonly string[]).includes(scenario.status))
        conflict(
          `Only a scenario in review, approved or scheduled is reopened; this one is ${scenario.status.replace('_', ' ')}.`,
        )
      if (scenario.status === 'scheduled' && ctx.user.role === 'planner')
        forbid('Its publication is scheduled: a manager cancels it.')
      const now = ctx.now()
      const open = await findOpenRound(ctx.db, scenario.id)
      await ctx.db.transaction().execute(async (tx) => {
        if (
          !(await moveScenarioStatus(
            tx,
            scenario.id,
            [...from],
            'draft',
            now,
            null,
          ))
        )
          conflict(
            'Someone else changed this scenario’s status just now: reload it.',
          )
        if (open)
          await closeReviewRound(tx, {
            roundId: open.id,
            status: 'withdrawn',
            by: ctx.user.id,
            reason: input.reason || null,
            now,
          })
        if (scenario.status === 'scheduled')
          await tx
            .deleteFrom('publications')
            .where('scenario_id', '=', scenario.id)
            .where('activated_at', 'is', null)
            .execute()
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'review.reopen',
          subjectType: 'scenario',
          subjectId: scenario.id,
          details: {
            planId: scenario.planId,
            name: scenario.name,
            was: scenario.status,
            revision: open?.revision ?? null,
            reason: input.reason || null,
          },
        })
      })
      // Readers reconnect and, if they may, write again.
      ctx.docs?.revoke(
        planDocName(scenario.id),
        'the scenario was reopened as a draft',
      )
      changed(
        ctx,
        'review:changed',
        scenario,
        open?.id ?? scenario.id,
        'updated',
      )
      return { ok: true }
    }),

  /** A rep's answer about their own change: acknowledged, or objected with a comment. */
  answer: roleProcedure('rep')
    .input(
      z
        .object({
          scenarioId: id,
          roundId: id,
          status: z.enum(['acknowledged', 'objected']),
          comment: Text('A comment', 4000).optional(),
        })
        .refine(
          (a) => a.status !== 'objected' || (a.comment ?? '').length > 0,
          {
            message: 'Say what you object to: an objection needs a comment.',
            path: ['comment'],
          },
        ),
    )
    .mutation(async ({ ctx, input }) => {
      // Looked up in the organization, not among what the rep reads: a rep answering for a
      // change that is not theirs is told so, not that it does not exist.
      const scenario = await scenarioOfOrg(ctx, input.scenarioId)
      const round = await openRound(ctx, scenario.id, input.roundId)
      const repId = ctx.user.repId
      const mine = repId
        ? await listRepReviews(ctx.db, [round.id], { repId })
        : []
      if (!repId || mine.length === 0)
        forbid(
          'This change does not touch your territory: only the reps it affects review it.',
        )
      const now = ctx.now()
      const stored = await ctx.db.transaction().execute(async (tx) => {
        const ok = await answerRepReview(tx, {
          roundId: round.id,
          repId,
          status: input.status,
          comment: input.comment || null,
          reviewerId: ctx.user.id,
          now,
        })
        if (ok)
          await recordAudit(tx, {
            orgId: ctx.user.orgId,
            actorId: ctx.user.id,
            action: `review.${input.status === 'acknowledged' ? 'acknowledge' : 'object'}`,
            subjectType: 'scenario',
            subjectId: scenario.id,
            details: {
              planId: scenario.planId,
              name: scenario.name,
              revision: round.revision,
              repId,
              comment: input.comment || null,
            },
          })
        return ok
      })
      if (!stored) {
        const now2 = await findReviewRound(ctx.db, round.id)
        closedRound(now2 ?? round)
      }
      const verb =
        input.status === 'acknowledged' ? 'acknowledged' : 'objected to'
      await tell(ctx, scenario, {
        kind: 'review_answered',
        message: `${ctx.user.displayName} ${verb} their change in “${scenario.name}”${input.comment ? `: ${input.comment.slice(0, 140)}` : ''}`,
        staff: [round.submittedBy],
        reps: [],
      })
      changed(ctx, 'review:changed', scenario, round.id, 'updated')
      return { ok: true }
    }),

  /**
   * A manager's decision on the open round. Approval is refused when the plan no longer
   * matches what the reps reviewed, and, unless `acceptPending`, while reps have not
   * answered. Of two managers deciding at once, one wins; the other is told who did what.
   */
  decide: roleProcedure('manager', 'admin')
    .input(
      z
        .object({
          scenarioId: id,
          roundId: id,
          decision: z.enum(['approve', 'reject']),
          reason: Text('A reason', 2000).optional(),
          acceptPending: z.boolean().default(false),
        })
        .refine((d) => d.decision !== 'reject' || (d.reason ?? '').length > 0, {
          message: 'A rejection needs a reason: the planner revises by it.',
          path: ['reason'],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      const round = await openRound(ctx, scenario.id, input.roundId)
      const reviews = await listRepReviews(ctx.db, [round.id])
      if (input.decision === 'approve') {
        const now = fingerprint((await loadPlanDoc(ctx.db, scenario.id)).plan)
        if (now !== round.fingerprint)
          conflict(
            'The plan changed after the reps reviewed it: reopen it and submit again so they review the change.',
          )
        const pending = reviews.filter((r) => r.status === 'pending').length
        if (pending > 0 && !input.acceptPending)
          conflict(
            `${pending} rep${pending === 1 ? ' has' : 's have'} not reviewed this change yet: wait, or approve without their answer.`,
          )
      }
      const now = ctx.now()
      const status = input.decision === 'approve' ? 'approved' : 'rejected'
      const decided = await ctx.db.transaction().execute(async (tx) => {
        if (
          !(await closeReviewRound(tx, {
            roundId: round.id,
            status,
            by: ctx.user.id,
            reason: input.reason || null,
            now,
          }))
        )
          return false
        await moveScenarioStatus(
          tx,
          scenario.id,
          ['in_review'],
          status === 'approved' ? 'approved' : 'draft',
          now,
        )
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action:
            input.decision === 'approve' ? 'review.approve' : 'review.reject',
          subjectType: 'scenario',
          subjectId: scenario.id,
          details: {
            planId: scenario.planId,
            name: scenario.name,
            revision: round.revision,
            reason: input.reason || null,
            answers: Object.fromEntries(
              reviews.map((r) => [r.repId, r.status]),
            ),
          },
        })
        return true
      })
      if (!decided)
        closedRound((await findReviewRound(ctx.db, round.id)) ?? round)
      // A rejected scenario is a draft again: its editors reconnect with write access.
      if (status === 'rejected')
        ctx.docs?.revoke(
          planDocName(scenario.id),
          'the scenario was rejected and is a draft again',
        )
      const message =
        status === 'approved'
          ? `${ctx.user.displayName} approved “${scenario.name}” (revision ${round.revision})`
          : `${ctx.user.displayName} rejected “${scenario.name}” (revision ${round.revision}): ${input.reason!.slice(0, 160)}`
      await tell(ctx, scenario, {
        kind: 'review_decided',
        message,
        staff: [round.submittedBy],
        reps: reviews.map((r) => r.repId),
      })
      changed(ctx, 'review:changed', scenario, round.id, 'updated')
      return { status }
    }),

  /**
   * Publishes an approved scenario from an effective date: today or earlier (within the
   * grace window) puts it in force at once; a later date schedules it. One transaction: the
   * publication (with the frozen plan), the statuses and the plan's pointer change together
   * or not at all; the webhooks' deliveries are queued in it too, but their failure never
   * fails the publication (see `queuePublishedWebhooks`).
   */
  publish: roleProcedure('manager', 'admin')
    .input(z.object({ scenarioId: id, effectiveDate: IsoDate }))
    .mutation(async ({ ctx, input }) => {
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      if (scenario.status !== 'approved')
        conflict(
          scenario.status === 'scheduled' || scenario.status === 'published'
            ? `“${scenario.name}” is already ${scenario.status}.`
            : `Only an approved scenario is published; this one is ${scenario.status.replace('_', ' ')}.`,
        )
      const now = ctx.now()
      const earliest = addDays(today(now), -PUBLISH_GRACE_DAYS)
      if (input.effectiveDate < earliest)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `An effective date may be at most ${PUBLISH_GRACE_DAYS} days in the past (${earliest} or later); ${input.effectiveDate} is earlier.`,
        })
      const [rounds, loaded, state] = await Promise.all([
        listReviewRounds(ctx.db, scenario.id),
        loadPlanDoc(ctx.db, scenario.id),
        scenarioDocState(ctx.db, scenario.id),
      ])
      const approved = rounds.find((r) => r.status === 'approved')
      if (!approved || fingerprint(loaded.plan) !== approved.fingerprint)
        conflict(
          'The plan changed after it was approved: reopen it and submit it for review again.',
        )
      const immediate = input.effectiveDate <= today(now)
      const publicationId = newId('pub')
      let queued = 0
      const done = await ctx.db.transaction().execute(async (tx) => {
        if (
          !(await moveScenarioStatus(
            tx,
            scenario.id,
            ['approved'],
            'scheduled',
            now,
            input.effectiveDate,
          ))
        )
          return false
        await insertPublication(tx, {
          id: publicationId,
          planId: scenario.planId,
          scenarioId: scenario.id,
          scenarioName: scenario.name,
          roundId: approved.id,
          effectiveDate: input.effectiveDate,
          publishedBy: ctx.user.id,
          publishedAt: now,
          activatedAt: null,
          state,
          alignment: {
            assignments: loaded.plan.assignments,
            accountOverrides: loaded.plan.accountOverrides,
          },
        })
        if (immediate) {
          await activate(
            tx,
            {
              id: publicationId,
              planId: scenario.planId,
              scenarioId: scenario.id,
            },
            now,
          )
          queued = await queuePublishedWebhooks(
            tx,
            publicationId,
            now,
            ctx.webhooks,
          )
        }
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: immediate ? 'scenario.publish' : 'scenario.schedule',
          subjectType: 'scenario',
          subjectId: scenario.id,
          details: {
            planId: scenario.planId,
            name: scenario.name,
            effectiveDate: input.effectiveDate,
            revision: approved.revision,
            publicationId,
          },
        })
        return true
      })
      if (!done)
        conflict(
          `“${scenario.name}” was published or reopened by someone else just now.`,
        )
      if (queued > 0) ctx.webhooks?.queued()
      const reviews = await listRepReviews(ctx.db, [approved.id])
      const message = immediate
        ? `${ctx.user.displayName} published “${scenario.name}”, in force from ${input.effectiveDate}`
        : `${ctx.user.displayName} scheduled “${scenario.name}” to take effect on ${input.effectiveDate}`
      await tell(ctx, scenario, {
        kind: 'scenario_published',
        message,
        staff: [approved.submittedBy],
        reps: reviews.map((r) => r.repId),
        staffLink: {},
        repLink: {},
      })
      changed(ctx, 'scenario:changed', scenario, scenario.id, 'updated')
      return { publicationId, status: immediate ? 'published' : 'scheduled' }
    }),

  /** Every publication of the plan, latest effective date first. */
  history: protectedProcedure
    .input(z.object({ planId: id }))
    .query(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      const rows = await listPublications(ctx.db, plan.id)
      const day = today(ctx.now())
      const current = rows.find((p) => p.effectiveDate <= day && p.activatedAt)
      return rows.map((p) => ({
        ...p,
        state:
          p === current
            ? ('in force' as const)
            : p.effectiveDate > day || !p.activatedAt
              ? ('scheduled' as const)
              : ('past' as const),
      }))
    }),

  /** The alignment in force on a date: which publication, and each territory's units. */
  alignmentOn: protectedProcedure
    .input(z.object({ planId: id, date: IsoDate }))
    .query(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      const p = await publicationOn(ctx.db, plan.id, input.date)
      if (!p) return null
      const territories = await publishedTerritories(ctx, p)
      const reps = new Map(
        (await listReps(ctx.db, ctx.user.orgId)).map((r) => [r.id, r.name]),
      )
      const assignments = p.alignment.assignments ?? {}
      const units = new Map<string, number>()
      for (const t of Object.values(assignments))
        units.set(t, (units.get(t) ?? 0) + 1)
      const { alignment: _a, state: _s, ...publication } = p
      return {
        publication,
        assignments,
        territories: territories
          .filter((t) => t.kind === 'territory')
          .map((t) => ({
            id: t.id,
            name: t.name,
            repName: t.repId ? (reps.get(t.repId) ?? null) : null,
            units: units.get(t.id) ?? 0,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }
    }),

  /**
   * The alignment in force on a date (today by default) as the CSV a CRM's bulk owner
   * update takes: every account with its territory, owner rep and the effective date.
   */
  alignmentCsv: protectedProcedure
    .input(z.object({ planId: id, date: IsoDate.optional() }))
    .query(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      const date = input.date ?? today(ctx.now())
      const p = await publicationOn(ctx.db, plan.id, date)
      if (!p)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No alignment was published for ${date}.`,
        })
      const territories = await publishedTerritories(ctx, p)
      const [accounts, reps] = await Promise.all([
        ctx.scoring.diffAccounts(ctx.user.orgId, plan.unitLayerId),
        listReps(ctx.db, ctx.user.orgId),
      ])
      const csv = alignmentCsv(
        p.alignment,
        accounts,
        territories,
        new Map(reps.map((r) => [r.id, { name: r.name, email: r.email }])),
        p.effectiveDate,
      )
      return {
        filename: `${plan.name} - ${p.scenarioName} - from ${p.effectiveDate}.csv`,
        csv,
      }
    }),

  /**
   * A rep's "My changes": every scenario in review (and those decided in the last 30 days)
   * that touches their territory, with their own part of it — units and accounts gained
   * and lost, the metric deltas of their territories — and their answer.
   */
  myChanges: roleProcedure('rep').query(async ({ ctx }) => {
    const repId = ctx.user.repId
    if (!repId) return []
    const rows = await ctx.db
      .selectFrom('reviews')
      .innerJoin('review_rounds as r', 'r.id', 'reviews.round_id')
      .innerJoin('plans', 'plans.id', 'r.plan_id')
      .select(['r.id as round_id', 'r.scenario_id', 'r.status as round_status'])
      .where('reviews.rep_id', '=', repId)
      .where('plans.org_id', '=', ctx.user.orgId)
      .where((eb) =>
        eb.or([
          eb('r.status', '=', 'open'),
          eb(
            'r.decided_at',
            '>=',
            new Date(ctx.now().getTime() - 30 * 86_400_000),
          ),
        ]),
      )
      .orderBy('r.submitted_at', 'desc')
      .limit(20)
      .execute()
    const out = []
    const once = onceEach()
    for (const row of rows) {
      const { scenario, plan, before, after, diff } = await changeOf(
        ctx,
        row.scenario_id,
        once,
      )
      const round = (await findReviewRound(ctx.db, row.round_id))!
      const [mine] = await listRepReviews(ctx.db, [round.id], { repId })
      const impact = diff.reps.find((r) => r.repId === repId)
      const held = (p: PlanState) =>
        new Set(p.territories.filter((t) => t.repId === repId).map((t) => t.id))
      const was = held(before)
      const now = held(after)
      const unitsOf = (p: PlanState, ts: Set<string>) =>
        Object.entries(p.assignments)
          .filter(([, t]) => ts.has(t))
          .map(([u]) => u)
      const scope = (scenarioId: string) => ({
        orgId: ctx.user.orgId,
        layerId: plan.unitLayerId,
        scenarioId,
        publishedScenarioId: plan.publishedScenarioId,
      })
      const [sb, sa] = await Promise.all([
        once(`scores:${plan.publishedScenarioId}`, () =>
          scoreScenario(ctx.db, ctx.scoring, scope(plan.publishedScenarioId!)),
        ),
        scoreScenario(ctx.db, ctx.scoring, scope(scenario.id)),
      ])
      const sum = (rows: typeof sb.territories, ts: Set<string>) =>
        rows
          .filter((t) => ts.has(t.territoryId))
          .reduce(
            (acc, t) => ({
              accounts: acc.accounts + t.accounts,
              potential: acc.potential + t.potential,
              sales: acc.sales + t.sales,
              workloadMinutes: acc.workloadMinutes + t.workloadMinutes,
              travelKm: acc.travelKm + (t.travelKm ?? 0),
            }),
            {
              accounts: 0,
              potential: 0,
              sales: 0,
              workloadMinutes: 0,
              travelKm: 0,
            },
          )
      out.push({
        scenario: {
          id: scenario.id,
          name: scenario.name,
          status: scenario.status,
          planId: plan.id,
        },
        round: {
          id: round.id,
          revision: round.revision,
          status: round.status,
          dueDate: round.dueDate,
          note: round.note,
          submittedByName: round.submittedByName,
          submittedAt: round.submittedAt,
          decisionReason: round.decisionReason,
          decidedByName: round.decidedByName,
        },
        review: mine ?? null,
        territoriesBefore: before.territories.filter((t) => was.has(t.id)),
        territoriesAfter: after.territories.filter((t) => now.has(t.id)),
        unitsBefore: unitsOf(before, was),
        unitsAfter: unitsOf(after, now),
        gained: impact?.gained ?? [],
        lost: impact?.lost ?? [],
        before: sum(sb.territories, was),
        after: sum(sa.territories, now),
      })
    }
    return out
  }),
})
