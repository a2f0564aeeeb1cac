import { z } from 'zod'
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from '@tessera/db'
import type { UserNotification } from '@tessera/domain'
import { protectedProcedure, router } from '../trpc.js'
import { toUserNotification } from './access.js'

/** The caller's own notifications: nobody reads or marks anyone else's. */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(
      z
        .object({
          unreadOnly: z.boolean().default(false),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ unreadOnly: false, limit: 50 }),
    )
    .query(async ({ ctx, input }): Promise<UserNotification[]> => {
      const rows = await listNotifications(ctx.db, ctx.user.id, input)
      return rows.map((n) => toUserNotification(n, n))
    }),

  unreadCount: protectedProcedure.query(({ ctx }) =>
    countUnreadNotifications(ctx.db, ctx.user.id),
  ),

  markRead: protectedProcedure
    .input(
      z.object({
        ids: z.array(z.string().min(1).max(100)).max(500).optional(),
        all: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(
        ctx.db,
        ctx.user.id,
        input.all ? 'all' : (input.ids ?? []),
        ctx.now(),
      ),
    })),
})
