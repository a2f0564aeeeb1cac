import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  ORPHAN_REPAIR,
  findOrphans,
  repairOrphans,
  retireTerritory,
} from './orphans.js'
import {
  type PlanDoc,
  initPlanDoc,
  openPlanDoc,
  planStateOf,
} from './plan-doc.js'
import type { TerritoryRecord } from './model.js'

const territory = (id: string, locked = false): TerritoryRecord => ({
  id,
  name: id,
  color: '#112233',
  kind: 'territory',
  parentId: null,
  repId: null,
  locked,
})

/** Two writers on one plan, T1 (units a, b), T2 (c), T3 (d); synced by hand. */
function twoReplicas(lockedT3 = false) {
  const origin = new Y.Doc()
  initPlanDoc(origin, {
    unitLayerId: 'lyr_x',
    territories: [territory('T1'), territory('T2'), territory('T3', lockedT3)],
    assignments: { a: 'T1', b: 'T1', c: 'T2', d: 'T3' },
    accountOverrides: {},
  })
  const replica = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin))
    return openPlanDoc(doc, { canWrite: true })
  }
  return { a: replica(), b: replica() }
}

const sync = (x: PlanDoc, y: PlanDoc) => {
  Y.applyUpdate(y.doc, Y.encodeStateAsUpdate(x.doc, Y.encodeStateVector(y.doc)))
  Y.applyUpdate(x.doc, Y.encodeStateAsUpdate(y.doc, Y.encodeStateVector(x.doc)))
}

/** What the merge and delete edits do (features/editor), reduced to the plan writes. */
function merge(plan: PlanDoc, from: string, into: string) {
  plan.doc.transact(() => {
    for (const [u, t] of [...plan.assignments.entries()])
      if (t === from) plan.assignments.set(u, into)
    plan.territories.delete(from)
    retireTerritory(plan, from, into)
  })
}
function remove(plan: PlanDoc, id: string) {
  plan.doc.transact(() => {
    for (const [u, t] of [...plan.assignments.entries()])
      if (t === id) plan.assignments.delete(u)
    plan.territories.delete(id)
    retireTerritory(plan, id, null)
  })
}

describe('repairOrphans', () => {
  it('sends units painted into a territory merged meanwhile to where the merge sent its units', () => {
    const { a, b } = twoReplicas()
    merge(a, 'T1', 'T2')
    b.assignments.set('c', 'T1') // B has not seen the merge: paints c into T1
    b.accountOverrides.set('acc', 'T1')
    sync(a, b)
    expect(findOrphans(a).get('T1')).toEqual({
      units: ['c'],
      accounts: ['acc'],
    })
    // Both writers repair at once, and still agree.
    const done = repairOrphans(a)
    expect(done?.moves).toEqual([
      { from: 'T1', into: 'T2', units: 1, accounts: 1 },
    ])
    expect(repairOrphans(b)?.moves[0]?.into).toBe('T2')
    sync(a, b)
    for (const p of [a, b]) {
      expect(planStateOf(p).assignments).toEqual({
        a: 'T2',
        b: 'T2',
        c: 'T2',
        d: 'T3',
      })
      expect(findOrphans(p).size).toBe(0)
      expect(repairOrphans(p)).toBeNull()
    }
  })

  it('unassigns units painted into a territory deleted meanwhile', () => {
    const { a, b } = twoReplicas()
    remove(a, 'T1')
    b.assignments.set('d', 'T1')
    sync(a, b)
    expect(repairOrphans(b)?.moves).toEqual([
      { from: 'T1', into: null, units: 1, accounts: 0 },
    ])
    sync(a, b)
    expect(planStateOf(a).assignments).toEqual({ c: 'T2' })
  })

  it('follows a merge of a merge, and stops at a locked territory', () => {
    const { a, b } = twoReplicas()
    merge(a, 'T1', 'T2')
    merge(a, 'T2', 'T3')
    b.assignments.set('d', 'T1')
    sync(a, b)
    repairOrphans(a)
    expect(planStateOf(a).assignments['d']).toBe('T3')

    const locked = twoReplicas(true)
    merge(locked.a, 'T1', 'T3')
    locked.b.assignments.set('c', 'T1')
    sync(locked.a, locked.b)
    // T3 was locked after the merge; nothing is moved into a locked territory.
    locked.a.territories.set('T3', territory('T3', true))
    repairOrphans(locked.a)
    expect(planStateOf(locked.a).assignments['c']).toBeUndefined()
  })

  it('writes with its own origin, and nothing when there is nothing to repair', () => {
    const { a, b } = twoReplicas()
    const origins: unknown[] = []
    a.doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    expect(repairOrphans(a)).toBeNull()
    expect(origins).toEqual([])
    remove(b, 'T2')
    a.assignments.set('a', 'T2')
    sync(a, b)
    origins.length = 0
    repairOrphans(a)
    expect(origins).toEqual([ORPHAN_REPAIR])
  })
})
