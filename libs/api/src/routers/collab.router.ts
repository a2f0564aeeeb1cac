import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { parseDocName } from '@tessera/collab'
import { signDocToken } from '../doc-token.js'
import { protectedProcedure, router } from '../trpc.js'

/** How long a hub token is good for: long enough to connect, short enough not to matter if leaked. */
const TOKEN_SECONDS = 60

export const collabRouter = router({
  /**
   * A short-lived token that opens one hub document as the caller, for clients without the
   * session cookie: connect to `/yjs/<docName>?token=…`. Whether the caller may read or
   * write is still decided by the hub at connect time.
   */
  token: protectedProcedure
    .input(z.object({ docName: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => {
      if (!parseDocName(input.docName))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'No such document name.',
        })
      const expiresAt = ctx.now().getTime() + TOKEN_SECONDS * 1000
      return {
        token: signDocToken(ctx.docTokenSecret, {
          userId: ctx.user.id,
          docName: input.docName,
          expiresAt,
        }),
        expiresAt: new Date(expiresAt).toISOString(),
      }
    }),
})
