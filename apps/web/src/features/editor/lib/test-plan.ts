import {
  type PlanDoc,
  type PlanInit,
  initPlanDoc,
  openPlanDoc,
} from '@tessera/domain'
import * as Y from 'yjs'
import { LOCAL_EDIT } from './edits'

export { record } from '../../../lib/test-records'

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
