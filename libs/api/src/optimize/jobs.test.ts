import { afterAll, describe, expect, it } from 'vitest'
import { buildModel, hexGrid } from '@tessera/engine'
import type { EngineModel } from '@tessera/engine'
import { JobLimitError, OptimizeJobs, type OptimizeJobView } from './jobs.js'
import type { OptimizeOutcome, OptimizeTask } from './protocol.js'

function modelOf(cols: number, rows: number, accounts: number): EngineModel {
  const built = buildModel(hexGrid({ cols, rows, accounts, seed: 3 }))
  if (!built.ok) throw new Error(built.error.message)
  return built.value
}

const settings = {
  metrics: [{ metric: 'workload' as const, weight: 1 }],
  tolerance: 0.05,
  target: 'mean' as const,
}
const design = (model: EngineModel, parts: number): OptimizeTask => ({
  kind: 'design',
  model,
  parts,
  settings,
  seed: 1,
  partIds: Array.from({ length: parts }, (_, i) => `t${i}`),
  splitUnits: true,
})
const meta = { orgId: 'org_a', userId: 'u', scenarioId: 'scn_1' }

/** Polls a job (as the web app does) until it settles, keeping every view seen. */
async function settle(jobs: OptimizeJobs, id: string) {
  const seen: OptimizeJobView[] = []
  for (let i = 0; i < 600; i++) {
    const v = jobs.get(id, 'org_a')!
    seen.push(v)
    if (['done', 'failed', 'cancelled'].includes(v.status)) return seen
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('job did not settle in 30 s')
}

const jobs = new OptimizeJobs(undefined, { maxConcurrent: 1 })
afterAll(() => jobs.close())

describe('OptimizeJobs (real worker threads)', () => {
  it('runs a design in a worker, reports progress while the main thread stays free, and saves the result', async () => {
    const saved: OptimizeOutcome[] = []
    const view = jobs.start(
      meta,
      design(modelOf(30, 24, 6_000), 8),
      async (o) => {
        saved.push(o)
        return { scenarioId: 'scn_new', name: 'Auto' }
      },
    )
    expect(view.status).toBe('running')
    // The main thread keeps ticking while the engine works.
    let ticks = 0
    const timer = setInterval(() => ticks++, 10)
    const seen = await settle(jobs, view.id)
    clearInterval(timer)
    const last = seen.at(-1)!
    expect(last.status).toBe('done')
    expect(last.result).toMatchObject({
      scenarioId: 'scn_new',
      contiguous: true,
    })
    expect(last.result!.maxDevPct).toBeLessThanOrEqual(5)
    expect(seen.some((v) => v.fraction > 0 && v.fraction < 1)).toBe(true)
    expect(ticks).toBeGreaterThan(5)
    expect(Object.keys(saved[0]!.assignments)).toHaveLength(30 * 24)
    // Another organization cannot see it.
    expect(jobs.get(view.id, 'org_b')).toBeUndefined()
    expect(jobs.cancel(view.id, 'org_b')).toBeUndefined()
  })

  it('tells listeners of every change, with whose job it is, until they unsubscribe', async () => {
    const heard: { status: string; fraction: number; userId: string }[] = []
    const stop = jobs.onChange((job, owner) => {
      heard.push({ status: job.status, fraction: job.fraction, ...owner })
      throw new Error('a broken listener does not stop the job')
    })
    const view = jobs.start(
      meta,
      design(modelOf(20, 16, 2_000), 6),
      async () => ({
        scenarioId: 'scn_heard',
        name: 'Heard',
      }),
    )
    const seen = await settle(jobs, view.id)
    stop()
    expect(seen.at(-1)!.status).toBe('done')
    expect(heard[0]).toMatchObject({ status: 'queued', userId: 'u' })
    expect(heard[1]!.status).toBe('running')
    expect(heard.some((h) => h.status === 'running' && h.fraction > 0)).toBe(
      true,
    )
    expect(heard.at(-1)).toMatchObject({ status: 'done', fraction: 1 })
    const count = heard.length
    const unheard = jobs.start(
      meta,
      design(modelOf(4, 4, 10), 2),
      async () => ({ scenarioId: 'x', name: 'x' }),
    )
    await settle(jobs, unheard.id)
    expect(heard).toHaveLength(count)
  })

  it('cancels a running job at its next step and a queued one before it starts, saving neither', async () => {
    let saves = 0
    const save = async () => {
      saves++
      return { scenarioId: 'x', name: 'x' }
    }
    const big = modelOf(60, 50, 20_000)
    const a = jobs.start(meta, design(big, 30), save)
    const b = jobs.start(meta, design(big, 30), save)
    expect(b.status).toBe('queued')
    // A third is fine, a fourth of the same person's is refused; someone else may queue.
    const c = jobs.start(meta, design(big, 30), save)
    expect(() => jobs.start(meta, design(big, 30), save)).toThrow(JobLimitError)
    const other = jobs.start({ ...meta, userId: 'v' }, design(big, 30), save)
    jobs.cancel(c.id, 'org_a')
    jobs.cancel(other.id, 'org_a')
    expect(jobs.cancel(b.id, 'org_a')!.status).toBe('cancelled')
    // Wait for the first progress report, then cancel.
    for (let i = 0; i < 200 && jobs.get(a.id, 'org_a')!.fraction === 0; i++)
      await new Promise((r) => setTimeout(r, 25))
    jobs.cancel(a.id, 'org_a')
    const seen = await settle(jobs, a.id)
    expect(seen.at(-1)!.status).toBe('cancelled')
    expect(saves).toBe(0)
  })

  it('reports a failing task as failed with the engine error, and a failing save too', async () => {
    const broken = jobs.start(
      meta,
      { ...design(modelOf(4, 4, 10), 2), model: {} as EngineModel },
      async () => ({ scenarioId: 'x', name: 'x' }),
    )
    const seen = await settle(jobs, broken.id)
    expect(seen.at(-1)).toMatchObject({ status: 'failed' })
    expect(seen.at(-1)!.error).toBeTruthy()
    const unsaved = jobs.start(
      meta,
      design(modelOf(6, 6, 100), 2),
      async () => {
        throw new Error('disk full')
      },
    )
    const seen2 = await settle(jobs, unsaved.id)
    expect(seen2.at(-1)).toMatchObject({
      status: 'failed',
      error: 'saving the result failed: disk full',
    })
  })
})
