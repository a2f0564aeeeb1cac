import { describe, expect, it } from 'vitest'
import {
  type JobLike,
  isSettled,
  progressPercent,
  statusLine,
} from './job-status'

const job = (over: Partial<JobLike>): JobLike => ({
  status: 'running',
  fraction: 0,
  balanceScore: 0,
  error: null,
  result: null,
  ...over,
})

describe('optimize job status', () => {
  it('turns the fraction into a bar that only fills once done', () => {
    expect(progressPercent(job({ fraction: 0.426 }))).toBe(43)
    expect(progressPercent(job({ fraction: 1 }))).toBe(99)
    expect(progressPercent(job({ fraction: Number.NaN }))).toBe(0)
    expect(progressPercent(job({ status: 'done', fraction: 0.2 }))).toBe(100)
  })

  it('knows when to stop polling', () => {
    expect(isSettled(undefined)).toBe(false)
    expect(isSettled(job({ status: 'queued' }))).toBe(false)
    expect(isSettled(job({ status: 'running' }))).toBe(false)
    for (const s of ['done', 'failed', 'cancelled'] as const)
      expect(isSettled(job({ status: s }))).toBe(true)
  })

  it('says what happened in plain words', () => {
    expect(statusLine(job({ balanceScore: 97.25 }))).toBe(
      'Working… balance score so far 97.3',
    )
    expect(statusLine(job({ status: 'failed', error: 'boom' }))).toBe(
      'It failed: boom',
    )
    expect(
      statusLine(
        job({
          status: 'done',
          result: {
            name: 'Auto-design',
            maxDevPct: 4.21,
            contiguous: true,
            splitAccounts: 1136,
            disruptedAccounts: 0,
            infeasible: null,
          },
        }),
      ),
    ).toBe(
      'Saved as “Auto-design”: worst deviation 4.2 % · every territory in one piece · 1,136 accounts placed individually.',
    )
  })
})
