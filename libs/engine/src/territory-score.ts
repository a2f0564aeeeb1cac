import type { BalanceMetric } from '@tessera/domain'
import type { BalanceLedger } from './balance.js'
import type { PublishedGroups } from './published.js'
import {
  METRICS,
  METRIC_INDEX,
  type PlanScore,
  type TerritoryScore,
  deviation,
} from './scores.js'
import type { TerritoryTable } from './territory-table.js'

const K = METRICS.length

/**
 * Territory t's scores, read off the plan's columns. Penalties must be fresh and travel
 * flushed (see `BalanceLedger.refresh`, `TravelLedger.flush`).
 */
export function scoreTerritory(
  tt: TerritoryTable,
  balance: BalanceLedger,
  t: number,
): TerritoryScore {
  const o = t * K
  const capacity = Number.isNaN(tt.capacity[t]!) ? null : tt.capacity[t]!
  const workload = tt.value[o + 3]!
  const hasRep = !Number.isNaN(tt.homeLon[t]!)
  const area = tt.area[t]!
  const perim = tt.perim[t]!
  const targets: Partial<Record<BalanceMetric, number>> = {}
  const deviations: Partial<Record<BalanceMetric, number>> = {}
  for (const { metric } of balance.settings.metrics) {
    const k = METRIC_INDEX[metric]
    const target = balance.targetOf(t, k)
    targets[metric] = target
    deviations[metric] = deviation(tt.value[o + k]!, target)
  }
  return {
    territoryId: tt.ids[t]!,
    units: tt.units[t]!,
    accounts: tt.value[o]!,
    potential: tt.value[o + 1]!,
    sales: tt.value[o + 2]!,
    workloadMinutes: workload,
    forecast: tt.value[o + 4]!,
    capacityMinutes: capacity,
    utilization: capacity !== null && capacity > 0 ? workload / capacity : null,
    travelKm: hasRep && workload > 0 ? tt.travel[t]! / workload : null,
    travelLoad: hasRep ? tt.travel[t]! : 0,
    areaKm2: area,
    perimeterKm: perim,
    polsbyPopper:
      perim > 0 ? Math.min(1, (4 * Math.PI * area) / (perim * perim)) : 0,
    pieces: tt.pieces[t]!,
    contiguous: tt.pieces[t]! <= 1,
    disruptedAccounts: tt.lostCount[t]!,
    disruptedPotential: tt.lostPotential[t]!,
    targets,
    deviations,
    inBand: tt.inBand[t] === 1,
    locked: tt.locked[t] === 1,
  }
}

/** The plan-wide figures that live outside the territory columns. */
export interface PlanCounts {
  units: number
  unassignedUnits: number
  cutEdges: number
}

/**
 * The plan's scores: O(territories × metrics), the worst deviation being found here rather
 * than maintained. Penalties must be fresh and travel flushed, as for {@link scoreTerritory}.
 */
export function scorePlan(
  tt: TerritoryTable,
  balance: BalanceLedger,
  pub: PublishedGroups,
  counts: PlanCounts,
): PlanScore {
  let worst: PlanScore['worstDeviation'] = null
  let travelLoad = 0
  let travelWeight = 0
  let noncontiguous = 0
  for (let t = 0; t < tt.slots; t++) {
    if (!tt.alive[t]) continue
    if (tt.pieces[t]! > 1) noncontiguous++
    if (!Number.isNaN(tt.homeLon[t]!)) {
      travelLoad += tt.travel[t]!
      travelWeight += tt.value[t * K + 3]!
    }
    for (const { metric } of balance.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const d = deviation(tt.value[t * K + k]!, balance.targetOf(t, k))
      if (!worst || Math.abs(d) > Math.abs(worst.deviation))
        worst = { territoryId: tt.ids[t]!, metric, deviation: d }
    }
  }
  const { total, unassigned } = balance
  const alive = tt.aliveCount
  return {
    territories: alive,
    units: counts.units,
    accounts: total[0]! + unassigned[0]!,
    potential: total[1]! + unassigned[1]!,
    sales: total[2]! + unassigned[2]!,
    workloadMinutes: total[3]! + unassigned[3]!,
    forecast: total[4]! + unassigned[4]!,
    balanceScore: balance.score(),
    inBandShare: alive ? balance.inBandCount / alive : 1,
    worstDeviation: worst,
    totalTravelLoad: travelLoad,
    meanTravelKm: travelWeight > 0 ? travelLoad / travelWeight : null,
    disruptedAccounts: pub.disruptedCount,
    disruptedPotential: pub.disruptedPotential,
    disruptedShare: pub.publishedCount
      ? pub.disruptedCount / pub.publishedCount
      : 0,
    disruptedPotentialShare: pub.publishedPotential
      ? pub.disruptedPotential / pub.publishedPotential
      : 0,
    cutEdges: counts.cutEdges,
    noncontiguousTerritories: noncontiguous,
    unassigned: {
      units: counts.unassignedUnits,
      accounts: unassigned[0]!,
      potential: unassigned[1]!,
    },
  }
}
