import {
  type PlanDoc,
  type PlanState,
  lockedUnitsOf,
  planStateOf,
} from '@tessera/domain'
import type { PlanChangeSet } from '../lib/plan-changes'
import { patchRecord, trackRecord } from '../lib/plan-record'

/**
 * The live plan as plain JSON after `changes` (null: read it whole, as after a sync).
 * Assignments and overrides are patched with the keys each change touched, O(changed keys)
 * (`patchRecord`), so an edit costs the same on a 124,000-unit layer as on 3,000 counties;
 * readers ask `changesBetween` which keys to look at again.
 */
export function nextPlanState(
  planDoc: PlanDoc,
  plan: PlanState | null,
  changes: PlanChangeSet | null,
): PlanState {
  const c = changes
  // A schema 1 document (a reader's) or a migration is read whole.
  if (!plan || !c || c.meta.has('schemaVersion') || plan.schemaVersion !== 2) {
    const whole = planStateOf(planDoc)
    // The copy patches need, made now rather than in the first edit's frame.
    if (whole.schemaVersion === 2) {
      trackRecord(whole.assignments, planDoc.assignments.entries())
      trackRecord(whole.accountOverrides, planDoc.accountOverrides.entries())
    }
    return whole
  }
  const patch = (
    base: Record<string, string>,
    keys: Set<string>,
    log: PlanDoc['assignments'],
  ) => patchRecord(base, keys, (k) => log.get(k)) as Record<string, string>
  return {
    ...plan,
    assignments: patch(plan.assignments, c.assignments, planDoc.assignments),
    accountOverrides: patch(
      plan.accountOverrides,
      c.overrides,
      planDoc.accountOverrides,
    ),
    lockedUnits: c.lockedUnits.size ? lockedUnitsOf(planDoc) : plan.lockedUnits,
    territories: c.territories
      ? [...planDoc.territories.values()]
      : plan.territories,
  }
}
