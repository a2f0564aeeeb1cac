import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { listReps, listUnits } from '@tessera/db'
import { planOfCaller, scenarioOfPlan } from '../collab/access.js'
import { loadPlanDoc } from '../scoring.js'
import { TargetingInput, selectTargets, targetsCsv } from '../targeting.js'
import { whiteSpaceRanking } from '../whitespace.js'
import { protectedProcedure, router } from '../trpc.js'
import type { Caller } from './scenario-access.js'

/** The scenario a selection reads territories from: the one named, else the published one. */
async function scenarioFor(ctx: Caller, planId: string, scenarioId?: string) {
  const plan = await planOfCaller(ctx, planId)
  const id = scenarioId ?? plan.publishedScenarioId
  if (!id)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'This plan has no published alignment yet: name a scenario.',
    })
  return scenarioOfPlan(ctx, plan.id, id)
}

async function run(ctx: Caller, input: TargetingInput) {
  const scenario = await scenarioFor(ctx, input.planId, input.scenarioId)
  const reps = await listReps(ctx.db, ctx.user.orgId)
  return selectTargets(
    ctx.db,
    ctx.user.orgId,
    scenario.id,
    input,
    new Map(reps.map((r) => [r.id, r.name])),
  )
}

/**
 * Location-based targeting and campaign lists (issue 9): accounts by a radius around a
 * point, a drawn polygon, territories and segments; `csv` is the same selection as the
 * file a marketing tool imports (per territory, per segment: pass them as filters).
 */
export const targetingRouter = router({
  select: protectedProcedure
    .input(TargetingInput)
    .query(({ ctx, input }) => run(ctx, input)),
  /** Growth opportunities: units and territories ranked by white space, with coverage. */
  whiteSpace: protectedProcedure
    .input(
      z.object({
        planId: z.string().min(1).max(100),
        scenarioId: z.string().min(1).max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const scenario = await scenarioFor(ctx, input.planId, input.scenarioId)
      const plan = await planOfCaller(ctx, input.planId)
      const [stats, { plan: doc }, units] = await Promise.all([
        ctx.scoring.unitStats(ctx.user.orgId, plan.unitLayerId),
        loadPlanDoc(ctx.db, scenario.id),
        listUnits(ctx.db, plan.unitLayerId),
      ])
      return whiteSpaceRanking(
        stats,
        doc,
        new Map(units.map((u) => [u.id, u.name])),
      )
    }),
  csv: protectedProcedure
    .input(TargetingInput)
    .query(async ({ ctx, input }) => {
      const result = await run(ctx, { ...input, limit: 50_000 })
      return { csv: targetsCsv(result), total: result.total }
    }),
})
