import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findScenario,
  listPlans,
  publicationIdOn,
  publicationOn,
} from '@tessera/db'
import type { ApiDeps } from './context.js'
import { publishedTerritories, today } from './routers/reviews.router.js'
import type { Lead, RoutingAlignment } from './routing.js'
import { loadPlanDoc } from './scoring.js'

const id = z.string().min(1).max(100)

/** The most leads one call routes. */
export const MAX_LEADS = 10_000

const LeadInput = z.object({
  id: z.string().max(200).optional(),
  lat: z.number().finite().optional(),
  lon: z.number().finite().optional(),
  zip: z.string().max(20).optional(),
})

/**
 * A routing request, as both the tRPC procedure and the plain HTTP endpoint take it (the
 * procedure requires `planId`; over HTTP an organization with one plan may leave it out).
 */
export const RouteLeadsInput = z.object({
  planId: id.optional(),
  scenarioId: id.optional(),
  leads: z
    .array(LeadInput)
    .min(1, 'Send at least one lead.')
    .max(
      MAX_LEADS,
      `At most ${MAX_LEADS.toLocaleString('en-US')} leads a call.`,
    ),
})
export type RouteLeadsInput = z.infer<typeof RouteLeadsInput>

type Deps = Pick<ApiDeps, 'db' | 'routing' | 'now'>

/**
 * Routes leads in a plan's alignment in force today, or in a scenario of it (the caller has
 * already checked that it may read both).
 */
export async function routeLeads(
  deps: Deps,
  orgId: string,
  plan: { id: string; unitLayerId: string },
  scenario: { id: string; planId: string } | null,
  leads: readonly Lead[],
) {
  let alignment: RoutingAlignment
  if (scenario) {
    if (scenario.planId !== plan.id)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'That scenario belongs to another plan.',
      })
    alignment = {
      ...(await loadPlanDoc(deps.db, scenario.id)).plan,
      scenarioId: scenario.id,
      effectiveDate: null,
    }
  } else {
    const day = today(deps.now())
    const publicationId = await publicationIdOn(deps.db, plan.id, day)
    if (!publicationId)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: 'This plan has no alignment in force today: name a scenario.',
      })
    // A publication is frozen: its alignment is read once and kept by the router.
    alignment = await deps.routing.publishedAlignment(
      publicationId,
      async () => {
        const p = (await publicationOn(deps.db, plan.id, day))!
        return {
          assignments: p.alignment.assignments ?? {},
          territories: await publishedTerritories(deps, p),
          scenarioId: p.scenarioId,
          effectiveDate: p.effectiveDate,
        }
      },
    )
  }
  const started = performance.now()
  const routed = await deps.routing.route(
    orgId,
    plan.unitLayerId,
    alignment,
    leads,
  )
  return {
    scenarioId: alignment.scenarioId ?? null,
    effectiveDate: alignment.effectiveDate ?? null,
    leads: routed,
    ms: Math.round((performance.now() - started) * 100) / 100,
  }
}

/**
 * Routes leads for a caller that acts for the whole organization (an API key): any plan
 * and scenario of the organization. Without `planId`, the organization's only plan; with
 * several, the refusal names them.
 */
export async function routeLeadsForOrg(
  deps: Deps,
  orgId: string,
  input: RouteLeadsInput,
) {
  const plans = await listPlans(deps.db, orgId)
  const named = plans.map((p) => `${p.id} (${p.name})`).join(', ')
  const plan = input.planId
    ? plans.find((p) => p.id === input.planId)
    : plans.length === 1
      ? plans[0]
      : undefined
  if (!plan && input.planId)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `No plan ${input.planId}. The plans are: ${named || 'none'}.`,
    })
  if (!plan)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        plans.length === 0
          ? 'This organization has no plan to route by.'
          : `Name a plan with "planId": this organization has ${plans.length}: ${named}.`,
    })
  let scenario = null
  if (input.scenarioId) {
    const found = await findScenario(deps.db, input.scenarioId)
    if (!found || found.orgId !== orgId)
      throw new TRPCError({ code: 'NOT_FOUND', message: 'No such scenario.' })
    scenario = found
  }
  return routeLeads(deps, orgId, plan, scenario, input.leads)
}
