import type { BalanceMetric } from '@tessera/domain'
import type { PlanState } from '../plan-state.js'

/** Why no whole-unit plan can put every territory in the band, when that is provably so. */
export interface Infeasibility {
  code:
    | 'UNIT_EXCEEDS_TARGET'
    | 'MORE_TERRITORIES_THAN_UNITS'
    | 'DISRUPTION_CAP'
    | 'BAND_NOT_REACHED'
    | 'ALL_LOCKED'
  message: string
  /** The units that alone exceed the band's upper edge, with their share of the target. */
  units: { unitId: string; metric: BalanceMetric; shareOfTarget: number }[]
}

/**
 * Cheap, certain infeasibility checks for balancing on whole units with mean targets: a unit
 * whose own value exceeds the target's upper band edge makes any territory holding it too big,
 * and a plan cannot have more non-empty territories than units. Returns null when neither
 * applies (which does not prove a plan in the band exists: contiguity may still forbid it).
 */
export function balanceInfeasibility(
  state: PlanState,
  metrics: readonly BalanceMetric[],
  tolerance: number,
): Infeasibility | null {
  const m = state.model
  const territories = state.territoryIds().length
  if (territories > m.unitIds.length) {
    return {
      code: 'MORE_TERRITORIES_THAN_UNITS',
      message: `infeasible because ${territories} territories cannot each get one of ${m.unitIds.length} units`,
      units: [],
    }
  }
  const units: Infeasibility['units'] = []
  const plan = state.planScore()
  for (const metric of metrics) {
    const total =
      metric === 'accounts'
        ? plan.accounts
        : metric === 'potential'
          ? plan.potential
          : metric === 'sales'
            ? plan.sales
            : metric === 'forecast'
              ? plan.forecast
              : plan.workloadMinutes
    const target = territories ? total / territories : 0
    if (target <= 0) continue
    for (let u = 0; u < m.unitIds.length; u++) {
      const share = state.unitValue(u, metric) / target
      if (share > 1 + tolerance)
        units.push({ unitId: m.unitIds[u]!, metric, shareOfTarget: share })
    }
  }
  if (units.length === 0) return null
  units.sort((a, b) => b.shareOfTarget - a.shareOfTarget)
  const top = units[0]!
  return {
    code: 'UNIT_EXCEEDS_TARGET',
    message: `infeasible because unit ${top.unitId} alone is ${Math.round(top.shareOfTarget * 100)} % of the ${top.metric} target (band ±${+(tolerance * 100).toFixed(2)} %)${units.length > 1 ? `, and ${units.length - 1} more unit${units.length > 2 ? 's exceed' : ' exceeds'} it` : ''}; split it by account or use finer units`,
    units,
  }
}
