import type { BalanceMetric, BalanceSettings } from '@tessera/domain'

export const METRICS: readonly BalanceMetric[] = [
  'accounts',
  'potential',
  'sales',
  'workload',
  'forecast',
]
export const METRIC_INDEX: Readonly<Record<BalanceMetric, number>> = {
  accounts: 0,
  potential: 1,
  sales: 2,
  workload: 3,
  forecast: 4,
}

/** Scores of one territory. Distances in km, areas in km², workload in minutes per week. */
export interface TerritoryScore {
  territoryId: string
  units: number
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  /** Σ of the accounts' next-12-month revenue forecasts. */
  forecast: number
  /** The rep's weekly capacity; null when the territory has no rep or no capacity. */
  capacityMinutes: number | null
  /** workload / capacity; null without a capacity. */
  utilization: number | null
  /** Visit-weighted mean great-circle distance from the rep's home to the accounts; null without a rep or visits. */
  travelKm: number | null
  /** Σ visit minutes × km: the travel load the rep carries. 0 without a rep. */
  travelLoad: number
  areaKm2: number
  perimeterKm: number
  /** 4π·area / perimeter², 1 for a disc; 0 for an empty territory. */
  polsbyPopper: number
  /** Connected pieces over unit adjacency (proximity links count). 0 when empty. */
  pieces: number
  contiguous: boolean
  /** Accounts of this territory in the published alignment that now sit elsewhere, and their potential. */
  disruptedAccounts: number
  disruptedPotential: number
  /** Per balanced metric: the target and the signed deviation (value − target) / target. */
  targets: Partial<Record<BalanceMetric, number>>
  deviations: Partial<Record<BalanceMetric, number>>
  /** Every balanced metric within ± tolerance of its target. */
  inBand: boolean
  locked: boolean
}

export interface PlanScore {
  territories: number
  units: number
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  forecast: number
  /** 0–100, see {@link balancePenalty}. */
  balanceScore: number
  /** Share (0–1) of territories with every balanced metric inside the tolerance band. */
  inBandShare: number
  worstDeviation: {
    territoryId: string
    metric: BalanceMetric
    deviation: number
  } | null
  totalTravelLoad: number
  /** Visit-weighted mean distance over all territories with a rep. */
  meanTravelKm: number | null
  disruptedAccounts: number
  disruptedPotential: number
  /** Disrupted accounts / accounts in the published alignment (0 when there are none). */
  disruptedShare: number
  disruptedPotentialShare: number
  /** Adjacent unit pairs in different territories (districting's compactness measure). */
  cutEdges: number
  /** Territories in more than one piece. */
  noncontiguousTerritories: number
  unassigned: { units: number; accounts: number; potential: number }
}

/**
 * Signed deviation of a value from its target. A zero target is met only by zero; any value
 * above a zero target counts as +100 %, so an empty market never divides by zero.
 */
export function deviation(value: number, target: number): number {
  if (target > 0) return (value - target) / target
  return value > 0 ? 1 : 0
}

/**
 * The part of a deviation beyond the tolerance band, capped at 1:
 * `min(1, max(0, |deviation| − tolerance))`. The composite balance score is
 * `100 × (1 − Σ_m w_m · mean_t penalty(t, m) / Σ_m w_m)`: 100 when every territory is inside the
 * band on every metric, 0 when every territory is ≥ 100 points outside it on every metric.
 */
export function balancePenalty(dev: number, tolerance: number): number {
  return Math.min(1, Math.max(0, Math.abs(dev) - tolerance))
}

export function totalWeight(settings: BalanceSettings): number {
  return settings.metrics.reduce((s, m) => s + m.weight, 0)
}

/** Mean Polsby–Popper over territories (0 for none): the plan's compactness in one figure. */
export function meanPolsbyPopper(
  territories: readonly Pick<TerritoryScore, 'polsbyPopper'>[],
): number {
  return territories.length
    ? territories.reduce((s, t) => s + t.polsbyPopper, 0) / territories.length
    : 0
}
