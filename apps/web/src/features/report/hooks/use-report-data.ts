import { skipToken, useQuery } from '@tanstack/react-query'
import { useTRPC } from '../../../lib/trpc'

/**
 * What the report shows, fetched for it: the plan and scenario, the scenario's stored plan
 * (the hub stores every edit before it shares it, so this is the plan as everyone sees it),
 * the server's scores of it, the reps and the layer's geometry. The plan and geometry come
 * from the workspace's cache; the plan and scores are read again on opening, so a report
 * made right after an edit includes it.
 */
export function useReportData(planId: string, scenarioId: string) {
  const trpc = useTRPC()
  const plans = useQuery(trpc.plans.list.queryOptions())
  const plan = plans.data?.find((p) => p.id === planId)
  const scenario = useQuery(
    trpc.plans.scenario.queryOptions(
      { scenarioId },
      { refetchOnMount: 'always' },
    ),
  )
  const scores = useQuery(
    trpc.plans.scores.queryOptions(
      { scenarioId },
      { refetchOnMount: 'always' },
    ),
  )
  const reps = useQuery(trpc.reps.list.queryOptions())
  const layerId = plan?.unitLayerId
  const layer = useQuery(
    trpc.geo.layer.queryOptions(layerId ? { layerId } : skipToken, {
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  )
  // The map is extra: the tables print without it, so its failure is its own.
  const needed = [plans, scenario, scores, reps]
  return {
    plan,
    scenario: scenario.data,
    scores: scores.data,
    reps: reps.data,
    layer: layer.data,
    layerError: layer.error,
    isPending: needed.some((q) => q.isPending),
    error: needed.find((q) => q.error)?.error ?? null,
    retry: () => {
      for (const q of [...needed, layer]) if (q.isError) void q.refetch()
    },
  }
}
