import { z } from 'zod'
import { accountsInBBox, countAccounts } from '@tessera/db'
import { BBox } from '@tessera/domain'
import { protectedProcedure, router } from '../trpc.js'

export const accountsRouter = router({
  /** Accounts in the visible map area, largest potential first, at most `limit`. */
  inBBox: protectedProcedure
    .input(
      z.object({
        bbox: BBox,
        limit: z.number().int().min(1).max(50_000).default(5_000),
      }),
    )
    .query(({ ctx, input }) =>
      accountsInBBox(ctx.db, ctx.user.orgId, input.bbox, input.limit),
    ),

  count: protectedProcedure.query(({ ctx }) =>
    countAccounts(ctx.db, ctx.user.orgId),
  ),
})
