import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { publicationIdOn, publicationOn } from '@tessera/db'
import { planOfCaller } from '../collab/access.js'
import { loadPlanDoc } from '../scoring.js'
import { protectedProcedure, router } from '../trpc.js'
import { publishedTerritories, today } from './reviews.router.js'
import { scenarioOfCaller } from './scenario-access.js'

const id = z.string().min(1).max(100)

const LeadInput = z.object({
  id: z.string().max(200).optional(),
  lat: z.number().finite().optional(),
  lon: z.number().finite().optional(),
  zip: z.string().max(20).optional(),
})

/** The most leads one call routes. */
export const MAX_LEADS = 10_000

/**
 * Lead routing (issue 9): which territory, owner rep and region a lead belongs to, by its
 * coordinates or ZIP code, in the published alignment in force today or in a given
 * scenario. One lead or a batch of up to 10,000; each answer carries its own error (a lead
 * at sea, an unknown ZIP), so one bad lead does not fail the batch. A mutation only so a
 * large batch travels in a POST body: it changes nothing.
 */
export const routingRouter = router({
  route: protectedProcedure
    .input(
      z.object({
        planId: id,
        scenarioId: id.optional(),
        leads: z
          .array(LeadInput)
          .min(1, 'Send at least one lead.')
          .max(
            MAX_LEADS,
            `At most ${MAX_LEADS.toLocaleString('en-US')} leads a call.`,
          ),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const plan = await planOfCaller(ctx, input.planId)
      let alignment
      let source
      if (input.scenarioId) {
        const scenario = await scenarioOfCaller(ctx, input.scenarioId)
        if (scenario.planId !== plan.id)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'That scenario belongs to another plan.',
          })
        const { plan: state } = await loadPlanDoc(ctx.db, scenario.id)
        alignment = state
        source = { scenarioId: scenario.id, effectiveDate: null }
      } else {
        const day = today(ctx.now())
        const publicationId = await publicationIdOn(ctx.db, plan.id, day)
        if (!publicationId)
          throw new TRPCError({
            code: 'NOT_FOUND',
            message:
              'This plan has no alignment in force today: name a scenario.',
          })
        // A publication is frozen: its alignment is read once and kept by the router.
        const published = await ctx.routing.publishedAlignment(
          publicationId,
          async () => {
            const p = (await publicationOn(ctx.db, plan.id, day))!
            return {
              assignments: p.alignment.assignments ?? {},
              territories: await publishedTerritories(ctx, p),
              scenarioId: p.scenarioId,
              effectiveDate: p.effectiveDate,
            }
          },
        )
        alignment = published
        source = {
          scenarioId: published.scenarioId ?? null,
          effectiveDate: published.effectiveDate ?? null,
        }
      }
      const started = performance.now()
      const leads = await ctx.routing.route(
        ctx.user.orgId,
        plan.unitLayerId,
        alignment,
        input.leads,
      )
      return {
        ...source,
        leads,
        ms: Math.round((performance.now() - started) * 100) / 100,
      }
    }),
})
