import type { LonLat } from '@tessera/domain'
import { type Result, err, ok } from '@tessera/domain'
import { haversineKmXY } from '@tessera/geo'
import type { PlanState } from '../plan-state.js'
import { solveAssignment } from './hungarian.js'

export interface RepCandidate {
  id: string
  home: LonLat
  capacityMinutes: number
  industries: readonly string[]
}

/** What a territory asks of its rep: where the visits are, how many, and in which industries. */
export interface TerritoryNeed {
  id: string
  /** Visit-weighted centre of the territory's accounts; null for a territory without visits. */
  centre: LonLat | null
  workloadMinutes: number
  potential: number
  /** Potential per industry. */
  industryPotential: Readonly<Record<string, number>>
  /** A rep the planner fixed for this territory. */
  pinnedRepId?: string | null | undefined
}

/**
 * Weights of the three costs, in points. At weight 1: one point per 100 km between the rep's
 * home and the territory's visit-weighted centre; 10 points when all of the territory's
 * potential is in industries the rep lacks (pro rata); 10 points per 100 % of the rep's
 * capacity the territory's workload exceeds it by.
 */
export interface AssignWeights {
  travel: number
  skill: number
  overCapacity: number
}

export const defaultAssignWeights: AssignWeights = {
  travel: 1,
  skill: 1,
  overCapacity: 1,
}

export interface RepPair {
  territoryId: string
  repId: string
  cost: number
  distanceKm: number
  /** Share (0–1) of the territory's potential in industries the rep lacks. */
  missingIndustryShare: number
  overCapacityMinutes: number
  pinned: boolean
}

/** Cost of rep r serving territory t (see {@link AssignWeights}). */
export function repCost(
  t: TerritoryNeed,
  r: RepCandidate,
  w: AssignWeights = defaultAssignWeights,
): Omit<RepPair, 'pinned'> {
  const distanceKm = t.centre
    ? haversineKmXY(r.home[0], r.home[1], t.centre[0], t.centre[1])
    : 0
  let lacking = 0
  for (const [industry, p] of Object.entries(t.industryPotential))
    if (!r.industries.includes(industry)) lacking += p
  const missingIndustryShare = t.potential > 0 ? lacking / t.potential : 0
  const overCapacityMinutes = Math.max(0, t.workloadMinutes - r.capacityMinutes)
  const overShare =
    r.capacityMinutes > 0
      ? overCapacityMinutes / r.capacityMinutes
      : overCapacityMinutes > 0
        ? 1
        : 0
  const cost =
    w.travel * (distanceKm / 100) +
    w.skill * 10 * missingIndustryShare +
    w.overCapacity * 10 * overShare
  return {
    territoryId: t.id,
    repId: r.id,
    cost,
    distanceKm,
    missingIndustryShare,
    overCapacityMinutes,
  }
}

/**
 * The optimal rep for every territory (or territory for every rep, when reps are fewer):
 * minimum total cost by the Hungarian method, pinned pairs kept as they are. Errors name
 * the conflict: an unknown pinned rep, one rep pinned twice.
 */
export function assignReps(
  needs: readonly TerritoryNeed[],
  reps: readonly RepCandidate[],
  weights: AssignWeights = defaultAssignWeights,
): Result<{
  pairs: RepPair[]
  totalCost: number
  unassignedTerritories: string[]
}> {
  const repIndex = new Map(reps.map((r, i) => [r.id, i]))
  const pinnedReps = new Set<string>()
  const pairs: RepPair[] = []
  for (const t of needs) {
    if (!t.pinnedRepId) continue
    const r = repIndex.get(t.pinnedRepId)
    if (r === undefined)
      return err(
        'BAD_INPUT',
        `territory ${t.id} is pinned to unknown rep ${t.pinnedRepId}`,
      )
    if (pinnedReps.has(t.pinnedRepId))
      return err(
        'CONFLICT',
        `rep ${t.pinnedRepId} is pinned to more than one territory`,
      )
    pinnedReps.add(t.pinnedRepId)
    pairs.push({ ...repCost(t, reps[r]!, weights), pinned: true })
  }
  const freeT = needs.filter((t) => !t.pinnedRepId)
  const freeR = reps.filter((r) => !pinnedReps.has(r.id))
  const unassignedTerritories: string[] = []
  if (freeT.length > 0 && freeR.length > 0) {
    // Rows must not outnumber columns: with fewer reps than territories, reps pick territories.
    const repsAreRows = freeR.length < freeT.length
    const n = repsAreRows ? freeR.length : freeT.length
    const m = repsAreRows ? freeT.length : freeR.length
    const cost = new Float64Array(n * m)
    const detail: Omit<RepPair, 'pinned'>[] = new Array(n * m)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const t = freeT[repsAreRows ? j : i]!
        const r = freeR[repsAreRows ? i : j]!
        const c = repCost(t, r, weights)
        cost[i * m + j] = c.cost
        detail[i * m + j] = c
      }
    }
    const solved = solveAssignment(cost, n, m)
    if (!solved) return err('BAD_INPUT', 'no finite assignment exists')
    const taken = new Set<string>()
    solved.rowToCol.forEach((j, i) => {
      const d = detail[i * m + j]!
      taken.add(d.territoryId)
      pairs.push({ ...d, pinned: false })
    })
    for (const t of freeT)
      if (!taken.has(t.id)) unassignedTerritories.push(t.id)
  } else unassignedTerritories.push(...freeT.map((t) => t.id))
  const order = new Map(needs.map((t, i) => [t.id, i]))
  pairs.sort((a, b) => order.get(a.territoryId)! - order.get(b.territoryId)!)
  return ok({
    pairs,
    totalCost: pairs.reduce((s, p) => s + p.cost, 0),
    unassignedTerritories,
  })
}

/** Each territory's need from the current plan: visit-weighted centre, workload, potential by industry. */
export function territoryNeeds(state: PlanState): TerritoryNeed[] {
  const m = state.model
  const ids = state.territoryIds()
  const index = new Map(ids.map((id, i) => [state.territoryIndexOf(id)!, i]))
  const w = new Float64Array(ids.length)
  const x = new Float64Array(ids.length)
  const y = new Float64Array(ids.length)
  const z = new Float64Array(ids.length)
  const potential = new Float64Array(ids.length)
  const byIndustry = ids.map(() => new Float64Array(m.industries.length))
  for (let a = 0; a < m.accountIds.length; a++) {
    const o = state.accOverride[a]!
    const u = m.accUnit[a]!
    const t = o >= 0 ? o : u >= 0 ? state.unitTer[u]! : -1
    const i = t >= 0 ? index.get(t) : undefined
    if (i === undefined) continue
    // Average on the unit sphere, so territories across the antimeridian get a sensible centre.
    const weight = m.accWorkload[a]!
    const cosLat = m.accCosLat[a]!
    w[i]! += weight
    x[i]! += weight * cosLat * Math.cos(m.accLonRad[a]!)
    y[i]! += weight * cosLat * Math.sin(m.accLonRad[a]!)
    z[i]! += weight * Math.sin(m.accLatRad[a]!)
    potential[i]! += m.accPotential[a]!
    const k = m.accIndustry[a]!
    if (k >= 0) byIndustry[i]![k]! += m.accPotential[a]!
  }
  return ids.map((id, i) => {
    const industryPotential: Record<string, number> = {}
    byIndustry[i]!.forEach((p, k) => {
      if (p > 0) industryPotential[m.industries[k]!] = p
    })
    const centre: LonLat | null =
      w[i]! > 0
        ? [
            (Math.atan2(y[i]!, x[i]!) * 180) / Math.PI,
            (Math.atan2(z[i]!, Math.hypot(x[i]!, y[i]!)) * 180) / Math.PI,
          ]
        : null
    return {
      id,
      centre,
      workloadMinutes: w[i]!,
      potential: potential[i]!,
      industryPotential,
    }
  })
}
