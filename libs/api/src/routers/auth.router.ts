import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { RateLimiterRes } from 'rate-limiter-flexible'
import {
  deleteSession,
  findUserByEmail,
  insertSession,
  recordAudit,
  setUserLocale,
} from '@tessera/db'
import { Locale } from '@tessera/domain'
import { decoyHash, verifyPassword } from '../passwords.js'
import {
  clearSessionCookie,
  newSessionToken,
  setSessionCookie,
} from '../session-cookie.js'
import { toPublicUser } from '../session-user.js'
import { protectedProcedure, publicProcedure, router } from '../trpc.js'
import type { Context } from '../context.js'

const LoginInput = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1024),
})

/** The same words whether the email is unknown or the password wrong: no account probing. */
const WRONG = 'Wrong email or password.'

function clientKey(ctx: Context, email: string): string {
  const ip = ctx.req.socket.remoteAddress ?? 'unknown'
  return `${ip}|${email.toLowerCase()}`
}

async function refuseIfLimited(ctx: Context, key: string): Promise<void> {
  const state = await ctx.loginLimiter.get(key)
  if (state && state.remainingPoints <= 0) tooMany(state)
}

function tooMany(state: RateLimiterRes): never {
  const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60_000))
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  })
}

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const key = clientKey(ctx, input.email)
    await refuseIfLimited(ctx, key)
    const user = await findUserByEmail(ctx.db, input.email)
    const valid = await verifyPassword(
      input.password,
      user?.password_hash ?? (await decoyHash()),
    )
    if (!user || !valid) {
      try {
        await ctx.loginLimiter.consume(key)
      } catch (state) {
        if (state instanceof RateLimiterRes) tooMany(state)
        throw state
      }
      await recordAudit(ctx.db, {
        orgId: user?.org_id ?? null,
        actorId: null,
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
      })
      throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG })
    }
    await ctx.loginLimiter.delete(key)
    const { token, id } = newSessionToken(ctx.sessionSecret)
    const expiresAt = new Date(
      ctx.now().getTime() + ctx.sessionTtlSeconds * 1000,
    )
    await insertSession(ctx.db, { id, userId: user.id, expiresAt })
    setSessionCookie(ctx.req, ctx.res, token, ctx.sessionTtlSeconds)
    await recordAudit(ctx.db, {
      orgId: user.org_id,
      actorId: user.id,
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
    })
    return toPublicUser(user)
  }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.db, ctx.sessionId)
    clearSessionCookie(ctx.req, ctx.res)
    return { ok: true as const }
  }),

  /** The signed-in user, or null: the login page asks this without an error. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  /**
   * The signed-in user's language for the web app, kept with the account so it follows
   * them to another browser. Anyone may set their own; nobody else's.
   */
  setLocale: protectedProcedure
    .input(z.object({ locale: Locale }))
    .mutation(async ({ ctx, input }) => {
      await setUserLocale(ctx.db, ctx.user.id, input.locale)
      return { locale: input.locale }
    }),
})
