import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '@tessera/db'
import {
  accountsInBBox,
  countAccounts,
  findAccountHits,
  searchAccounts,
} from '@tessera/db'
import { BBox } from '@tessera/domain'
import { protectedProcedure, router } from '../trpc.js'

const LayerId = z.string().min(1).max(100)

/**
 * The layer whose units accounts are reported in: the one asked for, else the newest plan's
 * (an account has a unit per layer since plans can be re-based onto other geography).
 */
async function layerFor(
  db: Kysely<Database>,
  orgId: string,
  layerId: string | undefined,
): Promise<string | null> {
  if (layerId) return layerId
  const plan = await db
    .selectFrom('plans')
    .select('unit_layer_id')
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return plan?.unit_layer_id ?? null
}

export const accountsRouter = router({
  /** Accounts in the visible map area, largest potential first, at most `limit`. */
  inBBox: protectedProcedure
    .input(
      z.object({
        bbox: BBox,
        limit: z.number().int().min(1).max(50_000).default(5_000),
        /** Only these behavioural segments, industries or size bands. */
        segments: z.array(z.string().max(20)).max(5).optional(),
        industries: z.array(z.string().max(100)).max(100).optional(),
        sizeBands: z.array(z.string().max(20)).max(4).optional(),
        /** Whose units the accounts carry: the open plan's layer (default: the newest plan's). */
        layerId: LayerId.optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      accountsInBBox(
        ctx.db,
        ctx.user.orgId,
        await layerFor(ctx.db, ctx.user.orgId, input.layerId),
        input.bbox,
        input.limit,
        input,
      ),
    ),

  /** Type-ahead: accounts whose name or CRM id contains `q`, in the caller's organization. */
  search: protectedProcedure
    .input(
      z.object({
        q: z.string().trim().min(1).max(100),
        limit: z.number().int().min(1).max(20).default(10),
        layerId: LayerId.optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      searchAccounts(
        ctx.db,
        ctx.user.orgId,
        (await layerFor(ctx.db, ctx.user.orgId, input.layerId)) ?? '',
        input.q,
        input.limit,
      ),
    ),

  /** Names of accounts the client knows by id (e.g. those placed in a territory). */
  byIds: protectedProcedure
    .input(
      z.object({
        ids: z.array(z.string().max(100)).max(500),
        layerId: LayerId.optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      findAccountHits(
        ctx.db,
        ctx.user.orgId,
        (await layerFor(ctx.db, ctx.user.orgId, input.layerId)) ?? '',
        input.ids,
      ),
    ),

  count: protectedProcedure.query(({ ctx }) =>
    countAccounts(ctx.db, ctx.user.orgId),
  ),

  /** The organization's industries, most accounts first: the map's industry filter. */
  industries: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectFrom('accounts')
      .select(['industry', (e) => e.fn.countAll<string>().as('n')])
      .where('org_id', '=', ctx.user.orgId)
      .groupBy('industry')
      .orderBy('n', 'desc')
      .orderBy('industry')
      .limit(100)
      .execute()
    return rows.map((r) => ({ industry: r.industry, accounts: Number(r.n) }))
  }),
})
