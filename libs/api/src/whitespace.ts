import type { PlanState } from '@tessera/domain'
import type { UnitStatRow } from './scoring.js'

export interface WhiteSpaceRow {
  id: string
  name: string
  /** The territory a unit is in (units only). */
  territory: string | null
  accounts: number
  activeAccounts: number
  /** activeAccounts ÷ accounts; null without accounts. */
  coverage: number | null
  potential: number
  sales: number
  forecast: number
  /** Potential the forecast does not expect to capture. */
  whiteSpace: number
}

/**
 * Growth opportunities: per unit and per territory, the potential the next year's forecast
 * leaves uncaptured (white space) beside last year's sales and coverage (the share of
 * accounts buying), biggest white space first. Territories add up their units; accounts
 * overridden into another territory stay with their unit's figures (the map's view).
 */
export function whiteSpaceRanking(
  stats: readonly UnitStatRow[],
  plan: Pick<PlanState, 'territories' | 'assignments'>,
  unitNames: ReadonlyMap<string, string>,
  limit = 25,
): { territories: WhiteSpaceRow[]; units: WhiteSpaceRow[] } {
  const names = new Map(plan.territories.map((t) => [t.id, t.name]))
  const row = (
    id: string,
    name: string,
    territory: string | null,
  ): WhiteSpaceRow => ({
    id,
    name,
    territory,
    accounts: 0,
    activeAccounts: 0,
    coverage: null,
    potential: 0,
    sales: 0,
    forecast: 0,
    whiteSpace: 0,
  })
  const add = (r: WhiteSpaceRow, s: UnitStatRow) => {
    r.accounts += s.accounts
    r.activeAccounts += s.activeAccounts
    r.potential += s.potential
    r.sales += s.sales
    r.forecast += s.forecast
    r.whiteSpace += Math.max(0, s.potential - s.forecast)
  }
  const territories = new Map<string, WhiteSpaceRow>()
  const units: WhiteSpaceRow[] = []
  for (const s of stats) {
    const territoryId = plan.assignments[s.unitId]
    const territory = territoryId ? (names.get(territoryId) ?? null) : null
    const u = row(s.unitId, unitNames.get(s.unitId) ?? s.unitId, territory)
    add(u, s)
    units.push(u)
    if (territoryId) {
      let t = territories.get(territoryId)
      if (!t)
        territories.set(
          territoryId,
          (t = row(territoryId, territory ?? territoryId, null)),
        )
      add(t, s)
    }
  }
  const finish = (rows: WhiteSpaceRow[]) =>
    rows
      .map((r) => ({
        ...r,
        coverage: r.accounts > 0 ? r.activeAccounts / r.accounts : null,
      }))
      .sort((a, b) => b.whiteSpace - a.whiteSpace || a.id.localeCompare(b.id))
  return {
    territories: finish([...territories.values()]),
    units: finish(units).slice(0, limit),
  }
}
