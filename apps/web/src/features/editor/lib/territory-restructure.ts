import {
  type PlanDoc,
  type TerritoryRecord,
  retireTerritory,
} from '@tessera/domain'
import { i18n } from '../../../i18n'
import {
  type EditOutcome,
  LOCAL_EDIT,
  isUnitLocked,
  lockedMessage,
  refuse,
  territoryGone,
  territoryOf,
} from './edits'
import { checkName } from './territory-names'
import { newTerritoryId, pickColor } from './territory-ops'

/** What a merge or delete did to the plan. */
export interface Moved {
  units: number
  /** Account overrides that pointed at the territory. */
  accounts: number
}

/**
 * Merges `fromId` into `intoId`: every unit and account override of `from` goes to `into`,
 * and `from` is removed, all in one transaction. Refused when either is locked or gone, or
 * when `from` has locked units (moving them is exactly what their lock forbids).
 */
export function mergeTerritories(
  plan: PlanDoc,
  fromId: string,
  intoId: string,
): EditOutcome<Moved> {
  if (fromId === intoId) return refuse(i18n.t('editor.refusal.mergeSelf'))
  const from = territoryOf(plan, fromId)
  const into = territoryOf(plan, intoId)
  if (!from || !into) return refuse(territoryGone())
  for (const t of [from, into]) if (t.locked) return refuse(lockedMessage(t))
  const units = unitsOf(plan, fromId)
  const blocked = lockedUnitsMessage(plan, from, units, 'merge')
  if (blocked) return refuse(blocked)
  const accounts = overridesOf(plan, fromId)
  plan.doc.transact(() => {
    plan.assignments.setMany(units.map((u) => [u, intoId] as const))
    plan.accountOverrides.setMany(accounts.map((a) => [a, intoId] as const))
    plan.territories.delete(fromId)
    // Units painted into it by someone who has not seen this yet follow (repairOrphans).
    retireTerritory(plan, fromId, intoId)
  }, LOCAL_EDIT)
  return { ok: true, units: units.length, accounts: accounts.length }
}

/**
 * Deletes a territory: its units become unassigned and accounts placed in it follow their
 * unit again, in one transaction. Refused when it is locked or has locked units.
 */
export function deleteTerritory(plan: PlanDoc, id: string): EditOutcome<Moved> {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  if (record.locked) return refuse(lockedMessage(record))
  const units = unitsOf(plan, id)
  const blocked = lockedUnitsMessage(plan, record, units, 'delete')
  if (blocked) return refuse(blocked)
  const accounts = overridesOf(plan, id)
  plan.doc.transact(() => {
    for (const u of units) plan.assignments.delete(u)
    for (const a of accounts) plan.accountOverrides.delete(a)
    plan.territories.delete(id)
    retireTerritory(plan, id, null)
  }, LOCAL_EDIT)
  return { ok: true, units: units.length, accounts: accounts.length }
}

/**
 * Splits a territory: those of `unitIds` that belong to it move to a new territory in the
 * same region, with a colour no other territory uses. Locked units stay (and are counted);
 * at least one unit must stay and one must go.
 */
export function splitTerritory(
  plan: PlanDoc,
  id: string,
  unitIds: Iterable<string>,
  newName: string,
): EditOutcome<{ id: string; units: number; skippedLockedUnits: number }> {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  if (record.locked) return refuse(lockedMessage(record))
  const own = new Set(unitsOf(plan, id))
  const moving: string[] = []
  let skippedLockedUnits = 0
  for (const u of new Set(unitIds)) {
    if (!own.has(u)) continue
    if (isUnitLocked(plan, u)) skippedLockedUnits++
    else moving.push(u)
  }
  if (moving.length === 0)
    return refuse(
      i18n.t(
        skippedLockedUnits > 0
          ? 'editor.refusal.splitLocked'
          : 'editor.refusal.splitNotOwn',
        { name: record.name },
      ),
    )
  if (moving.length === own.size)
    return refuse(i18n.t('editor.refusal.splitAll', { name: record.name }))
  const named = checkName(plan.territories.values(), newName, {
    kind: 'territory',
    parentId: record.parentId,
  })
  if (!named.ok) return named
  const created: TerritoryRecord = {
    id: newTerritoryId('territory'),
    name: named.name,
    color: pickColor(plan.territories.values()),
    kind: 'territory',
    parentId: record.parentId,
    repId: null,
    locked: false,
  }
  plan.doc.transact(() => {
    plan.territories.set(created.id, created)
    plan.assignments.setMany(moving.map((u) => [u, created.id] as const))
  }, LOCAL_EDIT)
  return { ok: true, id: created.id, units: moving.length, skippedLockedUnits }
}

/** The units assigned to a territory. */
export function unitsOf(plan: PlanDoc, territoryId: string): string[] {
  const units: string[] = []
  for (const [u, t] of plan.assignments.entries())
    if (t === territoryId) units.push(u)
  return units
}

/** The accounts placed in a territory apart from their unit. */
export function overridesOf(plan: PlanDoc, territoryId: string): string[] {
  const accounts: string[] = []
  for (const [a, t] of plan.accountOverrides.entries())
    if (t === territoryId) accounts.push(a)
  return accounts
}

function lockedUnitsMessage(
  plan: PlanDoc,
  record: TerritoryRecord,
  units: readonly string[],
  action: 'merge' | 'delete',
): string | null {
  const locked = units.filter((u) => isUnitLocked(plan, u)).length
  if (locked === 0) return null
  return i18n.t(
    action === 'merge'
      ? 'editor.refusal.lockedToMerge'
      : 'editor.refusal.lockedToDelete',
    { count: locked, name: record.name },
  )
}
