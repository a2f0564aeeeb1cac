import type { PlanState } from '@tessera/domain'

/** Per-unit account totals, as the database aggregates them (one row per unit with accounts). */
export interface UnitTotals {
  unitId: string
  accounts: number
  potential: number
  revenue: number
  workloadMinutes: number
}

export interface TerritoryTotals {
  territoryId: string
  units: number
  accounts: number
  potential: number
  revenue: number
  workloadMinutes: number
}

/** An account with an override: it counts for the override's territory, not its unit's. */
export interface OverriddenAccount {
  accountId: string
  unitId: string | null
  potential: number
  revenue: number
  workloadMinutes: number
}

/**
 * Sums unit totals into the territories that own the units: the whole-plan pass, and the
 * definition `LiveTerritoryTotals` (which follows edits) is tested against.
 * Units assigned to no known territory are reported under `unassigned`. Accounts in
 * `overridden` whose override `plan.accountOverrides` holds are moved from their unit's
 * territory to the override's (a plan re-based onto other units keeps its books that way).
 */
export function territoryTotals(
  plan: Pick<PlanState, 'territories' | 'assignments'> &
    Partial<Pick<PlanState, 'accountOverrides'>>,
  units: readonly UnitTotals[],
  overridden: readonly OverriddenAccount[] = [],
): { byTerritory: Map<string, TerritoryTotals>; unassigned: TerritoryTotals } {
  const byTerritory = new Map<string, TerritoryTotals>()
  const blank = (territoryId: string): TerritoryTotals => ({
    territoryId,
    units: 0,
    accounts: 0,
    potential: 0,
    revenue: 0,
    workloadMinutes: 0,
  })
  for (const t of plan.territories)
    if (t.kind === 'territory') byTerritory.set(t.id, blank(t.id))
  const unassigned = blank('')
  for (const owner of Object.values(plan.assignments)) {
    const row = byTerritory.get(owner)
    if (row) row.units++
    else unassigned.units++
  }
  for (const u of units) {
    const owner = plan.assignments[u.unitId]
    const row = (owner !== undefined && byTerritory.get(owner)) || unassigned
    row.accounts += u.accounts
    row.potential += u.potential
    row.revenue += u.revenue
    row.workloadMinutes += u.workloadMinutes
  }
  const overrides = plan.accountOverrides ?? {}
  for (const a of overridden) {
    const to = overrides[a.accountId]
    const target = to === undefined ? undefined : byTerritory.get(to)
    if (!target) continue
    // An account in no unit is in no unit's totals: it is only added.
    const owner = a.unitId === null ? undefined : plan.assignments[a.unitId]
    const from =
      a.unitId === null
        ? null
        : (owner !== undefined && byTerritory.get(owner)) || unassigned
    if (from === target) continue
    for (const [row, sign] of [
      [from, -1],
      [target, 1],
    ] as const) {
      if (!row) continue
      row.accounts += sign
      row.potential += sign * a.potential
      row.revenue += sign * a.revenue
      row.workloadMinutes += sign * a.workloadMinutes
    }
  }
  return { byTerritory, unassigned }
}
