import { i18n } from '../../../i18n'
import { formatFixed } from '../../../lib/format'

/** A job as the server reports it (the shape of `plans.optimizeJob`). */
export interface JobLike {
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'
  fraction: number
  balanceScore: number
  error: string | null
  result: {
    name: string
    maxDevPct: number
    contiguous: boolean
    splitAccounts: number
    disruptedAccounts: number
    infeasible: { code: string; message: string } | null
  } | null
}

export function isSettled(job: Pick<JobLike, 'status'> | undefined): boolean {
  return (
    job !== undefined &&
    (job.status === 'done' ||
      job.status === 'failed' ||
      job.status === 'cancelled')
  )
}

/** Percent (0–100, whole) for the progress bar; full once done. */
export function progressPercent(
  job: Pick<JobLike, 'status' | 'fraction'>,
): number {
  if (job.status === 'done') return 100
  const f = Number.isFinite(job.fraction) ? job.fraction : 0
  return Math.max(0, Math.min(99, Math.round(f * 100)))
}

/** One line under the progress bar: where the job is and, once known, the balance so far. */
export function statusLine(job: JobLike): string {
  const t = i18n.t
  switch (job.status) {
    case 'queued':
      return t('optimize.status.queued')
    case 'running':
      return job.balanceScore > 0
        ? t('optimize.status.workingScore', {
            score: formatFixed(job.balanceScore),
          })
        : t('optimize.status.working')
    case 'cancelled':
      return t('optimize.status.cancelled')
    case 'failed':
      // The server's own words for what went wrong.
      return t('optimize.status.failed', {
        error: job.error ?? t('optimize.status.unknownError'),
      })
    case 'done': {
      const r = job.result
      if (!r) return t('optimize.status.done')
      const parts: string[] = [
        t('optimize.status.worst', { percent: formatFixed(r.maxDevPct) }),
        r.contiguous
          ? t('optimize.status.onePiece')
          : t('optimize.status.inPieces'),
      ]
      if (r.splitAccounts > 0)
        parts.push(t('optimize.status.split', { count: r.splitAccounts }))
      return t('optimize.status.savedAs', {
        name: r.name,
        parts: parts.join(' · '),
      })
    }
  }
}
