import { initPlanDoc, openPlanDoc } from '@tessera/domain'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { type PlanChangeSet, watchPlanChanges } from './plan-changes'
import { record } from './test-records'

describe('watchPlanChanges', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hands over the keys every change touched, once per frame', () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
      frames.push(cb),
    )
    vi.stubGlobal('cancelAnimationFrame', () => undefined)
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr',
      territories: [record('t1')],
      assignments: { u1: 't1' },
      accountOverrides: {},
    })
    const plan = openPlanDoc(doc, { canWrite: true })
    const seen: PlanChangeSet[] = []
    const unwatch = watchPlanChanges(plan, (c) => seen.push(c))
    plan.assignments.set('u2', 't1')
    plan.assignments.delete('u1')
    plan.accountOverrides.set('a1', 't1')
    expect(frames).toHaveLength(1)
    frames.shift()!(0)
    plan.territories.set('t2', record('t2'))
    frames.shift()!(0)
    expect(seen).toEqual([
      {
        assignments: new Set(['u2', 'u1']),
        overrides: new Set(['a1']),
        lockedUnits: new Set(),
        territories: false,
        meta: new Set(),
      },
      {
        assignments: new Set(),
        overrides: new Set(),
        lockedUnits: new Set(),
        territories: true,
        meta: new Set(),
      },
    ])
    unwatch()
    plan.destroy()
  })
})
