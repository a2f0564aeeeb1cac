import { TRPCError, initTRPC } from '@trpc/server'
import type { ErrorCode, Role } from '@tessera/domain'
import type { Context } from './context.js'

const t = initTRPC.context<Context>().create({
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    // Never leak stack traces or SQL to the browser.
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
    },
    message:
      error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on the server.'
        : shape.message,
  }),
})

export const router = t.router
export const publicProcedure = t.procedure

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' })
  return next({ ctx: { ...ctx, user: ctx.user } })
})

/** A procedure only the given roles may call; everyone else gets FORBIDDEN. */
export function roleProcedure(...allowed: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the ${allowed.join(' or ')} role.`,
      })
    }
    return next()
  })
}

const trpcCodeOf: Record<ErrorCode, TRPCError['code']> = {
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
}

/** Maps a domain error value to the tRPC error the client sees. */
export function toTRPCError(error: {
  code: ErrorCode
  message: string
}): TRPCError {
  return new TRPCError({ code: trpcCodeOf[error.code], message: error.message })
}
