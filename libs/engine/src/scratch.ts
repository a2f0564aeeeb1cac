import type { BalanceMetric } from '@tessera/domain'
import { haversineKmXY } from '@tessera/geo'
import type { EngineModel } from './model.js'
import type { PlanInput } from './plan-state.js'
import {
  METRICS,
  type PlanScore,
  type TerritoryScore,
  balancePenalty,
  deviation,
  totalWeight,
} from './scores.js'

/**
 * Scores a plan from nothing, in the plainest way: one pass over accounts, one over edges,
 * union–find for pieces. It shares no state with {@link PlanState}; the property tests hold
 * the incremental state equal to this, and reports and approval diffs may use it directly.
 */
export function scoreFromScratch(
  model: EngineModel,
  plan: PlanInput,
): { territories: TerritoryScore[]; plan: PlanScore } {
  const tIndex = new Map<string, number>()
  plan.territories.forEach((t) => {
    if (!tIndex.has(t.id)) tIndex.set(t.id, tIndex.size)
  })
  const T = plan.territories.filter(
    (t, i, all) => all.findIndex((x) => x.id === t.id) === i,
  )
  const n = model.unitIds.length
  const owner = new Int32Array(n).fill(-1)
  for (const [unitId, terId] of Object.entries(plan.assignments)) {
    const u = model.unitIndex.get(unitId)
    const t = tIndex.get(terId)
    if (u !== undefined && t !== undefined) owner[u] = t
  }
  const effective = (a: number): number => {
    const o = plan.overrides[model.accountIds[a]!]
    if (o !== undefined) return tIndex.get(o) ?? -1
    const u = model.accUnit[a]!
    return u < 0 ? -1 : owner[u]!
  }
  const published = (a: number): string | null => {
    const src = plan.published ?? plan
    const o = src.overrides[model.accountIds[a]!]
    if (o !== undefined) return o
    const u = model.accUnit[a]!
    if (u < 0) return null
    if (!plan.published) {
      const t = owner[u]!
      return t < 0 ? null : T[t]!.id
    }
    return plan.published.assignments[model.unitIds[u]!] ?? null
  }

  const rows = T.map((t) => ({
    input: t,
    units: 0,
    v: [0, 0, 0, 0, 0],
    travel: 0,
    area: 0,
    perim: 0,
    lost: 0,
    lostPotential: 0,
  }))
  const unassigned = {
    units: 0,
    accounts: 0,
    potential: 0,
    sales: 0,
    workload: 0,
    forecast: 0,
  }
  let pubCount = 0
  let pubPotential = 0
  let disrupted = 0
  let disruptedPotential = 0
  for (let a = 0; a < model.accountIds.length; a++) {
    const t = effective(a)
    const p = model.accPotential[a]!
    const vals = [
      1,
      p,
      model.accSales[a]!,
      model.accWorkload[a]!,
      model.accForecast[a]!,
    ]
    if (t < 0) {
      unassigned.accounts++
      unassigned.potential += p
      unassigned.sales += vals[2]!
      unassigned.workload += vals[3]!
      unassigned.forecast += vals[4]!
    } else {
      const row = rows[t]!
      vals.forEach((x, k) => (row.v[k]! += x))
      const home = row.input.repHome
      if (home)
        row.travel +=
          vals[3]! *
          haversineKmXY(home[0], home[1], model.accLon[a]!, model.accLat[a]!)
    }
    const pub = published(a)
    if (pub !== null) {
      pubCount++
      pubPotential += p
      const now = t < 0 ? null : T[t]!.id
      if (now !== pub) {
        disrupted++
        disruptedPotential += p
        const pt = tIndex.get(pub)
        if (pt !== undefined) {
          rows[pt]!.lost++
          rows[pt]!.lostPotential += p
        }
      }
    }
  }
  // Geometry, cut edges and pieces (union–find over same-territory edges).
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  let cut = 0
  for (let u = 0; u < n; u++) {
    const t = owner[u]!
    if (t < 0) unassigned.units++
    else {
      rows[t]!.units++
      rows[t]!.area += model.unitArea[u]!
      rows[t]!.perim += model.unitPerimeter[u]!
    }
    for (let k = model.adjStart[u]!; k < model.adjStart[u + 1]!; k++) {
      const v = model.adjNbr[k]!
      if (v < u) continue
      if (owner[v] !== t) cut++
      else if (t >= 0) {
        rows[t]!.perim -= 2 * model.adjBorder[k]!
        parent[find(u)] = find(v)
      }
    }
  }
  const pieces = new Int32Array(T.length)
  for (let u = 0; u < n; u++)
    if (owner[u]! >= 0 && find(u) === u) pieces[owner[u]!]!++

  const totals = [0, 0, 0, 0, 0]
  for (const r of rows) r.v.forEach((x, k) => (totals[k]! += x))
  const settings = plan.settings
  const target = (row: (typeof rows)[number], k: number): number => {
    const explicit = row.input.targets?.[METRICS[k]!]
    if (
      settings.target === 'explicit' &&
      explicit !== undefined &&
      Number.isFinite(explicit) &&
      explicit >= 0
    )
      return explicit
    return T.length ? totals[k]! / T.length : 0
  }
  const penaltyMean = [0, 0, 0, 0, 0]
  let inBandCount = 0
  let worst: PlanScore['worstDeviation'] = null
  let travelLoad = 0
  let travelWeight = 0
  const territories: TerritoryScore[] = rows.map((row, t) => {
    const targets: Partial<Record<BalanceMetric, number>> = {}
    const deviations: Partial<Record<BalanceMetric, number>> = {}
    let inBand = true
    for (const { metric } of settings.metrics) {
      const k = METRICS.indexOf(metric)
      const tg = target(row, k)
      const d = deviation(row.v[k]!, tg)
      targets[metric] = tg
      deviations[metric] = d
      penaltyMean[k]! += balancePenalty(d, settings.tolerance) / T.length
      if (Math.abs(d) > settings.tolerance) inBand = false
      if (!worst || Math.abs(d) > Math.abs(worst.deviation))
        worst = { territoryId: row.input.id, metric, deviation: d }
    }
    if (inBand) inBandCount++
    const home = row.input.repHome
    if (home) {
      travelLoad += row.travel
      travelWeight += row.v[3]!
    }
    const cap = row.input.capacityMinutes
    return {
      territoryId: row.input.id,
      units: row.units,
      accounts: row.v[0]!,
      potential: row.v[1]!,
      sales: row.v[2]!,
      workloadMinutes: row.v[3]!,
      forecast: row.v[4]!,
      capacityMinutes: cap,
      utilization: cap !== null && cap > 0 ? row.v[3]! / cap : null,
      travelKm: home && row.v[3]! > 0 ? row.travel / row.v[3]! : null,
      travelLoad: home ? row.travel : 0,
      areaKm2: row.area,
      perimeterKm: row.perim,
      polsbyPopper:
        row.perim > 0
          ? Math.min(1, (4 * Math.PI * row.area) / (row.perim * row.perim))
          : 0,
      pieces: pieces[t]!,
      contiguous: pieces[t]! <= 1,
      disruptedAccounts: row.lost,
      disruptedPotential: row.lostPotential,
      targets,
      deviations,
      inBand,
      locked: row.input.locked,
    }
  })
  const w = totalWeight(settings)
  let penalty = 0
  for (const { metric, weight } of settings.metrics)
    penalty += weight * penaltyMean[METRICS.indexOf(metric)]!
  return {
    territories,
    plan: {
      territories: T.length,
      units: n,
      accounts: totals[0]! + unassigned.accounts,
      potential: totals[1]! + unassigned.potential,
      sales: totals[2]! + unassigned.sales,
      workloadMinutes: totals[3]! + unassigned.workload,
      forecast: totals[4]! + unassigned.forecast,
      balanceScore: T.length && w ? 100 * (1 - penalty / w) : 100,
      inBandShare: T.length ? inBandCount / T.length : 1,
      worstDeviation: worst,
      totalTravelLoad: travelLoad,
      meanTravelKm: travelWeight > 0 ? travelLoad / travelWeight : null,
      disruptedAccounts: disrupted,
      disruptedPotential,
      disruptedShare: pubCount ? disrupted / pubCount : 0,
      disruptedPotentialShare: pubPotential
        ? disruptedPotential / pubPotential
        : 0,
      cutEdges: cut,
      noncontiguousTerritories: territories.filter((t) => t.pieces > 1).length,
      unassigned: {
        units: unassigned.units,
        accounts: unassigned.accounts,
        potential: unassigned.potential,
      },
    },
  }
}
