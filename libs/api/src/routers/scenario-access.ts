import { TRPCError } from '@trpc/server'
import type { Kysely } from 'kysely'
import { type Database, findScenario, scenariosReviewedBy } from '@tessera/db'
import type { PublicUser, Scenario } from '@tessera/domain'
import type { Context } from '../context.js'

/** A signed-in caller's context. */
export type Caller = Context & { user: NonNullable<Context['user']> }

/** Statuses of the alignments a rep reads: the one in force and the ones before it. */
const PUBLISHED: readonly Scenario['status'][] = ['published', 'superseded']

/**
 * Which scenarios a user may read. Planners, managers and admins read every scenario of
 * their organization; a rep reads the published alignments (the current one and the
 * history) and the scenarios whose review asked them — their own changes — never another
 * draft. Returns a test for scenarios of the user's organization.
 */
export async function scenarioReader(
  db: Kysely<Database>,
  user: Pick<PublicUser, 'role' | 'repId'>,
): Promise<(s: Pick<Scenario, 'id' | 'status'>) => boolean> {
  if (user.role !== 'rep') return () => true
  const reviewed = user.repId
    ? await scenariosReviewedBy(db, user.repId)
    : new Set<string>()
  return (s) => PUBLISHED.includes(s.status) || reviewed.has(s.id)
}

/** The scenario, if the caller's organization owns it (else "not found"). */
export async function scenarioOfOrg(ctx: Caller, scenarioId: string) {
  const scenario = await findScenario(ctx.db, scenarioId)
  if (!scenario || scenario.orgId !== ctx.user.orgId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such scenario.' })
  return scenario
}

/**
 * The scenario, if the caller's organization owns it and the caller may read it (anything
 * else is "not found": no hint that it exists).
 */
export async function scenarioOfCaller(ctx: Caller, scenarioId: string) {
  const scenario = await scenarioOfOrg(ctx, scenarioId)
  if (!(await scenarioReader(ctx.db, ctx.user))(scenario))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such scenario.' })
  return scenario
}
