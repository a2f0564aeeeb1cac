import type { PlanDoc } from './plan-doc.js'

/**
 * Edits that cross on the wire: one planner merges or deletes a territory while another,
 * not yet aware of it, paints units into it (or places an account in it). After the merge
 * those units point at a territory that no longer exists. Yjs converges on that state; this
 * module decides, the same way on every replica, where such units belong:
 *
 * - a merge or delete leaves a record in the plan's meta map, `retired:<id>` → the territory
 *   its units went to ('' for none), written in the same transaction as the removal;
 * - `repairOrphans` moves what still points at a removed territory to where that
 *   territory's units went (following merges of merges), or unassigns it when they went
 *   nowhere, when the target is itself gone or locked, or when no record says.
 *
 * Every writer that sees orphans writes the same repair, so replicas that repair at once
 * still agree. The repair runs with its own origin, outside every user's undo history.
 */
const RETIRED = 'retired:'

/** The origin of repair transactions (not LOCAL_EDIT: nobody's undo step). */
export const ORPHAN_REPAIR = Symbol('orphan-repair')

/** Records, inside the caller's transaction, where a removed territory's units went. */
export function retireTerritory(
  plan: PlanDoc,
  id: string,
  into: string | null,
): void {
  plan.meta.set(RETIRED + id, into ?? '')
}

export interface OrphanRepair {
  /** One line per removed territory something still pointed at. */
  moves: {
    from: string
    /** The territory they went to, or null: unassigned. */
    into: string | null
    units: number
    accounts: number
  }[]
}

/** Where a removed territory's units belong now: a live, unlocked territory, or null. */
function destinationOf(plan: PlanDoc, id: string): string | null {
  const seen = new Set<string>()
  let at: string | undefined = id
  while (at !== undefined && !seen.has(at)) {
    seen.add(at)
    const record = plan.territories.get(at)
    if (record) return record.kind === 'territory' && !record.locked ? at : null
    const next: unknown = plan.meta.get(RETIRED + at)
    at = typeof next === 'string' && next !== '' ? next : undefined
  }
  return null
}

/** What points at a territory that is not in the plan: territory id → units and accounts. */
export function findOrphans(
  plan: PlanDoc,
): Map<string, { units: string[]; accounts: string[] }> {
  const out = new Map<string, { units: string[]; accounts: string[] }>()
  const slot = (t: string) => {
    let s = out.get(t)
    if (!s) out.set(t, (s = { units: [], accounts: [] }))
    return s
  }
  for (const [unit, t] of plan.assignments.entries())
    if (!plan.territories.has(t)) slot(t).units.push(unit)
  for (const [account, t] of plan.accountOverrides.entries())
    if (!plan.territories.has(t)) slot(t).accounts.push(account)
  return out
}

/**
 * Moves (or unassigns) everything that points at a removed territory, in one transaction.
 * Returns what it did, or null when nothing pointed at a removed territory.
 */
export function repairOrphans(plan: PlanDoc): OrphanRepair | null {
  const orphans = findOrphans(plan)
  if (orphans.size === 0) return null
  const moves: OrphanRepair['moves'] = []
  plan.doc.transact(() => {
    for (const [from, { units, accounts }] of orphans) {
      const into = destinationOf(plan, from)
      if (into) {
        plan.assignments.setMany(units.map((u) => [u, into] as const))
        // An account placed apart from its unit, in the territory its unit now joins too,
        // simply follows its unit again.
        for (const a of accounts) plan.accountOverrides.set(a, into)
      } else {
        for (const u of units) plan.assignments.delete(u)
        for (const a of accounts) plan.accountOverrides.delete(a)
      }
      moves.push({ from, into, units: units.length, accounts: accounts.length })
    }
  }, ORPHAN_REPAIR)
  return { moves }
}
