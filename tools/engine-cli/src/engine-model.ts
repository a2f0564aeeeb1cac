import type { BalanceSettings } from '@tessera/domain'
import {
  type EngineAccount,
  type EngineModel,
  type PlanState,
  buildModel,
  maxDeviationPct,
  meanPolsbyPopper,
} from '@tessera/engine'
import type { NetworkxGraph } from '@tessera/geo'
import { UserError } from './files.js'

/**
 * The engine balances accounts, so each node becomes one synthetic account at its centroid
 * whose workload is the node's weight, and plans are balanced on workload alone.
 */
export function engineModelOf(graph: NetworkxGraph): EngineModel {
  const accounts: EngineAccount[] = graph.units.map((u) => ({
    id: u.id,
    unitId: u.id,
    location: u.centroid,
    potential: 0,
    sales: 0,
    workloadMinutes: graph.weights.get(u.id) ?? 0,
  }))
  const built = buildModel({
    units: graph.units,
    adjacency: graph.adjacency,
    accounts,
  })
  if (!built.ok) throw new UserError(built.error.message)
  return built.value
}

/** Balance on the node weight alone, within ± `tolerance` of the mean part. */
export function balanceOnWeight(tolerance: number): BalanceSettings {
  return {
    metrics: [{ metric: 'workload', weight: 1 }],
    tolerance,
    target: 'mean',
  }
}

/** How good a plan is, the same for `design` and `score`. */
export interface PlanQuality {
  parts: number
  /** Largest |part weight − mean part weight| / mean, in percent. */
  maxDevPct: number
  contiguous: boolean
  /** Connected pieces summed over parts (= parts when every part is contiguous). */
  pieces: number
  cutEdges: number
  /** Mean Polsby–Popper over parts; only when the graph has area, perimeter and borders. */
  polsbyPopperMean?: number
}

export function planQuality(
  state: PlanState,
  hasGeometry: boolean,
): PlanQuality {
  const plan = state.planScore()
  const parts = state.territoryScores().filter((t) => t.units > 0)
  return {
    parts: parts.length,
    maxDevPct: maxDeviationPct(plan),
    contiguous: plan.noncontiguousTerritories === 0,
    pieces: parts.reduce((s, t) => s + t.pieces, 0),
    cutEdges: plan.cutEdges,
    ...(hasGeometry && {
      polsbyPopperMean: meanPolsbyPopper(parts),
    }),
  }
}

/** Printed figures: percentages and ratios to 4 decimals, milliseconds whole. */
export function rounded<T extends object>(summary: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(summary))
    out[key] =
      typeof value !== 'number'
        ? value
        : key === 'ms'
          ? Math.round(value)
          : Math.round(value * 1e4) / 1e4
  return out as T
}
