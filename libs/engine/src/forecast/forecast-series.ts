/**
 * Forecasting one account's monthly revenue. The history is `values[t]` for consecutive
 * months; a month with no sales is a 0 (callers fill gaps between the first and last month
 * with zeros: no invoice that month means no revenue that month, not an unknown).
 */
import { DEFAULT_METHODS, type MethodId, runMethod } from './methods.js'
import {
  type PreparedSeries,
  type SeriesClass,
  prepareSeries,
} from './prepare.js'
import { positionOf } from './seasonality.js'

export interface ForecastOptions {
  /** Months per seasonal cycle; default 12. */
  period?: number
  /**
   * Cycle position of `values[0]` in `seasonalProfile` (for monthly data with a January-first
   * profile: the calendar month of the first value, 0 = January); default 0.
   */
  phase?: number
  /**
   * Expected monthly revenue from firmographics (say a segment's mean revenue per month, or
   * potential × expected share / 12). Blended in while the series has fewer than 6 non-zero
   * months, with weight 2 / (2 + months of history): a whole prior for a series with no
   * history, a third of the forecast after 4 months.
   */
  prior?: number
  /** A pooled profile (period factors, mean 1) for series too short for their own. */
  seasonalProfile?: readonly number[]
  /**
   * How far series' own seasonal factors stray from `seasonalProfile` (a variance; default
   * 0.01): how much a long series may override the pooled profile with its own.
   */
  seasonalSpread?: number
  /** Override the method used for a kind of history (a panel's validated choice). */
  methods?: Partial<Record<SeriesClass, MethodId>>
}

/** A forecast with what produced it. */
export interface SeriesForecast {
  values: number[]
  kind: SeriesClass
  method: MethodId
}

/**
 * `horizon` monthly forecasts following `values`, never negative. Values must be finite
 * (a RangeError otherwise: NaN in a revenue history is the caller's bug, and silently
 * reading it as 0 would hide it); negative months (credit notes) are kept as they are, so
 * a refund lowers the level, but forecasts are clamped at 0.
 */
export function forecastSeries(
  values: readonly number[],
  horizon: number,
  options: ForecastOptions = {},
): number[] {
  return forecastSeriesDetailed(values, horizon, options).values
}

/** {@link forecastSeries} that also says which kind of history and which method it saw. */
export function forecastSeriesDetailed(
  values: readonly number[],
  horizon: number,
  options: ForecastOptions = {},
): SeriesForecast {
  const period = options.period ?? 12
  checkArguments(values, horizon, period, options)
  const pooled = options.seasonalProfile ?? null
  const p = prepareSeries(
    values,
    period,
    options.phase ?? 0,
    pooled,
    options.seasonalSpread,
  )
  const method = options.methods?.[p.kind] ?? DEFAULT_METHODS[p.kind]
  const out = runMethod(method, p, horizon)
  const prior = options.prior
  if (prior !== undefined && prior > 0 && p.nonZero < 6)
    blendPrior(out, p, prior, values.length, options.phase ?? 0)
  return { values: out, kind: p.kind, method }
}

/**
 * Mixes the prior into `out` in place. A series with no sales yet counts all its months as
 * history (two years without a sale say more than a segment average); others count their
 * months since the first sale.
 */
function blendPrior(
  out: number[],
  p: PreparedSeries,
  prior: number,
  length: number,
  phase: number,
): void {
  if (p.kind === 'dormant') return
  const months = p.kind === 'empty' ? length : p.active.length
  const w = 2 / (2 + months)
  for (let h = 0; h < out.length; h++) {
    const season = p.profile[positionOf(phase, length + h, p.period)] as number
    out[h] = (1 - w) * (out[h] as number) + w * prior * season
  }
}

/** Expected revenue over the next 12 months: the sum of {@link forecastSeries}'s forecasts. */
export function next12MonthRevenue(
  values: readonly number[],
  options: ForecastOptions = {},
): number {
  let sum = 0
  for (const v of forecastSeries(values, 12, options)) sum += v
  return sum
}

function checkArguments(
  values: readonly number[],
  horizon: number,
  period: number,
  options: ForecastOptions,
): void {
  if (!Number.isInteger(horizon) || horizon < 0)
    throw new RangeError(`horizon must be a whole number ≥ 0, got ${horizon}`)
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`period must be a whole number ≥ 1, got ${period}`)
  for (let t = 0; t < values.length; t++)
    if (!Number.isFinite(values[t]))
      throw new RangeError(`values[${t}] is ${values[t]}, not a finite number`)
  if (options.prior !== undefined && !Number.isFinite(options.prior))
    throw new RangeError(`prior must be a finite number, got ${options.prior}`)
  const profile = options.seasonalProfile
  if (
    profile &&
    (profile.length !== period ||
      profile.some((f) => !(f > 0 && Number.isFinite(f))))
  )
    throw new RangeError(
      `seasonalProfile must have ${period} positive factors, got [${profile.join(', ')}]`,
    )
}
