import { TRPCError } from '@trpc/server'
import { listReps } from '@tessera/db'
import { planOfCaller, scenarioOfPlan } from '../collab/access.js'
import { TargetingInput, selectTargets, targetsCsv } from '../targeting.js'
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
  csv: protectedProcedure
    .input(TargetingInput)
    .query(async ({ ctx, input }) => {
      const result = await run(ctx, { ...input, limit: 50_000 })
      return { csv: targetsCsv(result), total: result.total }
    }),
})
