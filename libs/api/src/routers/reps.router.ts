import { listReps } from '@tessera/db'
import { protectedProcedure, router } from '../trpc.js'

export const repsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listReps(ctx.db, ctx.user.orgId)),
})
