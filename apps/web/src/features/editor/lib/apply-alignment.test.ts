import {
  type TerritoryRecord,
  defaultBalanceSettings,
  initPlanDoc,
  openPlanDoc,
  planStateOf,
} from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyAlignment } from './apply-alignment'
import { LOCAL_EDIT } from './edits'

const record = (
  id: string,
  over: Partial<TerritoryRecord> = {},
): TerritoryRecord => ({
  id,
  name: id.toUpperCase(),
  color: '#123456',
  kind: 'territory',
  parentId: null,
  repId: null,
  locked: false,
  ...over,
})

function setup() {
  const doc = new Y.Doc()
  initPlanDoc(doc, {
    unitLayerId: 'l',
    territories: [record('a'), record('b'), record('r', { kind: 'region' })],
    assignments: { u1: 'a', u2: 'a', u3: 'b', u4: 'b' },
    accountOverrides: { x: 'a' },
  })
  const plan = openPlanDoc(doc, { canWrite: true })
  const undo = new Y.UndoManager(
    [
      plan.assignments.array,
      plan.accountOverrides.array,
      plan.territories,
      plan.meta,
    ],
    { trackedOrigins: new Set([LOCAL_EDIT]) },
  )
  return { doc, plan, undo }
}

describe('applyAlignment', () => {
  it('makes the plan equal to the result in one undoable update, writing only what differs', () => {
    const { doc, plan, undo } = setup()
    const before = planStateOf(plan)
    let updates = 0
    doc.on('update', () => updates++)
    const next = {
      territories: [
        record('a'),
        record('c', { color: '#654321' }),
        record('r', { kind: 'region' as const }),
      ],
      assignments: { u1: 'a', u2: 'c', u3: 'c', u4: 'c', u5: 'a' },
      accountOverrides: {},
      settings: { ...defaultBalanceSettings, tolerance: 0.07 },
    }
    expect(applyAlignment(plan, next)).toEqual({
      unitsChanged: 4,
      overridesChanged: 1,
      territoriesChanged: 2,
    })
    expect(updates).toBe(1)
    const after = planStateOf(plan)
    expect(after.assignments).toEqual(next.assignments)
    expect(after.accountOverrides).toEqual({})
    expect(after.territories.map((t) => t.id).sort()).toEqual(['a', 'c', 'r'])
    expect(plan.meta.get('balance')).toEqual(next.settings)
    // Applying the same again changes nothing.
    expect(applyAlignment(plan, next)).toEqual({
      unitsChanged: 0,
      overridesChanged: 0,
      territoriesChanged: 0,
    })
    undo.undo()
    const undone = planStateOf(plan)
    expect(undone.assignments).toEqual(before.assignments)
    expect(undone.accountOverrides).toEqual(before.accountOverrides)
    expect(undone.territories.map((t) => t.id).sort()).toEqual(['a', 'b', 'r'])
  })
})
