import * as Y from 'yjs'
import { KeyedLog } from './keyed-log.js'
import type { TerritoryRecord } from './model.js'

/**
 * The plan document: one Y.Doc per scenario (ARCHITECTURE.md, "The plan document").
 * These accessors are the only code that knows the Yjs shape.
 *
 * Schema 2 keeps the two maps that are rewritten all the time — unit → territory and
 * account → territory — as `KeyedLog`s (see keyed-log.ts: small and fast over a long life),
 * and the territory records and settings as plain `Y.Map`s (a few dozen keys, rarely
 * written). Unit locks are a third `KeyedLog` (a planner locks and unlocks many units at
 * once, over and over); documents made before it existed simply have no locked units. Schema 1 documents (`Y.Map` assignments) are still read, and a writer moves them
 * to schema 2 when it opens them (`openPlanDoc`).
 */
export const PLAN_SCHEMA_VERSION = 2

/** The Yjs names of the plan document's shared types. */
const NAMES = {
  assignments: 'unitAssignments',
  accountOverrides: 'accountOverrides.log',
  lockedUnits: 'unitLocks.log',
  territories: 'territories',
  meta: 'meta',
  legacyAssignments: 'assignments',
  legacyOverrides: 'accountOverrides',
} as const

/** The plan document, opened: live maps over its shared types. Call `destroy` when done. */
export interface PlanDoc {
  readonly doc: Y.Doc
  /** unitId → territoryId */
  readonly assignments: KeyedLog
  /** accountId → territoryId (an account placed apart from its unit) */
  readonly accountOverrides: KeyedLog
  /** unitId → '1' for a unit no edit may move (absent: unlocked) */
  readonly lockedUnits: KeyedLog
  readonly territories: Y.Map<TerritoryRecord>
  readonly meta: Y.Map<unknown>
  destroy(): void
}

export interface OpenPlanDocOptions {
  /**
   * This replica may write: it tidies entries that lost to concurrent writes and moves a
   * schema 1 document to schema 2. Readers must leave both alone (their edits are refused).
   */
  canWrite?: boolean
}

export function openPlanDoc(
  doc: Y.Doc,
  options: OpenPlanDocOptions = {},
): PlanDoc {
  const canWrite = options.canWrite ?? false
  const meta = doc.getMap<unknown>(NAMES.meta)
  if (canWrite && Number(meta.get('schemaVersion') ?? 0) === 1)
    migrateFromSchema1(doc)
  const assignments = new KeyedLog(
    doc.getArray<Uint8Array>(NAMES.assignments),
    { tidy: canWrite },
  )
  const accountOverrides = new KeyedLog(
    doc.getArray<Uint8Array>(NAMES.accountOverrides),
    { tidy: canWrite },
  )
  const lockedUnits = new KeyedLog(
    doc.getArray<Uint8Array>(NAMES.lockedUnits),
    {
      tidy: canWrite,
    },
  )
  return {
    doc,
    assignments,
    accountOverrides,
    lockedUnits,
    territories: doc.getMap<TerritoryRecord>(NAMES.territories),
    meta,
    destroy() {
      assignments.destroy()
      accountOverrides.destroy()
      lockedUnits.destroy()
    },
  }
}

/** The value a locked unit has in `PlanDoc.lockedUnits` (unlocking deletes the key). */
export const UNIT_LOCKED = '1'

/** The document's settings map (balance settings, layer, schema version). */
export function planDocMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(NAMES.meta)
}

export interface PlanState {
  schemaVersion: number
  unitLayerId: string
  territories: TerritoryRecord[]
  /** unitId → territoryId */
  assignments: Record<string, string>
  /** accountId → territoryId */
  accountOverrides: Record<string, string>
  /** Units no edit may move, sorted. */
  lockedUnits: string[]
}

/** What `initPlanDoc` writes: a plan without its schema version; no unit locks unless given. */
export type PlanInit = Omit<PlanState, 'schemaVersion' | 'lockedUnits'> & {
  lockedUnits?: readonly string[]
}

/** Writes a whole plan into an empty document in one transaction. */
export function initPlanDoc(doc: Y.Doc, state: PlanInit): void {
  const plan = openPlanDoc(doc, { canWrite: true })
  doc.transact(() => {
    plan.meta.set('schemaVersion', PLAN_SCHEMA_VERSION)
    plan.meta.set('unitLayerId', state.unitLayerId)
    for (const t of state.territories) plan.territories.set(t.id, t)
    plan.assignments.setMany(Object.entries(state.assignments))
    plan.accountOverrides.setMany(Object.entries(state.accountOverrides))
    plan.lockedUnits.setMany(
      (state.lockedUnits ?? []).map((u) => [u, UNIT_LOCKED] as const),
    )
  })
  plan.destroy()
}

/** A plain-JSON snapshot of an open document (a reader may hold a schema 1 one). */
export function planStateOf(plan: PlanDoc): PlanState {
  if (Number(plan.meta.get('schemaVersion') ?? 0) === 1)
    return readPlanState(plan.doc)
  return {
    schemaVersion: Number(plan.meta.get('schemaVersion') ?? 0),
    unitLayerId: String(plan.meta.get('unitLayerId') ?? ''),
    territories: [...plan.territories.values()],
    assignments: plan.assignments.toObject(),
    accountOverrides: plan.accountOverrides.toObject(),
    lockedUnits: lockedUnitsOf(plan),
  }
}

/** The plan's locked units, sorted (what `PlanState.lockedUnits` holds). */
export function lockedUnitsOf(plan: Pick<PlanDoc, 'lockedUnits'>): string[] {
  const units: string[] = []
  for (const [unitId, value] of plan.lockedUnits.entries())
    if (value === UNIT_LOCKED) units.push(unitId)
  return units.sort()
}

/** A plain-JSON snapshot of the document, for the engine, the API and reports. */
export function readPlanState(doc: Y.Doc): PlanState {
  const meta = planDocMeta(doc)
  const schemaVersion = Number(meta.get('schemaVersion') ?? 0)
  const base = {
    schemaVersion,
    unitLayerId: String(meta.get('unitLayerId') ?? ''),
    territories: [...doc.getMap<TerritoryRecord>(NAMES.territories).values()],
  }
  if (schemaVersion === 1) {
    return {
      ...base,
      assignments: doc.getMap<string>(NAMES.legacyAssignments).toJSON(),
      accountOverrides: doc.getMap<string>(NAMES.legacyOverrides).toJSON(),
      // Unit locks came after schema 2: a writer migrates a schema 1 document before it can
      // lock anything, so one still at schema 1 has none.
      lockedUnits: [],
    }
  }
  const plan = openPlanDoc(doc)
  try {
    return planStateOf(plan)
  } finally {
    plan.destroy()
  }
}

/** Moves a schema 1 document's maps into the logs, in one transaction. */
function migrateFromSchema1(doc: Y.Doc): void {
  const oldAssignments = doc.getMap<string>(NAMES.legacyAssignments)
  const oldOverrides = doc.getMap<string>(NAMES.legacyOverrides)
  const assignments = new KeyedLog(
    doc.getArray<Uint8Array>(NAMES.assignments),
    { tidy: true },
  )
  const overrides = new KeyedLog(
    doc.getArray<Uint8Array>(NAMES.accountOverrides),
    { tidy: true },
  )
  doc.transact(() => {
    assignments.setMany(oldAssignments.entries())
    overrides.setMany(oldOverrides.entries())
    oldAssignments.clear()
    oldOverrides.clear()
    doc.getMap<unknown>(NAMES.meta).set('schemaVersion', PLAN_SCHEMA_VERSION)
  })
  assignments.destroy()
  overrides.destroy()
}

export function planDocName(scenarioId: string): string {
  return `scenario:${scenarioId}`
}

/**
 * The hub document holding one territory's collaborative notes (tiptap's rich text in the
 * Yjs XML fragment `default`), kept apart from the plan so typing in a note never travels
 * with the alignment.
 */
export function notesDocName(scenarioId: string, territoryId: string): string {
  return `notes:${scenarioId}:${territoryId}`
}
