import * as Y from 'yjs'
import type { TerritoryRecord } from './model.js'

/**
 * The plan document: one Y.Doc per scenario (ARCHITECTURE.md, "The plan document").
 * These accessors are the only code that knows the Yjs shape, so the representation
 * of `assignments` can change (with a `schemaVersion` bump and a migration) without
 * touching callers.
 */
export const PLAN_SCHEMA_VERSION = 1

export interface PlanDocMaps {
  assignments: Y.Map<string>
  accountOverrides: Y.Map<string>
  territories: Y.Map<TerritoryRecord>
  meta: Y.Map<unknown>
}

export function planDocMaps(doc: Y.Doc): PlanDocMaps {
  return {
    assignments: doc.getMap<string>('assignments'),
    accountOverrides: doc.getMap<string>('accountOverrides'),
    territories: doc.getMap<TerritoryRecord>('territories'),
    meta: doc.getMap<unknown>('meta'),
  }
}

export interface PlanState {
  schemaVersion: number
  unitLayerId: string
  territories: TerritoryRecord[]
  /** unitId → territoryId */
  assignments: Record<string, string>
  /** accountId → territoryId */
  accountOverrides: Record<string, string>
}

/** Writes a whole plan into an empty document in one transaction. */
export function initPlanDoc(
  doc: Y.Doc,
  state: Omit<PlanState, 'schemaVersion'>,
): void {
  const maps = planDocMaps(doc)
  doc.transact(() => {
    maps.meta.set('schemaVersion', PLAN_SCHEMA_VERSION)
    maps.meta.set('unitLayerId', state.unitLayerId)
    for (const t of state.territories) maps.territories.set(t.id, t)
    for (const [unit, ter] of Object.entries(state.assignments))
      maps.assignments.set(unit, ter)
    for (const [acc, ter] of Object.entries(state.accountOverrides)) {
      maps.accountOverrides.set(acc, ter)
    }
  })
}

/** A plain-JSON snapshot of the document, for the engine, the API and reports. */
export function readPlanState(doc: Y.Doc): PlanState {
  const maps = planDocMaps(doc)
  return {
    schemaVersion: Number(maps.meta.get('schemaVersion') ?? 0),
    unitLayerId: String(maps.meta.get('unitLayerId') ?? ''),
    territories: [...maps.territories.values()],
    assignments: Object.fromEntries(maps.assignments.entries()),
    accountOverrides: Object.fromEntries(maps.accountOverrides.entries()),
  }
}

export function planDocName(scenarioId: string): string {
  return `scenario:${scenarioId}`
}
