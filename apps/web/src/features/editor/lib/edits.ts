import {
  type PlanDoc,
  type TerritoryRecord,
  UNIT_LOCKED,
} from '@tessera/domain'
import { i18n } from '../../../i18n'

/**
 * The origin of this tab's own edits. The undo manager tracks only this origin, so an undo
 * never reverts what a collaborator did (their edits arrive with the provider as origin).
 */
export const LOCAL_EDIT = Symbol('local-edit')

/** An edit the plan refused, with what to tell the user. */
export interface Refusal {
  ok: false
  message: string
}

/** The outcome of an edit: `ok` with what it did, or a refusal. Expected failures are values. */
export type EditOutcome<T extends object = object> =
  ({ ok: true } & T) | Refusal

/** Said when a territory an edit names is not in the document (any more). */
export function territoryGone(): string {
  return i18n.t('editor.refusal.territoryGone')
}

export function refuse(message: string): Refusal {
  return { ok: false, message }
}

export function lockedMessage(record: TerritoryRecord): string {
  return i18n.t('editor.refusal.locked', { name: record.name })
}

/** The territory (kind 'territory') with this id, if the document still has it. */
export function territoryOf(
  plan: PlanDoc,
  id: string,
): TerritoryRecord | undefined {
  const record = plan.territories.get(id)
  return record?.kind === 'territory' ? record : undefined
}

export function isUnitLocked(plan: PlanDoc, unitId: string): boolean {
  return plan.lockedUnits.get(unitId) === UNIT_LOCKED
}

export type EditResult = EditOutcome<{
  moved: number
  /** Units left where they are because their territory is locked. */
  skippedLocked: number
  /** Units left where they are because the unit itself is locked. */
  skippedLockedUnits: number
}>

/**
 * Moves units into a territory as one edit (one transaction: one undo step, one update for
 * everyone). Refuses a territory that does not exist (a collaborator may just have deleted
 * it) or is locked; leaves out units that already belong to it, locked units and units of
 * locked territories, and says how many it left out of each kind.
 */
export function assignUnits(
  plan: PlanDoc,
  unitIds: Iterable<string>,
  territoryId: string,
): EditResult {
  const target = territoryOf(plan, territoryId)
  if (!target) return refuse(territoryGone())
  if (target.locked) return refuse(lockedMessage(target))
  const moves: [string, string][] = []
  let skippedLocked = 0
  let skippedLockedUnits = 0
  for (const unitId of unitIds) {
    const from = plan.assignments.get(unitId)
    if (from === territoryId) continue
    if (isUnitLocked(plan, unitId)) {
      skippedLockedUnits++
      continue
    }
    const owner = from === undefined ? undefined : plan.territories.get(from)
    if (owner?.locked) {
      skippedLocked++
      continue
    }
    moves.push([unitId, territoryId])
  }
  if (moves.length > 0)
    plan.doc.transact(() => plan.assignments.setMany(moves), LOCAL_EDIT)
  return { ok: true, moved: moves.length, skippedLocked, skippedLockedUnits }
}

/**
 * Locks or unlocks units (a locked unit stays in its territory whatever anyone paints or
 * the optimizer proposes), as one edit. Says how many actually changed.
 */
export function setUnitsLocked(
  plan: PlanDoc,
  unitIds: Iterable<string>,
  locked: boolean,
): EditOutcome<{ changed: number }> {
  const changed = [...new Set(unitIds)].filter(
    (u) => isUnitLocked(plan, u) !== locked,
  )
  if (changed.length > 0)
    plan.doc.transact(() => {
      if (locked)
        plan.lockedUnits.setMany(changed.map((u) => [u, UNIT_LOCKED] as const))
      else for (const u of changed) plan.lockedUnits.delete(u)
    }, LOCAL_EDIT)
  return { ok: true, changed: changed.length }
}

/**
 * Places an account in a territory apart from its unit, or (`territoryId` null) lets it
 * follow its unit again. Refuses a missing or locked target, and moving an account out of
 * a locked territory it was placed in.
 */
export function setAccountOverride(
  plan: PlanDoc,
  accountId: string,
  territoryId: string | null,
): EditOutcome {
  const currentId = plan.accountOverrides.get(accountId)
  if (currentId === (territoryId ?? undefined)) return { ok: true }
  const current =
    currentId === undefined ? undefined : plan.territories.get(currentId)
  if (current?.locked) return refuse(lockedMessage(current))
  if (territoryId === null) {
    plan.doc.transact(() => plan.accountOverrides.delete(accountId), LOCAL_EDIT)
    return { ok: true }
  }
  const target = territoryOf(plan, territoryId)
  if (!target) return refuse(territoryGone())
  if (target.locked) return refuse(lockedMessage(target))
  plan.doc.transact(
    () => plan.accountOverrides.set(accountId, territoryId),
    LOCAL_EDIT,
  )
  return { ok: true }
}

/** What an assignment left out, in words; null when it moved everything it was asked to. */
export function skippedMessage(result: {
  skippedLocked: number
  skippedLockedUnits: number
}): string | null {
  const parts: string[] = []
  if (result.skippedLockedUnits > 0)
    parts.push(
      i18n.t('editor.refusal.unitsLocked', {
        count: result.skippedLockedUnits,
      }),
    )
  if (result.skippedLocked > 0)
    parts.push(
      i18n.t('editor.refusal.unitsInLocked', { count: result.skippedLocked }),
    )
  return parts.length > 0
    ? i18n.t('editor.refusal.leftAsTheyAre', { parts: parts.join(', ') })
    : null
}
