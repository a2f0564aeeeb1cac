import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useMapDrawn } from '../../../lib/map-drawn'
import { type RouterOutputs, useTRPC } from '../../../lib/trpc'

export type Dashboard = RouterOutputs['analytics']['dashboard']
export type TerritoryFigures = Dashboard['territories'][number]

/** Figures change with imports and quota edits, not from second to second. */
const STALE_MS = 60_000

/**
 * A scenario's dashboard, and the quota edit. The figures come from the stored scenario
 * (the server aggregates 24 months of sales per territory), so they are fetched when the
 * dashboard opens and kept for a minute, not refetched on every edit.
 */
export function useDashboard(planId: string, scenarioId: string) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const dashboard = useQuery({
    ...trpc.analytics.dashboard.queryOptions({ planId, scenarioId }),
    staleTime: STALE_MS,
  })
  const setQuota = useMutation(
    trpc.analytics.setQuota.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.analytics.dashboard.pathKey(),
        }),
    }),
  )
  return { dashboard, setQuota }
}

/**
 * Asks for the dashboard in the background a few seconds after the map has drawn, so the
 * tab opens at once: the server's first answer for an organization adds up two years of
 * sales (one to two seconds on the embedded database), later ones come from its cache.
 * Waiting for the map keeps that work off the first view's path.
 */
export function usePrefetchDashboard(
  planId: string | null,
  scenarioId: string | null,
) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const mapDrawn = useMapDrawn()
  useEffect(() => {
    if (!mapDrawn || !planId || !scenarioId) return
    const timer = setTimeout(() => {
      void queryClient.prefetchQuery({
        ...trpc.analytics.dashboard.queryOptions(
          { planId, scenarioId },
          { trpc: { context: { skipBatch: true } } },
        ),
        staleTime: STALE_MS,
      })
    }, 3_000)
    return () => clearTimeout(timer)
  }, [mapDrawn, planId, scenarioId, queryClient, trpc])
}
