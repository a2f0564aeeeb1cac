import type { OptimizeJobView, OptimizeJobs } from '@tessera/api'
import type { SocketIo } from './socket.js'

const SETTLED = new Set(['done', 'failed', 'cancelled'])

/**
 * Pushes optimization jobs to their starter's sockets: `job:progress` at most once per
 * `intervalMs` per job (the engine reports far more often; the latest snapshot wins and is
 * sent when the interval ends), `job:finished` at once. Returns the stop.
 */
export function forwardJobEvents(
  jobs: Pick<OptimizeJobs, 'onChange'>,
  sockets: Pick<SocketIo, 'toUser'>,
  intervalMs = 200,
): () => void {
  const pending = new Map<
    string,
    {
      sentAt: number
      timer: NodeJS.Timeout | undefined
      latest: OptimizeJobView
    }
  >()
  const unsubscribe = jobs.onChange((job, { userId }) => {
    const entry = pending.get(job.id)
    if (SETTLED.has(job.status)) {
      clearTimeout(entry?.timer)
      pending.delete(job.id)
      sockets.toUser(userId).emit('job:finished', job)
      return
    }
    const at = Date.now()
    if (!entry || at - entry.sentAt >= intervalMs) {
      clearTimeout(entry?.timer)
      pending.set(job.id, { sentAt: at, timer: undefined, latest: job })
      sockets.toUser(userId).emit('job:progress', job)
      return
    }
    entry.latest = job
    entry.timer ??= setTimeout(
      () => {
        entry.timer = undefined
        entry.sentAt = Date.now()
        sockets.toUser(userId).emit('job:progress', entry.latest)
      },
      intervalMs - (at - entry.sentAt),
    )
  })
  return () => {
    unsubscribe()
    for (const entry of pending.values()) clearTimeout(entry.timer)
    pending.clear()
  }
}
