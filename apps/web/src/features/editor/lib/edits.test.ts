import { initPlanDoc, openPlanDoc, type TerritoryRecord } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL_EDIT, assignUnits } from './edits'

const territory = (id: string, locked = false): TerritoryRecord => ({
  id,
  name: id.toUpperCase(),
  color: '#336699',
  kind: 'territory',
  parentId: null,
  repId: null,
  locked,
})

function setup() {
  const doc = new Y.Doc()
  initPlanDoc(doc, {
    unitLayerId: 'lyr',
    territories: [territory('a'), territory('b'), territory('z', true)],
    assignments: { u1: 'a', u2: 'a', u3: 'z', u4: 'b' },
    accountOverrides: {},
  })
  return openPlanDoc(doc, { canWrite: true })
}

describe('assignUnits', () => {
  it('moves units as one undoable edit, leaving out locked territories’ units', () => {
    const plan = setup()
    const undo = new Y.UndoManager(plan.doc.getArray('unitAssignments'), {
      trackedOrigins: new Set([LOCAL_EDIT]),
    })
    expect(assignUnits(plan, ['u1', 'u2', 'u3', 'u4'], 'b')).toEqual({
      ok: true,
      moved: 2,
      skippedLocked: 1,
    })
    expect(plan.assignments.toObject()).toEqual({
      u1: 'b',
      u2: 'b',
      u3: 'z',
      u4: 'b',
    })
    undo.undo()
    expect(plan.assignments.toObject()).toEqual({
      u1: 'a',
      u2: 'a',
      u3: 'z',
      u4: 'b',
    })
  })

  it('refuses a locked or missing territory with a clear message', () => {
    const plan = setup()
    expect(assignUnits(plan, ['u1'], 'z')).toEqual({
      ok: false,
      message: 'Z is locked: unlock it to change it.',
    })
    const gone = assignUnits(plan, ['u1'], 'deleted')
    expect(gone.ok).toBe(false)
    expect(plan.assignments.get('u1')).toBe('a')
  })
})
