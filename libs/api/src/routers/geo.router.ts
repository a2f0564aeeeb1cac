import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { findUnitLayer, listAdjacency, listUnits } from '@tessera/db'
import { protectedProcedure, router } from '../trpc.js'

const LayerInput = z.object({ layerId: z.string().min(1).max(100) })

/**
 * Shared base layers (US counties) are everyone's; a layer built from an organization's
 * accounts (hexagons) is its own: another organization is told it does not exist.
 */
function visibleTo(layer: { orgId: string | null }, orgId: string): boolean {
  return layer.orgId === null || layer.orgId === orgId
}

export const geoRouter = router({
  /**
   * A unit layer's geometry as TopoJSON (shared arcs: ~4× smaller than GeoJSON, and the
   * client draws territory borders from it with `topojson.mesh`). Cached per process, sent
   * compressed, and marked cacheable by the HTTP layer.
   */
  layer: protectedProcedure.input(LayerInput).query(async ({ ctx, input }) => {
    const layer = await ctx.geometry.get(input.layerId)
    if (!layer || !visibleTo(layer, ctx.user.orgId))
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
    const layer = await findUnitLayer(ctx.db, input.layerId)
    const [units, stats] =
      layer && visibleTo(layer, ctx.user.orgId)
        ? await Promise.all([
            listUnits(ctx.db, input.layerId),
            ctx.scoring.unitStats(ctx.user.orgId, input.layerId),
          ])
        : [[], []]
    if (units.length === 0)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No unit layer ${input.layerId}.`,
      })
    return { units, stats }
  }),

  adjacency: protectedProcedure
    .input(LayerInput)
    .query(async ({ ctx, input }) => {
      const layer = await findUnitLayer(ctx.db, input.layerId)
      if (!layer || !visibleTo(layer, ctx.user.orgId))
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No unit layer ${input.layerId}.`,
        })
      return listAdjacency(ctx.db, input.layerId)
    }),
})
