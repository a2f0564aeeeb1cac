import type { BalanceSettings, PlanDoc, TerritoryRecord } from '@tessera/domain'
import { LOCAL_EDIT } from './edits'

/** A whole alignment, as an optimizer drafted it. */
export interface Alignment {
  territories: readonly TerritoryRecord[]
  assignments: Readonly<Record<string, string>>
  accountOverrides: Readonly<Record<string, string>>
  settings?: BalanceSettings
}

export interface ApplyResult {
  unitsChanged: number
  overridesChanged: number
  territoriesChanged: number
}

/**
 * Makes the live plan equal to `next` as one edit (one transaction: one undo step, one
 * update for everyone). Writes only what differs, so collaborators see the units that
 * actually move, and an undo restores exactly those.
 */
export function applyAlignment(plan: PlanDoc, next: Alignment): ApplyResult {
  const result: ApplyResult = {
    unitsChanged: 0,
    overridesChanged: 0,
    territoriesChanged: 0,
  }
  plan.doc.transact(() => {
    const keep = new Set(next.territories.map((t) => t.id))
    for (const id of [...plan.territories.keys()])
      if (!keep.has(id)) {
        plan.territories.delete(id)
        result.territoriesChanged++
      }
    for (const t of next.territories)
      if (JSON.stringify(plan.territories.get(t.id)) !== JSON.stringify(t)) {
        plan.territories.set(t.id, t)
        result.territoriesChanged++
      }
    result.unitsChanged = syncLog(plan.assignments, next.assignments)
    result.overridesChanged = syncLog(
      plan.accountOverrides,
      next.accountOverrides,
    )
    if (
      next.settings &&
      JSON.stringify(plan.meta.get('balance')) !== JSON.stringify(next.settings)
    )
      plan.meta.set('balance', next.settings)
  }, LOCAL_EDIT)
  return result
}

/** Sets the keys whose value differs and removes the keys `next` lacks; returns how many. */
function syncLog(
  log: PlanDoc['assignments'],
  next: Readonly<Record<string, string>>,
): number {
  const changes: [string, string][] = []
  for (const [key, value] of Object.entries(next))
    if (log.get(key) !== value) changes.push([key, value])
  let removed = 0
  for (const [key] of [...log.entries()])
    if (!(key in next)) {
      log.delete(key)
      removed++
    }
  log.setMany(changes)
  return changes.length + removed
}
