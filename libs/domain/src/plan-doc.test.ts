import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  UNIT_LOCKED,
  initPlanDoc,
  openPlanDoc,
  planStateOf,
  readPlanState,
} from './plan-doc.js'

describe('plan document', () => {
  it('round-trips a plan through a Yjs update', () => {
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_x',
      territories: [
        {
          id: 'ter_1',
          name: 'West',
          color: '#112233',
          kind: 'territory',
          parentId: null,
          repId: null,
          locked: false,
        },
      ],
      assignments: { '06001': 'ter_1' },
      accountOverrides: { acc_1: 'ter_1' },
    })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const state = readPlanState(copy)
    expect(state.schemaVersion).toBe(2)
    expect(state.assignments).toEqual({ '06001': 'ter_1' })
    expect(state.territories.map((t) => t.name)).toEqual(['West'])
    expect(state.accountOverrides).toEqual({ acc_1: 'ter_1' })
    expect(state.lockedUnits).toEqual([])
  })

  it('keeps unit locks: written at init, locked and unlocked live, sorted in the state', () => {
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_x',
      territories: [],
      assignments: {},
      accountOverrides: {},
      lockedUnits: ['u9', 'u2'],
    })
    const plan = openPlanDoc(doc, { canWrite: true })
    expect(planStateOf(plan).lockedUnits).toEqual(['u2', 'u9'])
    plan.lockedUnits.set('u5', UNIT_LOCKED)
    plan.lockedUnits.delete('u9')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(readPlanState(copy).lockedUnits).toEqual(['u2', 'u5'])
    plan.destroy()
  })

  it('reads a schema 2 document written before unit locks existed', () => {
    const old = new Y.Doc()
    old.transact(() => {
      old.getMap('meta').set('schemaVersion', 2)
      old.getMap('meta').set('unitLayerId', 'lyr_x')
    })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(old))
    expect(readPlanState(doc).lockedUnits).toEqual([])
    const plan = openPlanDoc(doc, { canWrite: true })
    expect(plan.lockedUnits.size).toBe(0)
    plan.destroy()
  })

  it('reads a schema 1 document, and a writer moves it to schema 2 keeping every value', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      doc.getMap('meta').set('schemaVersion', 1)
      doc.getMap('meta').set('unitLayerId', 'lyr_x')
      doc.getMap('assignments').set('u1', 'ter_1')
      doc.getMap('assignments').set('u2', 'ter_2')
      doc.getMap('accountOverrides').set('acc_1', 'ter_2')
    })
    const v1 = readPlanState(doc)
    expect(v1.schemaVersion).toBe(1)
    expect(v1.lockedUnits).toEqual([])
    expect(v1.assignments).toEqual({ u1: 'ter_1', u2: 'ter_2' })
    // A reader leaves it as it is.
    openPlanDoc(doc).destroy()
    expect(readPlanState(doc).schemaVersion).toBe(1)
    const plan = openPlanDoc(doc, { canWrite: true })
    expect(plan.assignments.toObject()).toEqual({ u1: 'ter_1', u2: 'ter_2' })
    plan.assignments.set('u1', 'ter_2')
    plan.destroy()
    const v2 = readPlanState(doc)
    expect(v2.schemaVersion).toBe(2)
    expect(v2.assignments).toEqual({ u1: 'ter_2', u2: 'ter_2' })
    expect(v2.accountOverrides).toEqual({ acc_1: 'ter_2' })
    expect(doc.getMap('assignments').size).toBe(0)
  })
})
