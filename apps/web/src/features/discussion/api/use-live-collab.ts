import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { io, type Socket } from 'socket.io-client'
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from '@tessera/domain'
import { useTRPC } from '../../../lib/trpc'

/**
 * Comments, tasks, reviews and notifications live: one socket.io connection per open plan (the
 * session cookie rides on the handshake). The server pushes only "row X changed" to the
 * plan's room, and the lists refetch it through tRPC, where permissions are checked;
 * a notification comes to this user's room, and the bell refetches. On reconnect
 * everything is refetched: pushes missed meanwhile are not replayed. Renders nothing and
 * sets no state, so a push does not re-render the page.
 */
export function useLiveCollab(planId: string | null) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!planId) return
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
    })
    const refetch = (keys: readonly (readonly unknown[])[]) => {
      for (const queryKey of keys)
        void queryClient.invalidateQueries({ queryKey })
    }
    const comments = () =>
      refetch([trpc.comments.threads.pathKey(), trpc.comments.thread.pathKey()])
    const tasks = () =>
      refetch([trpc.tasks.list.pathKey(), trpc.tasks.get.pathKey()])
    const notifications = () =>
      refetch([
        trpc.notifications.list.pathKey(),
        trpc.notifications.unreadCount.pathKey(),
      ])
    socket.on('connect', () => {
      socket.emit('plan:join', { planId }, () => undefined)
      comments()
      tasks()
      notifications()
    })
    socket.on('comment:changed', (c) => {
      if (c.planId === planId) comments()
    })
    socket.on('task:changed', (c) => {
      if (c.planId === planId) tasks()
    })
    // A review moved or a scenario was published: its status, the plan's scenarios (the
    // editor turns read-only or editable by status) and the published alignment.
    const reviews = () =>
      refetch([
        trpc.reviews.pathKey(),
        trpc.plans.list.pathKey(),
        trpc.scenarios.list.pathKey(),
      ])
    socket.on('review:changed', (c) => {
      if (c.planId === planId) reviews()
    })
    socket.on('scenario:changed', (c) => {
      if (c.planId !== planId) return
      reviews()
      refetch([trpc.plans.scenario.pathKey(), trpc.plans.scores.pathKey()])
    })
    // Someone imported accounts, reps or sales: every figure may have moved.
    socket.on('data:imported', () => void queryClient.invalidateQueries())
    socket.on('notification', notifications)
    return () => {
      socket.disconnect()
    }
  }, [planId, queryClient, trpc])
}
