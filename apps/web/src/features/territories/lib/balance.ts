import type { BalanceMetric, BalanceSettings } from '@tessera/domain'
import type { PlanScore, TerritoryScore } from '@tessera/engine'
import { byName } from '../../../lib/by-name'
import { i18n } from '../../../i18n'

/** What `plans.scores` answers. */
export interface PlanScores {
  settings: BalanceSettings
  plan: PlanScore
  territories: TerritoryScore[]
  warnings: number
}

/** The scores as the list receives them: they may still be coming, or may have failed. */
export interface ScoresState {
  data: PlanScores | undefined
  isLoading: boolean
  isError: boolean
  retry: () => void
}

/** How a number reads against its limit: fine, worth a look, or out of line. */
export type Tone = 'ok' | 'warn' | 'bad'

/** A balance metric as a sentence names it (`potential`), in the active language. */
export function metricLabel(metric: BalanceMetric): string {
  return i18n.t(`territories.metric.${metric}`)
}

/** The metric the list shows a bar for: the first balanced one, potential when none is set. */
export function primaryMetric(
  settings: Pick<BalanceSettings, 'metrics'> | null | undefined,
): BalanceMetric {
  return settings?.metrics[0]?.metric ?? 'potential'
}

/**
 * Inside the ± tolerance band is fine; up to twice the tolerance is amber; beyond that, red.
 * A zero tolerance leaves no amber zone: only an exact hit is fine.
 */
export function deviationTone(deviation: number, tolerance: number): Tone {
  const a = Math.abs(deviation)
  // Rounding noise at the band's edge should not flip a territory out of it.
  if (a <= tolerance + 1e-9) return 'ok'
  if (a <= 2 * tolerance) return 'warn'
  return 'bad'
}

/** The plan's 0–100 balance score: 80 and up reads well, under 50 badly. */
export function scoreTone(score: number): Tone {
  if (score >= 80) return 'ok'
  if (score >= 50) return 'warn'
  return 'bad'
}

/** Workload above the rep's capacity is amber; no capacity known, nothing to say. */
export function utilizationTone(utilization: number | null): Tone | null {
  if (utilization === null || !Number.isFinite(utilization)) return null
  return utilization > 1 + 1e-9 ? 'warn' : 'ok'
}

/**
 * Half the width of a deviation bar, as a deviation. Every row shares it so bars compare:
 * ±50 % for the usual ±10 % band, wider when the band itself is wide.
 */
export function barExtent(tolerance: number): number {
  return Math.max(0.5, tolerance * 3)
}

/** A centred deviation bar in percent of its width (0 left edge, 50 the target, 100 right edge). */
export interface DeviationBarGeometry {
  bandLeft: number
  bandWidth: number
  /** The filled stretch from the target to the deviation. */
  fillLeft: number
  fillWidth: number
  /** Where the deviation sits, clamped to the bar. */
  marker: number
  /** The deviation runs past this end of the bar. */
  clipped: 'left' | 'right' | null
  tone: Tone
}

const clamp = (v: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, v))
const round = (v: number) => Math.round(v * 100) / 100

export function deviationBar(
  deviation: number,
  tolerance: number,
  extent = barExtent(tolerance),
): DeviationBarGeometry {
  const dev = Number.isFinite(deviation) ? deviation : 0
  const half = extent > 0 ? extent : 1
  const at = (v: number) => round(50 + (clamp(v, -half, half) / half) * 50)
  const bandLeft = at(-tolerance)
  const marker = at(dev)
  return {
    bandLeft,
    bandWidth: round(at(tolerance) - bandLeft),
    fillLeft: Math.min(50, marker),
    fillWidth: round(Math.abs(marker - 50)),
    marker,
    clipped: dev > half ? 'right' : dev < -half ? 'left' : null,
    tone: deviationTone(dev, tolerance),
  }
}

export type SortKey = 'name' | 'deviation' | 'potential' | 'utilization'

/** The list's orders, in menu order (labels: `territories.sortOption.<key>`). */
export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'deviation',
  'potential',
  'utilization',
]

/** Sorts that need the engine's scores; without them the list falls back to names. */
export function sortNeedsScores(key: SortKey): boolean {
  return key === 'deviation' || key === 'utilization'
}

type ScoreForSort = Pick<TerritoryScore, 'deviations' | 'utilization'>

/**
 * Territories in list order. Name ascending; the others put what needs attention first: the
 * largest absolute deviation of `metric`, the most potential, the fullest calendar. Territories
 * without a score (or without a capacity) go last, names break ties.
 */
export function sortTerritories<
  T extends { id: string; name: string; potential: number },
>(
  territories: readonly T[],
  key: SortKey,
  scores: ReadonlyMap<string, ScoreForSort> | null,
  metric: BalanceMetric,
): T[] {
  const value = (t: T): number | null => {
    switch (key) {
      case 'potential':
        return t.potential
      case 'deviation': {
        const d = scores?.get(t.id)?.deviations[metric]
        return d === undefined || !Number.isFinite(d) ? null : Math.abs(d)
      }
      case 'utilization': {
        const u = scores?.get(t.id)?.utilization
        return u === undefined || u === null || !Number.isFinite(u) ? null : u
      }
      default:
        return null
    }
  }
  if (key === 'name') return [...territories].sort(byName)
  const keyed = territories.map((t) => ({ t, v: value(t) }))
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v !== b.v) return a.v === null ? 1 : -1
      return byName(a.t, b.t)
    }
    return b.v - a.v || byName(a.t, b.t)
  })
  return keyed.map((k) => k.t)
}
