import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import * as Y from 'yjs'
import { findScenario, listPlans, listScenarios, loadYjsDoc } from '@tessera/db'
import { planDocName, readPlanState } from '@tessera/domain'
import { protectedProcedure, router } from '../trpc.js'

export const plansRouter = router({
  /** Plans of the user's organization, each with its scenarios. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const plans = await listPlans(ctx.db, ctx.user.orgId)
    return Promise.all(
      plans.map(async (p) => ({
        ...p,
        scenarios: await listScenarios(ctx.db, p.id),
      })),
    )
  }),

  /**
   * A scenario's plan as plain JSON (territories and unit assignments), read from its stored
   * Yjs document. Live editing connects to the document itself; this is the read path.
   */
  scenario: protectedProcedure
    .input(z.object({ scenarioId: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      const scenario = await findScenario(ctx.db, input.scenarioId)
      if (!scenario || scenario.orgId !== ctx.user.orgId) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such scenario.' })
      }
      const stored = await loadYjsDoc(ctx.db, planDocName(scenario.id))
      const doc = new Y.Doc()
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
        for (const update of stored.updates) Y.applyUpdate(doc, update)
        const { orgId: _orgId, ...publicScenario } = scenario
        return { scenario: publicScenario, plan: readPlanState(doc) }
      } finally {
        doc.destroy()
      }
    }),
})
