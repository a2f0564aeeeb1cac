import {
  type PlanDoc,
  type PlanInit,
  type TerritoryRecord,
  initPlanDoc,
  openPlanDoc,
} from '@tessera/domain'
import * as Y from 'yjs'
import { LOCAL_EDIT } from './edits'

/** A territory record for tests: name is the id upper-cased unless given. */
export function record(
  id: string,
  extra: Partial<TerritoryRecord> = {},
): TerritoryRecord {
  return {
    id,
    name: id.toUpperCase(),
    color: '#336699',
    kind: 'territory',
    parentId: null,
    repId: null,
    locked: false,
    ...extra,
  }
}

/** A writable plan document with these contents, and an undo manager like the editor's. */
export function testPlan(init: Partial<PlanInit> = {}): {
  plan: PlanDoc
  undo: Y.UndoManager
  updates: () => number
} {
  const doc = new Y.Doc()
  initPlanDoc(doc, {
    unitLayerId: 'lyr',
    territories: [],
    assignments: {},
    accountOverrides: {},
    ...init,
  })
  const plan = openPlanDoc(doc, { canWrite: true })
  const undo = new Y.UndoManager(
    [
      plan.assignments.array,
      plan.accountOverrides.array,
      plan.lockedUnits.array,
      plan.territories,
    ],
    { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 },
  )
  let count = 0
  doc.on('update', () => count++)
  return { plan, undo, updates: () => count }
}
