import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { BalanceMetric } from '@tessera/domain'
import { accountFigures, findPlan, listPlans, listScenarios } from '@tessera/db'
import { scenarioOfCaller, scenarioReader } from './scenario-access.js'
import {
  engineInputFor,
  loadPlanDoc,
  scoreScenario,
  suggestForScenario,
} from '../scoring.js'
import { protectedProcedure, roleProcedure, router } from '../trpc.js'
import { startAutoDesign, startRebalance } from '../auto-design.js'
import type { Context } from '../context.js'
import { JobLimitError } from '../optimize/jobs.js'
import {
  RebaseError,
  hexagonOptions,
  rebasePlanOnHexagons,
} from '../rebase-plan.js'
import { H3_MAX_RESOLUTION } from '@tessera/geo'

const ScenarioInput = z.object({ scenarioId: z.string().min(1).max(100) })

/** The scenario's organization, layer and published alignment, checked against the caller. */
async function scopeOf(
  ctx: Context & { user: { orgId: string } },
  scenarioId: string,
) {
  const scenario = await scenarioOfCaller(ctx, scenarioId)
  const plan = await findPlan(ctx.db, scenario.planId)
  if (!plan)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such plan.' })
  return {
    orgId: ctx.user.orgId,
    layerId: plan.unitLayerId,
    scenarioId: scenario.id,
    publishedScenarioId: plan.publishedScenarioId,
  }
}

/** Starts a job, turning "too many of yours already" into TOO_MANY_REQUESTS. */
async function limited<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start()
  } catch (error) {
    if (error instanceof JobLimitError)
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message })
    throw error
  }
}

/** A refusal from re-basing (no accounts, too many cells…) is the caller's to fix. */
async function refusable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof RebaseError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message })
    throw error
  }
}

export const plansRouter = router({
  /** Plans of the user's organization, each with the scenarios the user may read. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const plans = await listPlans(ctx.db, ctx.user.orgId)
    const mayRead = await scenarioReader(ctx.db, ctx.user)
    return Promise.all(
      plans.map(async (p) => ({
        ...p,
        scenarios: (await listScenarios(ctx.db, p.id)).filter(mayRead),
      })),
    )
  }),

  /**
   * A scenario's plan as plain JSON (territories and unit assignments), read from its stored
   * Yjs document. Live editing connects to the document itself; this is the read path.
   */
  scenario: protectedProcedure
    .input(ScenarioInput)
    .query(async ({ ctx, input }) => {
      const { orgId: _orgId, ...scenario } = await scenarioOfCaller(
        ctx,
        input.scenarioId,
      )
      const { plan, settings } = await loadPlanDoc(ctx.db, scenario.id)
      const owner = await findPlan(ctx.db, scenario.planId)
      // The figures of the accounts with an override (at most the first 50,000), so the
      // territory list counts them where the override puts them.
      const overriddenAccounts = owner
        ? await accountFigures(
            ctx.db,
            ctx.user.orgId,
            owner.unitLayerId,
            Object.keys(plan.accountOverrides).slice(0, 50_000),
          )
        : []
      return { scenario, plan, settings, overriddenAccounts }
    }),

  /**
   * The engine's scores for a scenario: per territory (sums, workload vs capacity, travel,
   * compactness, contiguity, disruption, deviation from target) and for the plan (balance
   * score, band share, worst deviation, travel, disruption vs the published alignment).
   */
  scores: protectedProcedure
    .input(ScenarioInput)
    .query(async ({ ctx, input }) =>
      scoreScenario(ctx.db, ctx.scoring, await scopeOf(ctx, input.scenarioId)),
    ),

  /**
   * The engine's input for scoring this scenario in the browser (a Web Worker scores every
   * live edit): the packed model and the published alignment.
   */
  engineInput: protectedProcedure
    .input(ScenarioInput)
    .query(async ({ ctx, input }) =>
      engineInputFor(ctx.db, ctx.scoring, await scopeOf(ctx, input.scenarioId)),
    ),

  /** The engine's best next unit moves for a scenario, each with the deltas that justify it. */
  suggestions: protectedProcedure
    .input(
      ScenarioInput.extend({
        limit: z.number().int().min(1).max(100).default(10),
        maxDisruptedAccounts: z.number().int().min(0).optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      suggestForScenario(
        ctx.db,
        ctx.scoring,
        await scopeOf(ctx, input.scenarioId),
        {
          limit: input.limit,
          maxDisruptedAccounts: input.maxDisruptedAccounts,
        },
      ),
    ),

  /**
   * Starts the engine's auto-design for a scenario's layer (planners and up), off the main
   * thread. Returns the job; poll `optimizeJob` for progress (fraction, current balance) and
   * the new draft scenario, or `cancelOptimizeJob` to stop it.
   */
  autoDesign: roleProcedure('planner', 'manager', 'admin')
    .input(
      ScenarioInput.extend({
        parts: z.number().int().min(1).max(2_000),
        metric: BalanceMetric.default('workload'),
        tolerance: z.number().min(0.001).max(1).default(0.05),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
        splitUnits: z.boolean().default(true),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx, input.scenarioId)
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      return limited(() =>
        startAutoDesign(
          ctx.db,
          ctx.scoring,
          ctx.optimizeJobs,
          { ...scope, planId: scenario.planId, userId: ctx.user.id },
          {
            parts: input.parts,
            metric: input.metric,
            tolerance: input.tolerance,
            seed: input.seed,
            splitUnits: input.splitUnits,
          },
        ),
      )
    }),

  /**
   * Starts a rebalance of a scenario within a cap on accounts moved from the published
   * alignment (planners and up), off the main thread; the result lands as a new draft.
   */
  rebalance: roleProcedure('planner', 'manager', 'admin')
    .input(
      ScenarioInput.extend({
        maxMovedShare: z.number().min(0).max(1).default(0.15),
        splitUnits: z.boolean().default(true),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = await scopeOf(ctx, input.scenarioId)
      const scenario = await scenarioOfCaller(ctx, input.scenarioId)
      return limited(() =>
        startRebalance(
          ctx.db,
          ctx.scoring,
          ctx.optimizeJobs,
          { ...scope, planId: scenario.planId, userId: ctx.user.id },
          { maxMovedShare: input.maxMovedShare, splitUnits: input.splitUnits },
        ),
      )
    }),

  /** A design or rebalance job of the caller's organization: status, progress and result. */
  optimizeJob: protectedProcedure
    .input(z.object({ jobId: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => {
      const job = ctx.optimizeJobs.get(input.jobId, ctx.user.orgId)
      if (!job)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such job.' })
      return job
    }),

  /** Stops a job: a queued one never starts, a running one stops at its next step. */
  cancelOptimizeJob: roleProcedure('planner', 'manager', 'admin')
    .input(z.object({ jobId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => {
      const job = ctx.optimizeJobs.cancel(input.jobId, ctx.user.orgId)
      if (!job)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such job.' })
      return job
    }),

  /**
   * The H3 resolutions a plan could be re-based onto, each with about how many cells the
   * organization's accounts would fill, and the recommended one.
   */
  hexagonOptions: roleProcedure('planner', 'manager', 'admin').query(
    ({ ctx }) => refusable(() => hexagonOptions(ctx.db, ctx.user.orgId)),
  ),

  /**
   * A new plan on H3 hexagons built around the accounts, holding the published alignment
   * and a scenario (default: the published one) as a draft, re-based so that every
   * account keeps its territory. The plan it came from is not changed.
   */
  rebaseOnHexagons: roleProcedure('planner', 'manager', 'admin')
    .input(
      z.object({
        planId: z.string().min(1).max(100),
        scenarioId: z.string().min(1).max(100).optional(),
        resolution: z.number().int().min(0).max(H3_MAX_RESOLUTION).optional(),
        /** Hexagons anywhere, or US ZIP areas inside the old units (counties). */
        units: z.enum(['hexagons', 'zips']).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.scenarioId) {
        const s = await scenarioOfCaller(ctx, input.scenarioId)
        if (s.planId !== input.planId)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'That scenario is not in this plan.',
          })
      }
      return refusable(() =>
        rebasePlanOnHexagons(ctx.db, {
          orgId: ctx.user.orgId,
          userId: ctx.user.id,
          planId: input.planId,
          scenarioId: input.scenarioId,
          resolution: input.resolution,
          units: input.units,
          now: ctx.now(),
        }),
      )
    }),
})
