import { sql } from 'kysely'
import { z } from 'zod'
import { protectedProcedure, router } from '../trpc.js'
import { planOfCaller } from './access.js'

const id = z.string().min(1).max(100)

export interface ActivityItem {
  id: string
  at: string
  actorId: string | null
  actorName: string | null
  /** `plan.edit`, `comment.create`, `comment.reply`, `comment.resolve`, `task.create`, `task.complete`… */
  action: string
  subjectType: string
  subjectId: string | null
  /** What the action recorded (moves for `plan.edit`; territory, thread, title…). */
  details: Record<string, unknown>
}

/**
 * Who did what in a plan, newest first: plan edits summarised per person and pair of
 * territories (recorded by the server as they happen through the hub), comments, tasks and
 * reviews and publishing, read from the audit log. Filterable by kind, person and territory;
 * paged with `before` (the last item's id).
 */
export const activityRouter = router({
  list: protectedProcedure
    .input(
      z.object({
        planId: id,
        kind: z
          .enum(['all', 'edits', 'comments', 'tasks', 'reviews'])
          .default('all'),
        actorId: id.optional(),
        territoryId: id.optional(),
        before: z.string().regex(/^\d+$/).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }): Promise<ActivityItem[]> => {
      await planOfCaller(ctx, input.planId)
      let q = ctx.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .selectAll('audit_log')
        .select('users.display_name as actor_name')
        .where('audit_log.org_id', '=', ctx.user.orgId)
        .where(sql<string>`audit_log.details->>'planId'`, '=', input.planId)
      if (input.kind === 'edits')
        q = q.where('audit_log.action', '=', 'plan.edit')
      if (input.kind === 'comments')
        q = q.where('audit_log.action', 'like', 'comment.%')
      if (input.kind === 'tasks')
        q = q.where('audit_log.action', 'like', 'task.%')
      // Reviews and the scenarios' life: submit, answers, decisions, publishing.
      if (input.kind === 'reviews')
        q = q.where((eb) =>
          eb.or([
            eb('audit_log.action', 'like', 'review.%'),
            eb('audit_log.action', 'like', 'scenario.%'),
          ]),
        )
      if (input.actorId) q = q.where('audit_log.actor_id', '=', input.actorId)
      if (input.territoryId) {
        const t = input.territoryId
        q = q.where((eb) =>
          eb.or([
            eb(sql<string>`audit_log.details->>'territoryId'`, '=', t),
            sql<boolean>`audit_log.details->'moves' @> ${JSON.stringify([{ from: t }])}::jsonb`,
            sql<boolean>`audit_log.details->'moves' @> ${JSON.stringify([{ to: t }])}::jsonb`,
          ]),
        )
      }
      if (input.before) q = q.where('audit_log.id', '<', input.before)
      const rows = await q
        .orderBy('audit_log.id', 'desc')
        .limit(input.limit)
        .execute()
      return rows.map((r) => ({
        id: String(r.id),
        at: r.created_at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        details: (r.details ?? {}) as Record<string, unknown>,
      }))
    }),
})
