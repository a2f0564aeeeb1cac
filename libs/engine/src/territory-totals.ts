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

/**
 * Sums unit totals into the territories that own the units. A first, whole-plan pass: the
 * incremental engine (moves touching two territories) builds on the same definitions.
 * Units assigned to no known territory are reported under `unassigned`.
 */
export function territoryTotals(
  plan: Pick<PlanState, 'territories' | 'assignments'>,
  units: readonly UnitTotals[],
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
  return { byTerritory, unassigned }
}
