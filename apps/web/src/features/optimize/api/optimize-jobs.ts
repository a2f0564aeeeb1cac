import {
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import type {
  ClientToServerEvents,
  OptimizeJobSnapshot,
  ServerToClientEvents,
} from '@tessera/domain'
import { useTRPC } from '../../../lib/trpc'
import { isSettled } from '../lib/job-status'

/** Starting, watching and cancelling a design or rebalance job on the server. */
export function useOptimizeJob(jobId: string | null) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [pushed, setPushed] = useState(false)
  const job = useQuery(
    trpc.plans.optimizeJob.queryOptions(jobId ? { jobId } : skipToken, {
      // Poll while it works, rarely while socket.io pushes it; stop once it settles.
      refetchInterval: (q) =>
        isSettled(q.state.data) ? false : pushed ? 3_000 : 400,
      refetchIntervalInBackground: true,
    }),
  )
  const settled = isSettled(job.data)
  // The server pushes the job's progress to its starter over socket.io (same origin: the
  // session cookie rides on the handshake); polling stays as the fallback.
  useEffect(() => {
    if (!jobId || settled) return
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
    })
    const queryKey = trpc.plans.optimizeJob.queryKey({ jobId })
    const take = (pushedJob: OptimizeJobSnapshot) => {
      if (pushedJob.id !== jobId) return
      // A poll in flight is older than the push: it must not overwrite it.
      void queryClient.cancelQueries({ queryKey })
      queryClient.setQueryData(queryKey, pushedJob)
    }
    socket.on('connect', () => setPushed(true))
    socket.on('disconnect', () => setPushed(false))
    socket.on('job:progress', take)
    socket.on('job:finished', take)
    return () => {
      socket.disconnect()
      setPushed(false)
    }
  }, [jobId, settled, queryClient, trpc])
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
