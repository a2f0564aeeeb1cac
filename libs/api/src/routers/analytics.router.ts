import { z } from 'zod'
import type { Kysely } from 'kysely'
import {
  type Database,
  forecastStatus,
  listReps,
  listTerritoryQuotas,
  recordAudit,
  salesHistoryBounds,
  salesRollup,
  setTerritoryQuota,
} from '@tessera/db'
import { formatMonth, parseMonth } from '@tessera/engine'
import { aggregatePerformance } from '../analytics.js'
import { planOfCaller, scenarioOfPlan } from '../collab/access.js'
import { completeMonthAsOf } from '../forecasts.js'
import { type ScoringCache, loadPlanDoc } from '../scoring.js'
import { protectedProcedure, roleProcedure, router } from '../trpc.js'

const id = z.string().min(1).max(100)

/** `YYYY-MM-01` of the month before `now`'s: the last complete month. */
const lastCompleteMonth = (now: Date) =>
  `${formatMonth(parseMonth(now.toISOString().slice(0, 7))! - 1)}-01`

/** The 24 months ending at `asOf`, oldest first, `YYYY-MM-01`. */
function monthsUpTo(asOf: string): string[] {
  const last = parseMonth(asOf)!
  return Array.from(
    { length: 24 },
    (_, i) => `${formatMonth(last - 23 + i)}-01`,
  )
}

/**
 * What every dashboard of an organization's layer starts from, built once per month (the
 * as-of month moves with the calendar) and dropped with the scoring cache after an import
 * or a forecast refresh: the as-of month and each unit's sums and trend, aggregated in the
 * database.
 */
function unitBase(
  db: Kysely<Database>,
  cache: ScoringCache,
  orgId: string,
  layerId: string,
  now: Date,
) {
  const thisMonth = now.toISOString().slice(0, 7)
  return cache.derived(orgId, `analytics|${layerId}|${thisMonth}`, async () => {
    const [bounds, forecast] = await Promise.all([
      salesHistoryBounds(db, orgId),
      forecastStatus(db, orgId),
    ])
    const asOf = bounds ? completeMonthAsOf(bounds.last, now) : null
    const units = asOf
      ? await salesRollup(db, { orgId, layerId, asOf, by: 'unit' })
      : []
    return { asOf, units, forecast }
  })
}

/**
 * Performance per territory and per rep (issue 9): sales of the last 12 complete months
 * against quota, the 12 before, the 24-month trend, the forecast and a pipeline proxy, for
 * a scenario's alignment; and the quotas themselves.
 */
export const analyticsRouter = router({
  /**
   * A scenario's dashboard: per territory and per rep (a territory's owner) — sales of the
   * last 12 complete months and the 12 before, quota (set, or last-12-month sales × 1.05
   * flagged as a default), attainment, the 24-month trend, the accounts' next-12-month
   * forecast, the pipeline proxy (Σ over accounts of max(0, forecast − last-12-month sales))
   * and account counts; and the plan's totals. A rep sees their own territories' rows and
   * the plan's totals, on the scenarios they may read.
   */
  dashboard: protectedProcedure
    .input(z.object({ planId: id, scenarioId: id }))
    .query(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      const scenario = await scenarioOfPlan(ctx, plan.id, input.scenarioId)
      const now = ctx.now()
      const [base, doc, quotas, reps] = await Promise.all([
        unitBase(ctx.db, ctx.scoring, ctx.user.orgId, plan.unitLayerId, now),
        loadPlanDoc(ctx.db, scenario.id),
        listTerritoryQuotas(ctx.db, plan.id),
        listReps(ctx.db, ctx.user.orgId),
      ])
      const overrideIds = Object.keys(doc.plan.accountOverrides)
      const overridden =
        base.asOf && overrideIds.length > 0
          ? await salesRollup(ctx.db, {
              orgId: ctx.user.orgId,
              layerId: plan.unitLayerId,
              asOf: base.asOf,
              by: 'account',
              accountIds: overrideIds,
            })
          : []
      const figures = aggregatePerformance({
        plan: doc.plan,
        units: base.units,
        overridden,
        quotas: new Map(quotas.map((q) => [q.territoryId, q.amount])),
        repNames: new Map(reps.map((r) => [r.id, r.name])),
      })
      const own = (repId: string | null) =>
        ctx.user.role !== 'rep' || (repId !== null && repId === ctx.user.repId)
      return {
        planId: plan.id,
        scenarioId: scenario.id,
        asOf: base.asOf,
        months: monthsUpTo(base.asOf ?? lastCompleteMonth(now)),
        forecast: base.forecast && {
          computedAt: base.forecast.computedAt.toISOString(),
          asOf: base.forecast.asOf,
          accounts: base.forecast.accounts,
        },
        summary: figures.summary,
        unassigned: figures.unassigned,
        territories: figures.territories.filter((t) => own(t.repId)),
        reps: figures.reps.filter((r) => own(r.repId)),
        canSetQuota: ctx.user.role !== 'rep',
      }
    }),

  /**
   * Sets a territory's quota for a plan (planners, managers, admins); `null` removes it, so
   * the default (last-12-month sales × 1.05) applies again. Audited.
   */
  setQuota: roleProcedure('planner', 'manager', 'admin')
    .input(
      z.object({
        planId: id,
        territoryId: id,
        amount: z.number().min(0).max(1e13).nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      await ctx.db.transaction().execute(async (tx) => {
        await setTerritoryQuota(tx, {
          planId: plan.id,
          territoryId: input.territoryId,
          amount: input.amount,
          setBy: ctx.user.id,
          setAt: ctx.now(),
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: input.amount === null ? 'quota.clear' : 'quota.set',
          subjectType: 'territory',
          subjectId: input.territoryId,
          details: { planId: plan.id, amount: input.amount },
        })
      })
      return { ok: true as const }
    }),
})
