import { RouteLeadsInput, routeLeads } from '../lead-routing.js'
import { planOfCaller } from '../collab/access.js'
import { protectedProcedure, router } from '../trpc.js'
import { scenarioOfCaller } from './scenario-access.js'

/**
 * Lead routing (issue 9): which territory, owner rep and region a lead belongs to, by its
 * coordinates or ZIP code, in the published alignment in force today or in a given
 * scenario. One lead or a batch of up to 10,000; each answer carries its own error (a lead
 * at sea, an unknown ZIP), so one bad lead does not fail the batch. A mutation only so a
 * large batch travels in a POST body: it changes nothing. The plain HTTP endpoint
 * (`POST /api/v1/route`, API keys) takes the same input and gives the same answer.
 */
export const routingRouter = router({
  route: protectedProcedure
    .input(RouteLeadsInput.required({ planId: true }))
    .mutation(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      const scenario = input.scenarioId
        ? await scenarioOfCaller(ctx, input.scenarioId)
        : null
      return routeLeads(ctx, ctx.user.orgId, plan, scenario, input.leads)
    }),
})
