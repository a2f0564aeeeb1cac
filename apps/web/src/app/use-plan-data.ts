import {
  keepPreviousData,
  skipToken,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useEffect } from 'react'
import { type RouterOutputs, useTRPC } from '../lib/trpc'

export type PlanListItem = RouterOutputs['plans']['list'][number]

/**
 * Everything the plan workspace shows: the plans, the chosen scenario's territories and
 * assignments, unit totals and reps. Requests run in parallel once the plan is known.
 * Without a choice, the first plan opens on its published alignment.
 */
export function usePlanData(choice: {
  planId: string | null
  scenarioId: string | null
}) {
  const trpc = useTRPC()
  const plans = useQuery(trpc.plans.list.queryOptions())
  const plan =
    plans.data?.find((p) => p.id === choice.planId) ?? plans.data?.[0]
  const scenarioId =
    (choice.scenarioId &&
    plan?.scenarios.some((s) => s.id === choice.scenarioId)
      ? choice.scenarioId
      : null) ??
    plan?.publishedScenarioId ??
    plan?.scenarios[0]?.id ??
    null
  const layerId = plan?.unitLayerId ?? null

  // Switching scenarios keeps the current one on screen until the next arrives, so the map
  // stays mounted and only repaints its colours.
  const scenario = useQuery(
    trpc.plans.scenario.queryOptions(scenarioId ? { scenarioId } : skipToken, {
      placeholderData: keepPreviousData,
    }),
  )
  const units = useQuery(
    trpc.geo.units.queryOptions(layerId ? { layerId } : skipToken, {
      staleTime: 5 * 60_000,
    }),
  )
  const reps = useQuery(trpc.reps.list.queryOptions())
  // Scores are extra: the plan shows without them, so they stay out of `queries` below and a
  // failure only takes the balance figures away.
  const scores = useQuery(
    trpc.plans.scores.queryOptions(scenarioId ? { scenarioId } : skipToken),
  )

  // The map asks for the layer's geometry (the biggest download) only once it mounts, after
  // the plan has loaded; start it now, beside the plan, so the two don't queue.
  const queryClient = useQueryClient()
  useEffect(() => {
    if (layerId)
      void queryClient.prefetchQuery(
        trpc.geo.layer.queryOptions({ layerId }, { staleTime: Infinity }),
      )
  }, [layerId, queryClient, trpc])

  const queries = [plans, scenario, units, reps]
  return {
    plans: plans.data ?? [],
    plan,
    scenarioId,
    layerId,
    scenario: scenario.data,
    units: units.data,
    reps: reps.data,
    isLoading: queries.some((q) => q.isLoading),
    /** A different scenario was chosen and is on its way; the previous one is still shown. */
    switching: scenario.isPlaceholderData,
    error: queries.find((q) => q.error)?.error ?? null,
    scores: {
      data: scores.data,
      isLoading: scores.isLoading,
      isError: scores.isError,
      retry: () => void scores.refetch(),
    },
    retry: () => {
      for (const q of queries) if (q.isError) void q.refetch()
    },
  }
}
