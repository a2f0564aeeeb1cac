import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobListener, OptimizeJobView } from '@tessera/api'
import { forwardJobEvents } from './job-events.js'

const view = (over: Partial<OptimizeJobView>): OptimizeJobView => ({
  id: 'job_1',
  kind: 'rebalance',
  scenarioId: 'scn_1',
  status: 'running',
  fraction: 0,
  balanceScore: 0,
  startedAt: '2026-11-27T10:00:00.000Z',
  finishedAt: null,
  result: null,
  error: null,
  ...over,
})

describe('forwardJobEvents', () => {
  let listener: JobListener | undefined
  let sent: { to: string; event: string; fraction: number }[]
  const jobs = {
    onChange: (l: JobListener) => {
      listener = l
      return () => void (listener = undefined)
    },
  }
  const sockets = {
    toUser: (userId: string) =>
      ({
        emit: (event: string, job: OptimizeJobView) =>
          void sent.push({ to: userId, event, fraction: job.fraction }),
      }) as never,
  }
  const change = (over: Partial<OptimizeJobView>) =>
    listener!(view(over), { orgId: 'org_a', userId: 'usr_a' })

  beforeEach(() => {
    vi.useFakeTimers()
    sent = []
  })
  afterEach(() => vi.useRealTimers())

  it('sends the first change at once, then the latest at most every 200 ms, and the settled job at once', () => {
    const stop = forwardJobEvents(jobs, sockets)
    change({ fraction: 0.1 })
    change({ fraction: 0.2 })
    change({ fraction: 0.3 })
    expect(sent).toEqual([
      { to: 'usr_a', event: 'job:progress', fraction: 0.1 },
    ])
    vi.advanceTimersByTime(200)
    expect(sent.at(-1)).toEqual({
      to: 'usr_a',
      event: 'job:progress',
      fraction: 0.3,
    })
    expect(sent).toHaveLength(2)
    change({ fraction: 0.4 })
    // Settling drops the pending progress: nothing arrives after the result.
    change({ status: 'done', fraction: 1 })
    vi.advanceTimersByTime(1_000)
    expect(sent.slice(2)).toEqual([
      { to: 'usr_a', event: 'job:finished', fraction: 1 },
    ])
    stop()
    expect(listener).toBeUndefined()
  })

  it('stops without leaving a timer behind', () => {
    const stop = forwardJobEvents(jobs, sockets)
    change({ fraction: 0.1 })
    change({ fraction: 0.2 })
    stop()
    vi.advanceTimersByTime(1_000)
    expect(sent).toHaveLength(1)
  })
})
