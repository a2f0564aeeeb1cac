import type { Rep, TerritoryRecord } from '@tessera/domain'
import type { PlanScore } from './scores.js'
import type { TerritoryInput } from './plan-state.js'

/**
 * The engine's view of a plan document's territories: regions are dropped, and each
 * territory takes its rep's home base and weekly capacity (none without a rep).
 */
export function territoryInputsFrom(
  territories: readonly TerritoryRecord[],
  reps: readonly Rep[],
): TerritoryInput[] {
  const repById = new Map(reps.map((r) => [r.id, r]))
  return territories
    .filter((t) => t.kind === 'territory')
    .map((t) => {
      const rep = t.repId ? repById.get(t.repId) : undefined
      return {
        id: t.id,
        repHome: rep?.home ?? null,
        capacityMinutes: rep?.weeklyCapacityMinutes ?? null,
        locked: t.locked,
        targets: t.targets,
      }
    })
}

/** The plan's largest |deviation| from target over territories and balanced metrics, in percent. */
export function maxDeviationPct(
  plan: Pick<PlanScore, 'worstDeviation'>,
): number {
  return 100 * Math.abs(plan.worstDeviation?.deviation ?? 0)
}
