/**
 * A holdout backtest of {@link forecastPanel} against the two naive baselines: each series'
 * last `horizon` months are cut off before anything is fitted, forecast from the rest, and
 * scored by pooled WAPE. The forecaster only ever sees the training part — the held-out
 * months are read for scoring alone.
 */
import {
  forecastPanel,
  type MonthlySeries,
  type PanelForecast,
} from './forecast-panel.js'
import type { MethodId } from './methods.js'
import { naiveForecast, seasonalNaive } from './methods.js'
import type { SeriesClass } from './prepare.js'
import { WapeAccumulator } from './wape.js'

export interface BacktestOptions {
  horizon: number
  /** Months per seasonal cycle; default 12. */
  period?: number
}

/** One kind of history's share of the backtest. */
export interface BacktestClassRow {
  kind: SeriesClass
  method: MethodId
  series: number
  /** Σ|actual| over its held-out months. */
  actual: number
  wape: number | null
  naiveWape: number | null
  seasonalNaiveWape: number | null
}

export interface BacktestResult {
  /** Series scored: those with at least horizon + 1 months. */
  series: number
  /** Series too short to hold `horizon` months out and keep one to learn from. */
  skipped: number
  horizon: number
  wape: number | null
  naiveWape: number | null
  seasonalNaiveWape: number | null
  /** Σ forecast / Σ actual − 1 over the held-out months: + over-forecasts. */
  bias: number | null
  byKind: BacktestClassRow[]
  /** The pooled seasonal profile of the training part. */
  profile: number[] | null
  /** The validation behind each kind's method (on the training part only). */
  choices: PanelForecast['choices']
  /** The forecast of each scored series' held-out months. */
  forecasts: Map<string, number[]>
}

export function backtest(
  series: ReadonlyMap<string, MonthlySeries>,
  options: BacktestOptions,
): BacktestResult {
  const { horizon } = options
  const period = options.period ?? 12
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`horizon must be a whole number ≥ 1, got ${horizon}`)
  const train = new Map<string, MonthlySeries>()
  const held = new Map<string, readonly number[]>()
  let skipped = 0
  for (const [id, s] of series) {
    const n = s.values.length
    if (n < horizon + 1) {
      skipped++
      continue
    }
    train.set(id, { start: s.start, values: s.values.slice(0, n - horizon) })
    held.set(id, s.values.slice(n - horizon))
  }
  const panel = forecastPanel(train, horizon, { period })

  const total = {
    model: new WapeAccumulator(),
    naive: new WapeAccumulator(),
    seasonal: new WapeAccumulator(),
  }
  const perKind = new Map<
    SeriesClass,
    {
      model: WapeAccumulator
      naive: WapeAccumulator
      seasonal: WapeAccumulator
      series: number
      actual: number
      forecast: number
    }
  >()
  let sumActual = 0
  let sumForecast = 0
  for (const [id, s] of train) {
    const actual = held.get(id) as readonly number[]
    const forecast = panel.forecasts.get(id) as number[]
    const naive = naiveForecast(s.values, horizon)
    const seasonal = seasonalNaive(s.values, horizon, period)
    const kind = panel.kinds.get(id) as SeriesClass
    let row = perKind.get(kind)
    if (!row) {
      row = {
        model: new WapeAccumulator(),
        naive: new WapeAccumulator(),
        seasonal: new WapeAccumulator(),
        series: 0,
        actual: 0,
        forecast: 0,
      }
      perKind.set(kind, row)
    }
    row.series++
    for (const acc of [total, row]) {
      acc.model.add(actual, forecast)
      acc.naive.add(actual, naive)
      acc.seasonal.add(actual, seasonal)
    }
    for (let h = 0; h < horizon; h++) {
      sumActual += actual[h] as number
      sumForecast += forecast[h] as number
      row.actual += Math.abs(actual[h] as number)
    }
  }
  const byKind: BacktestClassRow[] = [...perKind]
    .map(([kind, r]) => ({
      kind,
      method: panel.choices[kind].method,
      series: r.series,
      actual: r.actual,
      wape: r.model.wape,
      naiveWape: r.naive.wape,
      seasonalNaiveWape: r.seasonal.wape,
    }))
    .sort((a, b) => b.actual - a.actual)
  return {
    series: train.size,
    skipped,
    horizon,
    wape: total.model.wape,
    naiveWape: total.naive.wape,
    seasonalNaiveWape: total.seasonal.wape,
    bias: sumActual !== 0 ? sumForecast / sumActual - 1 : null,
    byKind,
    profile: panel.profile,
    choices: panel.choices,
    forecasts: panel.forecasts,
  }
}
