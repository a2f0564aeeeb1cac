import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC } from '../../../lib/trpc'
import {
  asTopology,
  buildUnitGeometry,
  type UnitGeometry,
} from '../lib/unit-geometry'

/**
 * A unit layer's geometry, fetched once (it changes only when the layer is rebuilt) and
 * turned into polygons and base-map lines once.
 */
export function useUnitLayer(layerId: string): {
  geometry: UnitGeometry | undefined
  error: unknown
  isLoading: boolean
  refetch: () => void
} {
  const trpc = useTRPC()
  const query = useQuery(
    trpc.geo.layer.queryOptions(
      { layerId },
      { staleTime: Infinity, gcTime: Infinity },
    ),
  )
  const built = useMemo(() => {
    if (!query.data) return { geometry: undefined, error: null }
    try {
      const topology = asTopology(query.data.topology, query.data.unitsObject)
      return {
        geometry: buildUnitGeometry(topology, query.data.unitsObject),
        error: null,
      }
    } catch (error) {
      return { geometry: undefined, error }
    }
  }, [query.data])
  return {
    geometry: built.geometry,
    error: query.error ?? built.error,
    isLoading: query.isLoading,
    refetch: () => void query.refetch(),
  }
}
