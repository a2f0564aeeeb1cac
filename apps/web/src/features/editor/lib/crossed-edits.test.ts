import {
  type PlanDoc,
  openPlanDoc,
  planStateOf,
  repairOrphans,
} from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeRepair } from '../hooks/use-orphan-repair'
import { assignUnits, setAccountOverride } from './edits'
import { deleteTerritory, mergeTerritories } from './territory-restructure'
import { record, testPlan } from './test-plan'

/** Planner A's and planner B's replicas of one plan, each with its own undo (as in the editor). */
function twoPlanners() {
  const { plan: a, undo: undoA } = testPlan({
    territories: [record('west'), record('east'), record('north')],
    assignments: { u1: 'west', u2: 'west', u3: 'east', u4: 'north' },
  })
  const docB = new Y.Doc()
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
  const b = openPlanDoc(docB, { canWrite: true })
  return { a, b, undoA }
}

const sync = (x: PlanDoc, y: PlanDoc) => {
  Y.applyUpdate(y.doc, Y.encodeStateAsUpdate(x.doc, Y.encodeStateVector(y.doc)))
  Y.applyUpdate(x.doc, Y.encodeStateAsUpdate(y.doc, Y.encodeStateVector(x.doc)))
}

describe('a second planner doing the opposite at the same moment', () => {
  it('merge vs paint: the units B painted into the merged territory end where the merge sent it', () => {
    const { a, b } = twoPlanners()
    expect(mergeTerritories(a, 'west', 'east').ok).toBe(true)
    expect(assignUnits(b, ['u4'], 'west').ok).toBe(true) // B has not seen the merge
    sync(a, b)
    const repair = repairOrphans(b)!
    expect(describeRepair(b, repair)).toBe(
      '1 unit placed in a territory merged meanwhile moved on with it to “EAST”.',
    )
    sync(a, b)
    for (const p of [a, b])
      expect(planStateOf(p).assignments).toEqual({
        u1: 'east',
        u2: 'east',
        u3: 'east',
        u4: 'east',
      })
  })

  it('delete vs account override: the account B placed in the deleted territory follows its unit again', () => {
    const { a, b } = twoPlanners()
    expect(deleteTerritory(a, 'north').ok).toBe(true)
    expect(setAccountOverride(b, 'acc_1', 'north').ok).toBe(true)
    sync(a, b)
    const repair = repairOrphans(a)!
    expect(describeRepair(a, repair)).toBe(
      '1 account placed in a territory removed meanwhile is unassigned now.',
    )
    sync(a, b)
    for (const p of [a, b]) {
      expect(planStateOf(p).accountOverrides).toEqual({})
      expect(planStateOf(p).assignments['u4']).toBeUndefined()
    }
  })

  it("A's undo of the merge brings the territory back; the repair stays nobody's undo step", () => {
    const { a, b, undoA } = twoPlanners()
    mergeTerritories(a, 'west', 'east')
    assignUnits(b, ['u4'], 'west')
    sync(a, b)
    repairOrphans(a)
    undoA.undo()
    sync(a, b)
    const state = planStateOf(b)
    expect(state.territories.map((t) => t.id).sort()).toEqual([
      'east',
      'north',
      'west',
    ])
    // The merge's own moves are undone; u4 (moved by the repair) stays where the repair put it.
    expect(state.assignments).toMatchObject({
      u1: 'west',
      u2: 'west',
      u4: 'east',
    })
  })
})
