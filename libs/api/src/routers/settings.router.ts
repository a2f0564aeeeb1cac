import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  currencySettings,
  recordAudit,
  removeCurrencyRate,
  setCurrencyRate,
  setOrganizationUnits,
} from '@tessera/db'
import { CurrencyCode, DistanceUnit } from '@tessera/domain'
import { protectedProcedure, roleProcedure, router } from '../trpc.js'

/**
 * The organization's money and distances: everyone reads them (every figure on screen is
 * shown with them); admins set the base currency, the default distance unit and the rates
 * regions in other currencies are converted with. Every change is audited.
 */
export const settingsRouter = router({
  currencies: protectedProcedure.query(async ({ ctx }) => {
    const { rateList, ...settings } = await currencySettings(
      ctx.db,
      ctx.user.orgId,
    )
    return { ...settings, rateList }
  }),

  setUnits: roleProcedure('admin')
    .input(
      z
        .object({
          baseCurrency: CurrencyCode.optional(),
          distanceUnit: DistanceUnit.optional(),
        })
        .refine((v) => v.baseCurrency || v.distanceUnit, {
          message: 'Name a base currency or a distance unit.',
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await currencySettings(ctx.db, ctx.user.orgId)
      if (input.baseCurrency && input.baseCurrency in before.rates)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `${input.baseCurrency} has a rate against ${before.base}: remove it before making it the base currency.`,
        })
      await ctx.db.transaction().execute(async (tx) => {
        await setOrganizationUnits(tx, ctx.user.orgId, input)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'settings.units',
          subjectType: 'organization',
          subjectId: ctx.user.orgId,
          details: {
            from: { base: before.base, distanceUnit: before.distanceUnit },
            to: input,
          },
        })
      })
      return { ok: true as const }
    }),

  setRate: roleProcedure('admin')
    .input(
      z.object({
        currency: CurrencyCode,
        perBase: z
          .number()
          .positive('A rate is more than 0.')
          .max(1e7, 'A rate is at most 10,000,000.'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { base } = await currencySettings(ctx.db, ctx.user.orgId)
      if (input.currency === base)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `${base} is the base currency: its rate is always 1.`,
        })
      await ctx.db.transaction().execute(async (tx) => {
        await setCurrencyRate(tx, {
          orgId: ctx.user.orgId,
          currency: input.currency,
          perBase: input.perBase,
          setBy: ctx.user.id,
          setAt: ctx.now(),
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'settings.rate',
          subjectType: 'organization',
          subjectId: ctx.user.orgId,
          details: { currency: input.currency, perBase: input.perBase, base },
        })
      })
      return { ok: true as const }
    }),

  removeRate: roleProcedure('admin')
    .input(z.object({ currency: CurrencyCode }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.db.transaction().execute(async (tx) => {
        const gone = await removeCurrencyRate(
          tx,
          ctx.user.orgId,
          input.currency,
        )
        if (gone)
          await recordAudit(tx, {
            orgId: ctx.user.orgId,
            actorId: ctx.user.id,
            action: 'settings.rate_removed',
            subjectType: 'organization',
            subjectId: ctx.user.orgId,
            details: { currency: input.currency },
          })
        return gone
      })
      if (!removed)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No rate is set for ${input.currency}.`,
        })
      return { ok: true as const }
    }),
})
