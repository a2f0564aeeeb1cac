import type { PlanDoc, TerritoryRecord } from '@tessera/domain'

/**
 * The origin of this tab's own edits. The undo manager tracks only this origin, so an undo
 * never reverts what a collaborator did (their edits arrive with the provider as origin).
 */
export const LOCAL_EDIT = Symbol('local-edit')

export type EditResult =
  | { ok: true; moved: number; skippedLocked: number }
  | { ok: false; message: string }

/**
 * Moves units into a territory as one edit (one transaction: one undo step, one update for
 * everyone). Refuses a territory that does not exist (a collaborator may just have deleted
 * it) or is locked; leaves out units that already belong to it and units of locked
 * territories, and says how many it left out.
 */
export function assignUnits(
  plan: PlanDoc,
  unitIds: Iterable<string>,
  territoryId: string,
): EditResult {
  const target = plan.territories.get(territoryId)
  if (!target || target.kind !== 'territory')
    return {
      ok: false,
      message:
        'That territory no longer exists: someone may have just deleted it.',
    }
  if (target.locked)
    return {
      ok: false,
      message: `${target.name} is locked: unlock it to change it.`,
    }
  const moves: [string, string][] = []
  let skippedLocked = 0
  for (const unitId of unitIds) {
    const from = plan.assignments.get(unitId)
    if (from === territoryId) continue
    const owner: TerritoryRecord | undefined =
      from === undefined ? undefined : plan.territories.get(from)
    if (owner?.locked) {
      skippedLocked++
      continue
    }
    moves.push([unitId, territoryId])
  }
  if (moves.length > 0)
    plan.doc.transact(() => plan.assignments.setMany(moves), LOCAL_EDIT)
  return { ok: true, moved: moves.length, skippedLocked }
}
