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
  switch (job.status) {
    case 'queued':
      return 'Waiting for another optimization to finish…'
    case 'running':
      return job.balanceScore > 0
        ? `Working… balance score so far ${job.balanceScore.toFixed(1)}`
        : 'Working…'
    case 'cancelled':
      return 'Cancelled. Nothing was saved.'
    case 'failed':
      return `It failed: ${job.error ?? 'unknown error'}`
    case 'done': {
      const r = job.result
      if (!r) return 'Done.'
      const parts = [
        `worst deviation ${r.maxDevPct.toFixed(1)} %`,
        r.contiguous
          ? 'every territory in one piece'
          : 'some territories in pieces',
      ]
      if (r.splitAccounts > 0)
        parts.push(
          `${r.splitAccounts.toLocaleString('en-US')} accounts placed individually`,
        )
      return `Saved as “${r.name}”: ${parts.join(' · ')}.`
    }
  }
}
