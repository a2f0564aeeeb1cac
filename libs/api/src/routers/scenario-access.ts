import { TRPCError } from '@trpc/server'
import { findScenario } from '@tessera/db'
import type { Context } from '../context.js'

/** A signed-in caller's context. */
export type Caller = Context & { user: NonNullable<Context['user']> }

/** The scenario, if the caller's organization owns it (anything else is "not found"). */
export async function scenarioOfCaller(ctx: Caller, scenarioId: string) {
  const scenario = await findScenario(ctx.db, scenarioId)
  if (!scenario || scenario.orgId !== ctx.user.orgId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such scenario.' })
  return scenario
}
