import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  listAdjacency,
  listUnits,
  unitAccountStats,
  unitSalesAndIndustry,
} from '@tessera/db'
import { protectedProcedure, router } from '../trpc.js'

const LayerInput = z.object({ layerId: z.string().min(1).max(100) })

export const geoRouter = router({
  /**
   * A unit layer's geometry as TopoJSON (shared arcs: ~4× smaller than GeoJSON, and the
   * client draws territory borders from it with `topojson.mesh`). Cached per process, sent
   * compressed, and marked cacheable by the HTTP layer.
   */
  layer: protectedProcedure.input(LayerInput).query(async ({ ctx, input }) => {
    const layer = await ctx.geometry.get(input.layerId)
    if (!layer)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No unit layer ${input.layerId}.`,
      })
    return layer
  }),

  /**
   * Units with centroid, area and per-unit account totals (accounts, potential, last-12-month
   * sales, main industry), for tooltips and thematic colours.
   */
  units: protectedProcedure.input(LayerInput).query(async ({ ctx, input }) => {
    const [units, totals, extra] = await Promise.all([
      listUnits(ctx.db, input.layerId),
      unitAccountStats(ctx.db, ctx.user.orgId, input.layerId),
      unitSalesAndIndustry(ctx.db, ctx.user.orgId, input.layerId),
    ])
    if (units.length === 0)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No unit layer ${input.layerId}.`,
      })
    const byUnit = new Map(extra.map((e) => [e.unitId, e]))
    const stats = totals.map((s) => ({
      ...s,
      sales: byUnit.get(s.unitId)?.sales ?? 0,
      topIndustry: byUnit.get(s.unitId)?.topIndustry ?? null,
    }))
    return { units, stats }
  }),

  adjacency: protectedProcedure
    .input(LayerInput)
    .query(({ ctx, input }) => listAdjacency(ctx.db, input.layerId)),
})
