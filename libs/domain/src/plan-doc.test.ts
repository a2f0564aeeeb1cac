import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initPlanDoc, readPlanState } from './plan-doc.js'

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
    expect(state.schemaVersion).toBe(1)
    expect(state.assignments).toEqual({ '06001': 'ter_1' })
    expect(state.territories.map((t) => t.name)).toEqual(['West'])
    expect(state.accountOverrides).toEqual({ acc_1: 'ter_1' })
  })
})
