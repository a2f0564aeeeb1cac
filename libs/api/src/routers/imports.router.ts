import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { roleProcedure, router } from '../trpc.js'

/**
 * The organization's imports (the upload itself is `POST /api/import`, streamed; see the
 * server's import endpoint): the recent runs, dry runs included, and one run's report with
 * its first problems, so a rejected nightly load can be read after the page is closed.
 */
export const importsRouter = router({
  history: roleProcedure('admin', 'planner', 'manager')
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .selectFrom('import_runs as r')
        .leftJoin('users as u', 'u.id', 'r.started_by')
        .select([
          'r.id',
          'r.kind',
          'r.mode',
          'r.dry_run as dryRun',
          'r.file_name as fileName',
          'u.display_name as startedBy',
          'r.started_at as startedAt',
          'r.finished_at as finishedAt',
          'r.status',
          'r.rows',
          'r.inserted',
          'r.updated',
          'r.rejected',
        ])
        .where('r.org_id', '=', ctx.user.orgId)
        .orderBy('r.started_at', 'desc')
        .limit(input.limit)
        .execute()
      return rows.map((r) => ({
        ...r,
        startedAt: new Date(r.startedAt).toISOString(),
        finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
      }))
    }),

  report: roleProcedure('admin', 'planner', 'manager')
    .input(z.object({ id: z.string().max(100) }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.db
        .selectFrom('import_runs')
        .select(['report'])
        .where('id', '=', input.id)
        .where('org_id', '=', ctx.user.orgId)
        .executeTakeFirst()
      if (!row)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such import.' })
      return row.report as Record<string, unknown>
    }),
})
