import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { listAdjacency, listUnits } from '@tessera/db'
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
    const [units, stats] = await Promise.all([
      listUnits(ctx.db, input.layerId),
      ctx.scoring.unitStats(ctx.user.orgId, input.layerId),
    ])
    if (units.length === 0)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No unit layer ${input.layerId}.`,
      })
    return { units, stats }
  }),

  adjacency: protectedProcedure
    .input(LayerInput)
    .query(({ ctx, input }) => listAdjacency(ctx.db, input.layerId)),
})
