import type { BalanceMetric, Rep, TerritoryRecord } from '@tessera/domain'
import type { TerritoryScore } from '@tessera/engine'
import { byName } from '../../../lib/by-name'

/** One territory of the report: who it is, and the engine's numbers when it scored it. */
export interface TerritoryReportRow {
  id: string
  name: string
  color: string
  regionName: string | null
  repName: string | null
  locked: boolean
  score: TerritoryScore | null
}

/** One rep of the report: their territories' numbers added up. */
export interface RepReportRow {
  id: string
  name: string
  homeCity: string
  territories: string[]
  units: number
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  capacityMinutes: number
  /** Workload over the rep's weekly capacity; null without a capacity. */
  utilization: number | null
}

/** Metric names as a sentence reads them (the territory list says the same). */
export const METRIC_NAMES: Readonly<Record<BalanceMetric, string>> = {
  accounts: 'accounts',
  potential: 'potential',
  sales: 'sales',
  workload: 'workload',
  forecast: 'forecast',
}

/** The region a record sits in: the nearest ancestor that is a region (districts between). */
function regionOf(
  record: TerritoryRecord,
  byId: ReadonlyMap<string, TerritoryRecord>,
): TerritoryRecord | null {
  const seen = new Set<string>()
  let parentId = record.parentId
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId)
    const parent = byId.get(parentId)
    if (!parent) return null
    if (parent.kind === 'region') return parent
    parentId = parent.parentId
  }
  return null
}

/**
 * The plan's territories (not its regions and districts) as the report lists them: by
 * region, then by name; territories without a region last. A territory the engine has not
 * scored keeps its row, without numbers.
 */
export function territoryRows(
  records: readonly TerritoryRecord[],
  reps: readonly Rep[],
  scores: readonly TerritoryScore[],
): TerritoryReportRow[] {
  const byId = new Map(records.map((r) => [r.id, r]))
  const repNames = new Map(reps.map((r) => [r.id, r.name]))
  const scored = new Map(scores.map((s) => [s.territoryId, s]))
  const rows = records
    .filter((r) => r.kind === 'territory')
    .map((r) => ({
      id: r.id,
      name: r.name,
      color: r.color,
      regionName: regionOf(r, byId)?.name ?? null,
      repName: r.repId ? (repNames.get(r.repId) ?? null) : null,
      locked: r.locked,
      score: scored.get(r.id) ?? null,
    }))
  return rows.sort((a, b) => {
    if (a.regionName !== b.regionName) {
      if (a.regionName === null) return 1
      if (b.regionName === null) return -1
      return byName({ name: a.regionName }, { name: b.regionName })
    }
    return byName(a, b)
  })
}

/**
 * Every rep, by name, with the sums of the territories they carry; a rep without a
 * territory is listed too (with zeros), as a manager looking for spare capacity wants.
 * Utilisation is the whole workload against the rep's one weekly capacity.
 */
export function repRows(
  records: readonly TerritoryRecord[],
  reps: readonly Rep[],
  rows: readonly TerritoryReportRow[],
): RepReportRow[] {
  const rowById = new Map(rows.map((r) => [r.id, r]))
  return [...reps].sort(byName).map((rep) => {
    const mine = records
      .filter((t) => t.kind === 'territory' && t.repId === rep.id)
      .sort(byName)
    const sum = (pick: (s: TerritoryScore) => number) =>
      mine.reduce((n, t) => {
        const s = rowById.get(t.id)?.score
        return n + (s ? pick(s) : 0)
      }, 0)
    const workloadMinutes = sum((s) => s.workloadMinutes)
    const capacityMinutes = rep.weeklyCapacityMinutes
    return {
      id: rep.id,
      name: rep.name,
      homeCity: rep.homeCity,
      territories: mine.map((t) => t.name),
      units: sum((s) => s.units),
      accounts: sum((s) => s.accounts),
      potential: sum((s) => s.potential),
      sales: sum((s) => s.sales),
      workloadMinutes,
      capacityMinutes,
      utilization:
        capacityMinutes > 0 ? workloadMinutes / capacityMinutes : null,
    }
  })
}

/** Sums over the territory rows, for the table's totals line. */
export function territoryTotals(rows: readonly TerritoryReportRow[]) {
  const total = {
    units: 0,
    accounts: 0,
    potential: 0,
    sales: 0,
    workloadMinutes: 0,
    disruptedAccounts: 0,
  }
  for (const { score: s } of rows) {
    if (!s) continue
    total.units += s.units
    total.accounts += s.accounts
    total.potential += s.potential
    total.sales += s.sales
    total.workloadMinutes += s.workloadMinutes
    total.disruptedAccounts += s.disruptedAccounts
  }
  return total
}

/**
 * How a deviation reads against the ± tolerance band, as the workspace colours it: inside
 * is fine, up to twice the tolerance worth a look, beyond that out of line.
 */
export function bandTone(
  deviation: number,
  tolerance: number,
): 'ok' | 'warn' | 'bad' {
  const a = Math.abs(deviation)
  // Rounding noise at the band's edge should not flip a territory out of it.
  if (a <= tolerance + 1e-9) return 'ok'
  return a <= 2 * tolerance ? 'warn' : 'bad'
}
