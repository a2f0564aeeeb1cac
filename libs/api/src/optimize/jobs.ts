import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { OptimizeJobSnapshot, OptimizeJobStatus } from '@tessera/domain'
import type {
  OptimizeOutcome,
  OptimizeTask,
  WorkerMessage,
} from './protocol.js'

export type JobStatus = OptimizeJobStatus

/**
 * What a caller sees of a job (no engine data: that stays on the server): the domain's
 * snapshot, so `plans.optimizeJob` and the socket.io `job:*` events send one shape.
 */
export type OptimizeJobView = OptimizeJobSnapshot

/** Told of every change to a job's view, with whose job it is. */
export type JobListener = (
  job: OptimizeJobView,
  owner: { orgId: string; userId: string },
) => void

interface Job {
  view: OptimizeJobView
  orgId: string
  userId: string
  task: OptimizeTask | null
  cancel: Int32Array
  worker: Worker | null
  save: (o: OptimizeOutcome) => Promise<{ scenarioId: string; name: string }>
}

/** Thrown by {@link OptimizeJobs.start} when the caller already has too many jobs waiting. */
export class JobLimitError extends Error {
  constructor(readonly limit: number) {
    super(
      `You already have ${limit} optimizations queued or running; wait for one to finish or cancel it.`,
    )
  }
}

export interface WorkerEntry {
  url: URL
}

/**
 * Where the worker's code is: beside the bundle as `optimize-worker.js` (esbuild writes both;
 * in a bundle `import.meta.url` is the bundle's own file), or — running from TypeScript
 * sources (tests, tsx) — a small bootstrap that registers tsx in the worker and then
 * imports `worker-main.ts` (a `--import tsx` flag in the worker's execArgv does not reach
 * its entry module on Node 20).
 */
export function optimizeWorkerEntry(): WorkerEntry {
  const here = import.meta.url
  if (!here.endsWith('.ts'))
    return { url: new URL('./optimize-worker.js', here) }
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const main = new URL('./worker-main.ts', here).href
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(main)});`
  return { url: new URL(`data:text/javascript,${encodeURIComponent(boot)}`) }
}

/**
 * Design and rebalance jobs, each in its own worker thread so the server keeps answering
 * while the engine works. Jobs queue behind a small concurrency limit (the engine takes a
 * core), report progress and can be cancelled; finished jobs are kept for a while for their
 * starters to read, then forgotten. Results are saved by the caller's `save` on the main
 * thread (database writes stay where the connection is).
 */
export class OptimizeJobs {
  private readonly jobs = new Map<string, Job>()
  private readonly listeners = new Set<JobListener>()
  private running = 0
  private readonly sweep: NodeJS.Timeout

  constructor(
    private readonly entry: WorkerEntry = optimizeWorkerEntry(),
    private readonly options: {
      maxConcurrent?: number
      /** Queued or running jobs one user may have at once (default 3). */
      maxPerUser?: number
      keepMs?: number
      timeoutMs?: number
      now?: () => Date
    } = {},
  ) {
    this.sweep = setInterval(() => this.prune(), 60_000)
    this.sweep.unref()
  }

  start(
    meta: { orgId: string; userId: string; scenarioId: string },
    task: OptimizeTask,
    save: Job['save'],
  ): OptimizeJobView {
    // One person cannot fill the queue: the engine has one worker to share.
    const perUser = this.options.maxPerUser ?? 3
    let mine = 0
    for (const j of this.jobs.values())
      if (
        j.userId === meta.userId &&
        (j.view.status === 'queued' || j.view.status === 'running')
      )
        mine++
    if (mine >= perUser) throw new JobLimitError(perUser)
    const id = `job_${randomUUID().slice(0, 12)}`
    const job: Job = {
      view: {
        id,
        kind: task.kind,
        scenarioId: meta.scenarioId,
        status: 'queued',
        fraction: 0,
        balanceScore: 0,
        startedAt: this.now().toISOString(),
        finishedAt: null,
        result: null,
        error: null,
      },
      orgId: meta.orgId,
      userId: meta.userId,
      task,
      cancel: new Int32Array(new SharedArrayBuffer(4)),
      worker: null,
      save,
    }
    this.jobs.set(id, job)
    this.changed(job)
    this.pump()
    return { ...job.view }
  }

  /**
   * Calls `listener` whenever a job's view changes (queued, running, each progress report,
   * settled), so the server can push it instead of being polled. Returns the unsubscribe.
   */
  onChange(listener: JobListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** A job of the caller's organization, or undefined. */
  get(id: string, orgId: string): OptimizeJobView | undefined {
    const job = this.jobs.get(id)
    return job && job.orgId === orgId ? { ...job.view } : undefined
  }

  /** Asks a job to stop: a queued one never starts; a running one stops at its next progress step. */
  cancel(id: string, orgId: string): OptimizeJobView | undefined {
    const job = this.jobs.get(id)
    if (!job || job.orgId !== orgId) return undefined
    if (job.view.status === 'queued') this.finish(job, 'cancelled')
    else if (job.view.status === 'running') Atomics.store(job.cancel, 0, 1)
    return { ...job.view }
  }

  /** Stops every worker (server shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweep)
    await Promise.all([...this.jobs.values()].map((j) => j.worker?.terminate()))
    this.jobs.clear()
  }

  private pump(): void {
    const max = this.options.maxConcurrent ?? 1
    for (const job of this.jobs.values()) {
      if (this.running >= max) return
      if (job.view.status === 'queued') this.launch(job)
    }
  }

  private launch(job: Job): void {
    const task = job.task!
    job.task = null // the model is large: let it go once the worker has its copy
    job.view.status = 'running'
    this.running++
    this.changed(job)
    let settled = false
    let answered = false
    const worker = new Worker(this.entry.url, {
      workerData: { task, cancel: job.cancel.buffer },
    })
    job.worker = worker
    const timeout = setTimeout(() => {
      // Ask nicely first (the best plan so far is still returned), then stop the thread.
      Atomics.store(job.cancel, 0, 1)
      setTimeout(() => void worker.terminate(), 5_000).unref()
    }, this.options.timeoutMs ?? 120_000)
    timeout.unref()
    const settle = (status: JobStatus, error: string | null = null) => {
      if (settled) return
      settled = true
      clearTimeout(timeout)
      job.worker = null
      this.running--
      void worker.terminate()
      this.finish(job, status, error)
      this.pump()
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type !== 'progress') answered = true
      if (m.type === 'progress') {
        job.view.fraction = Math.max(job.view.fraction, m.fraction)
        job.view.balanceScore = m.balanceScore
        this.changed(job)
      } else if (m.type === 'error') settle('failed', m.message)
      else if (m.outcome.cancelled || Atomics.load(job.cancel, 0) === 1)
        settle('cancelled')
      else {
        const {
          assignments: _a,
          overrides: _o,
          repOf: _r,
          ...summary
        } = m.outcome
        job
          .save(m.outcome)
          .then((saved) => {
            job.view.result = { ...summary, ...saved }
            job.view.fraction = 1
            settle('done')
          })
          .catch((error: Error) =>
            settle('failed', `saving the result failed: ${error.message}`),
          )
      }
    })
    worker.on('error', (error) => settle('failed', error.message))
    worker.on('exit', (code) => {
      if (!settled && !answered)
        settle(
          Atomics.load(job.cancel, 0) === 1 ? 'cancelled' : 'failed',
          Atomics.load(job.cancel, 0) === 1
            ? null
            : `the optimization worker stopped (exit code ${code})`,
        )
    })
  }

  private finish(job: Job, status: JobStatus, error: string | null = null) {
    job.view.status = status
    job.view.error = error
    job.view.finishedAt = this.now().toISOString()
    job.task = null
    this.changed(job)
  }

  private changed(job: Job): void {
    for (const listener of this.listeners) {
      try {
        listener({ ...job.view }, { orgId: job.orgId, userId: job.userId })
      } catch {
        // A listener's failure (a closed socket server, say) must not stop the job.
      }
    }
  }

  private prune(): void {
    const keep = this.options.keepMs ?? 10 * 60_000
    const now = this.now().getTime()
    for (const [id, job] of this.jobs) {
      const done = job.view.finishedAt
      if (done && now - Date.parse(done) > keep) this.jobs.delete(id)
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }
}
