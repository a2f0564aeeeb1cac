/**
 * Reads one series once for every method: which kind of history it is, its seasonal
 * profile, and the seasonally adjusted values the level and trend methods smooth.
 */
import { firstActive, isDormant, levelShiftStart } from './history.js'
import {
  blendProfiles,
  hasSeasonality,
  ownSeasonality,
  positionOf,
} from './seasonality.js'

/**
 * The kinds of history, each with its own candidate methods:
 * - `empty`: no non-zero month;
 * - `dormant`: ends in a run of zeros too long to be its usual gaps ({@link isDormant});
 * - `new`: fewer than 6 months since its first non-zero one;
 * - `intermittent`: ≥ 30 % zero months among its last 24 active ones;
 * - `short`: under two full cycles (24 months) since its first non-zero month;
 * - `long`: two full cycles or more — enough to estimate its own seasonality.
 */
export type SeriesClass =
  'empty' | 'dormant' | 'new' | 'intermittent' | 'short' | 'long'

export const SERIES_CLASSES: readonly SeriesClass[] = [
  'empty',
  'dormant',
  'new',
  'intermittent',
  'short',
  'long',
]

export interface PreparedSeries {
  /** The whole history as given. */
  raw: readonly number[]
  /** From the first non-zero month on: the months before it are before the account existed. */
  active: readonly number[]
  kind: SeriesClass
  period: number
  /** Cycle position of the first active month. */
  phase: number
  /** Seasonal factor per cycle position; all 1 when the series gets no seasonality. */
  profile: readonly number[]
  /** `active` divided by its months' seasonal factors. */
  adjusted: Float64Array
  /** Index in `adjusted` where its latest level shift starts (0 for none). */
  shift: number
  /** Non-zero months in `active`. */
  nonZero: number
}

/**
 * Prepares `values` (month 0 at cycle position `phase`) for forecasting. `pooled` is the
 * panel's profile, if any: series too short for their own seasonality, or too intermittent
 * to estimate it, borrow it; long series mix it with their own (see {@link blendProfiles};
 * `spread` is the panel's variance of seasonal factors around `pooled`).
 */
export function prepareSeries(
  values: readonly number[],
  period: number,
  phase: number,
  pooled: readonly number[] | null,
  spread = 0.01,
): PreparedSeries {
  const start = firstActive(values)
  const active = values.slice(start)
  const activePhase = positionOf(phase, start, period)
  let nonZero = 0
  for (const v of active) if (v !== 0) nonZero++
  const kind = classify(active, period)

  let profile: readonly number[] | null = pooled
  if (kind === 'long') {
    // With a pooled profile as the prior, the series' own factors move it as far as their
    // precision allows, seasonal-looking or not (a flat series flattens it); alone, its own
    // factors are used only when its autocorrelation shows seasonality.
    const own = ownSeasonality(active, period, activePhase)
    if (own && pooled) profile = blendProfiles(own, pooled, spread)
    else if (own && hasSeasonality(active, period)) profile = own.profile
  }
  const factors = profile ?? new Array<number>(period).fill(1)
  const adjusted = new Float64Array(active.length)
  for (let t = 0; t < active.length; t++)
    adjusted[t] =
      (active[t] as number) /
      (factors[positionOf(activePhase, t, period)] as number)
  const shift =
    kind === 'short' || kind === 'long' ? levelShiftStart(adjusted) : 0
  return {
    raw: values,
    active,
    kind,
    period,
    phase: activePhase,
    profile: factors,
    adjusted,
    shift,
    nonZero,
  }
}

function classify(active: readonly number[], period: number): SeriesClass {
  const n = active.length
  if (n === 0) return 'empty'
  if (isDormant(active)) return 'dormant'
  if (n < 6) return 'new'
  const from = Math.max(0, n - 24)
  let zeros = 0
  for (let t = from; t < n; t++) if (active[t] === 0) zeros++
  if (zeros >= 0.3 * (n - from)) return 'intermittent'
  return n < 2 * period ? 'short' : 'long'
}
