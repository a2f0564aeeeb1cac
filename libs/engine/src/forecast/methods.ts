/**
 * The candidate forecasting methods and which ones compete for each kind of history. Most
 * work on the seasonally adjusted values from the latest level shift on, and their flat or
 * damped-trend forecasts are re-seasonalised; the two naive ones read the raw history.
 */
import { recentMean, sbaRate } from './intermittent.js'
import type { PreparedSeries, SeriesClass } from './prepare.js'
import { positionOf } from './seasonality.js'
import {
  fitDampedTrend,
  fitSes,
  runSmoothing,
  smoothingForecast,
  thetaForecast,
} from './smoothing.js'

/**
 * `zero`; `naive` (last value); `seasonalNaive` (value a cycle earlier); `mean` (mean of the
 * last ≤ 12 adjusted months since the latest shift); `ses` (α fitted), `ses0.1`, `ses0.3`
 * (α fixed, chosen per panel instead of per series); `damped` (damped additive trend);
 * `theta` (SES with drift); `comb` (mean of `mean`, `ses` and `damped`); `rate12`/`rate24`
 * (mean of the last 12/24 months, zeros included); `sba` (Croston–SBA demand rate).
 */
export type MethodId =
  | 'zero'
  | 'naive'
  | 'seasonalNaive'
  | 'mean'
  | 'ses'
  | 'ses0.1'
  | 'ses0.3'
  | 'damped'
  | 'theta'
  | 'comb'
  | 'rate12'
  | 'rate24'
  | 'sba'

interface Method {
  /** Forecasts in adjusted units, to be multiplied by the seasonal factors. */
  adjusted: boolean
  run: (p: PreparedSeries, horizon: number) => number[]
}

const flat = (value: number, horizon: number): number[] =>
  new Array<number>(horizon).fill(value)

/** The adjusted values since the latest level shift: what a level model should smooth. */
const recent = (p: PreparedSeries): Float64Array => p.adjusted.subarray(p.shift)

/** Mean of the last (up to) 12 adjusted months since the latest shift. */
function recentLevel(p: PreparedSeries): number {
  return recentMean(recent(p), 12)
}

function ses(p: PreparedSeries, horizon: number): number[] {
  const y = recent(p)
  return y.length < 2
    ? flat(recentLevel(p), horizon)
    : smoothingForecast(fitSes(y), horizon)
}

function damped(p: PreparedSeries, horizon: number): number[] {
  const y = recent(p)
  // A trend from fewer than 6 months is noise more often than not.
  return y.length < 6
    ? ses(p, horizon)
    : smoothingForecast(fitDampedTrend(y), horizon)
}

const fixedSes =
  (alpha: number) =>
  (p: PreparedSeries, horizon: number): number[] => {
    const y = recent(p)
    return smoothingForecast(runSmoothing(y, alpha, 0, 0), horizon)
  }

export const METHODS: Record<MethodId, Method> = {
  zero: { adjusted: false, run: (_p, h) => flat(0, h) },
  naive: {
    adjusted: false,
    run: (p, h) => naiveForecast(p.raw, h),
  },
  seasonalNaive: {
    adjusted: false,
    run: (p, h) => seasonalNaive(p.raw, h, p.period),
  },
  mean: { adjusted: true, run: (p, h) => flat(recentLevel(p), h) },
  ses: { adjusted: true, run: ses },
  'ses0.1': { adjusted: true, run: fixedSes(0.1) },
  'ses0.3': { adjusted: true, run: fixedSes(0.3) },
  damped: { adjusted: true, run: damped },
  theta: {
    adjusted: true,
    run: (p, h) =>
      recent(p).length < 6 ? ses(p, h) : thetaForecast(recent(p), h),
  },
  // The M4 competition's "Comb" idea: averaging a few sound models beats picking one of
  // them per series, whose choice is itself noisy.
  comb: {
    adjusted: true,
    run: (p, h) => {
      const a = flat(recentLevel(p), h)
      const b = ses(p, h)
      const c = damped(p, h)
      return a.map((v, i) => (v + (b[i] as number) + (c[i] as number)) / 3)
    },
  },
  rate12: {
    adjusted: true,
    run: (p, h) => flat(recentMean(p.adjusted, 12), h),
  },
  rate24: {
    adjusted: true,
    run: (p, h) => flat(recentMean(p.adjusted, 24), h),
  },
  sba: { adjusted: true, run: (p, h) => flat(sbaRate(p.adjusted), h) },
}

/** Naive: the last value, repeated (0 for an empty history). */
export function naiveForecast(
  raw: readonly number[],
  horizon: number,
): number[] {
  return flat(raw[raw.length - 1] ?? 0, horizon)
}

/** Seasonal naive: the value one period earlier; the last value for a series shorter than a period. */
export function seasonalNaive(
  raw: readonly number[],
  horizon: number,
  period: number,
): number[] {
  const n = raw.length
  if (n < period) return flat(raw[n - 1] ?? 0, horizon)
  const out: number[] = []
  for (let h = 0; h < horizon; h++)
    out.push(raw[n - period + (h % period)] as number)
  return out
}

/** The methods that compete, by kind of history. `empty` series always forecast 0. */
export const CANDIDATES: Record<SeriesClass, readonly MethodId[]> = {
  empty: ['zero'],
  dormant: ['zero', 'sba', 'rate12', 'ses0.3'],
  new: ['mean', 'naive', 'ses0.3'],
  intermittent: ['sba', 'rate12', 'rate24', 'ses0.1', 'mean'],
  short: [
    'comb',
    'mean',
    'ses',
    'ses0.1',
    'ses0.3',
    'damped',
    'theta',
    'naive',
    'seasonalNaive',
  ],
  long: [
    'comb',
    'mean',
    'ses',
    'ses0.1',
    'ses0.3',
    'damped',
    'theta',
    'naive',
    'seasonalNaive',
  ],
}

/** What a lone series gets, with no panel to choose from: robust choices for each kind. */
export const DEFAULT_METHODS: Record<SeriesClass, MethodId> = {
  empty: 'zero',
  dormant: 'zero',
  new: 'mean',
  intermittent: 'sba',
  short: 'comb',
  long: 'comb',
}

/** Runs `method` on `p`: `horizon` forecasts in money, re-seasonalised and never negative. */
export function runMethod(
  method: MethodId,
  p: PreparedSeries,
  horizon: number,
): number[] {
  const m = METHODS[method]
  const base = m.run(p, horizon)
  const n = p.active.length
  return base.map((v, h) => {
    const value = m.adjusted
      ? v * (p.profile[positionOf(p.phase, n + h, p.period)] as number)
      : v
    return value > 0 ? value : 0
  })
}
