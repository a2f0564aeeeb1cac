import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import {
  type NewNotification,
  findPlan,
  findScenario,
  insertNotifications,
  usersInOrg,
} from '@tessera/db'
import type { PublicUser, Role, UserNotification } from '@tessera/domain'
import type { Context } from '../context.js'
import { scenarioReader } from '../routers/scenario-access.js'

/**
 * Who may do what with comments and tasks (issue 7). Everyone in the organization reads and
 * comments on its plans (reps too: the hub lets them read every scenario of their
 * organization); another organization's plan does not exist for them. Only one's own
 * comment is edited or deleted; a thread is resolved by whoever started it or by a planner,
 * manager or admin; tasks are created by planners, managers and admins; a task's status is
 * also changed by its assignee.
 */
export const STAFF: readonly Role[] = ['planner', 'manager', 'admin']

export const isStaff = (user: PublicUser) => STAFF.includes(user.role)

export const newId = (prefix: string) =>
  `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`

/** The plan, if it is the caller's organization's (else NOT_FOUND: no hint it exists). */
export async function planOfCaller(
  ctx: Context & { user: PublicUser },
  planId: string,
) {
  const plan = await findPlan(ctx.db, planId)
  if (!plan || plan.orgId !== ctx.user.orgId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such plan.' })
  return plan
}

/** The scenario, which must belong to the plan and be one the caller may read. */
export async function scenarioOfPlan(
  ctx: Context & { user: PublicUser },
  planId: string,
  scenarioId: string,
) {
  const scenario = await findScenario(ctx.db, scenarioId)
  if (
    !scenario ||
    scenario.orgId !== ctx.user.orgId ||
    scenario.planId !== planId ||
    !(await scenarioReader(ctx.db, ctx.user))(scenario)
  )
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'No such scenario in this plan.',
    })
  return scenario
}

/** Checks that every id is a user of the caller's organization. */
export async function orgUsers(
  ctx: Context & { user: PublicUser },
  ids: readonly string[],
  what: string,
) {
  const unique = [...new Set(ids)]
  const found = await usersInOrg(ctx.db, ctx.user.orgId, unique)
  if (found.length !== unique.length)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${what} must be people in your organization.`,
    })
  return found
}

export function forbid(message: string): never {
  throw new TRPCError({ code: 'FORBIDDEN', message })
}

/** A stored notification as its user's tabs receive and list it. */
export function toUserNotification(
  n: {
    id: string
    kind: string
    planId: string | null
    scenarioId: string | null
    message: string
    link: UserNotification['link']
  },
  extra: { actorName: string | null; createdAt: string; readAt: string | null },
): UserNotification {
  return {
    id: n.id,
    kind: n.kind as UserNotification['kind'],
    planId: n.planId,
    scenarioId: n.scenarioId,
    message: n.message,
    link: n.link,
    ...extra,
  }
}

/** Stores notifications, then pushes each to its user's open tabs. */
export async function notify(
  ctx: Context & { user: PublicUser },
  rows: Omit<NewNotification, 'id' | 'orgId' | 'actorId' | 'now'>[],
) {
  const now = ctx.now()
  const stored = rows
    .filter((r) => r.userId !== ctx.user.id)
    .map((r) => ({
      ...r,
      id: newId('ntf'),
      orgId: ctx.user.orgId,
      actorId: ctx.user.id,
      now,
    }))
  await insertNotifications(ctx.db, stored)
  for (const n of stored)
    ctx.events?.notify(
      n.userId,
      toUserNotification(n, {
        actorName: ctx.user.displayName,
        createdAt: now.toISOString(),
        readAt: null,
      }),
    )
}
