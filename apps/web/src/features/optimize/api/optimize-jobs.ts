import {
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { isSettled } from '../lib/job-status'

/** Starting, watching and cancelling a design or rebalance job on the server. */
export function useOptimizeJob(jobId: string | null) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const job = useQuery(
    trpc.plans.optimizeJob.queryOptions(jobId ? { jobId } : skipToken, {
      // Poll while it works; stop once it settles.
      refetchInterval: (q) => (isSettled(q.state.data) ? false : 400),
      refetchIntervalInBackground: true,
    }),
  )
  const autoDesign = useMutation(trpc.plans.autoDesign.mutationOptions())
  const rebalance = useMutation(trpc.plans.rebalance.mutationOptions())
  const cancel = useMutation(trpc.plans.cancelOptimizeJob.mutationOptions())
  const done = job.data?.status === 'done'
  // A finished job drafted a new scenario: the scenario lists must show it.
  useEffect(() => {
    if (done)
      void queryClient.invalidateQueries({
        queryKey: trpc.plans.list.queryKey(),
      })
  }, [done, queryClient, trpc])
  return { job, autoDesign, rebalance, cancel }
}
