/**
 * Forecasting a panel of series at once, which a lone series cannot do: borrow seasonality
 * from the panel, and pick each kind of history's method by how the candidates did on the
 * panel's own past (rolling origin inside the history given — never anything after it).
 */
import { forecastSeriesDetailed } from './forecast-series.js'
import {
  CANDIDATES,
  DEFAULT_METHODS,
  type MethodId,
  runMethod,
} from './methods.js'
import { SERIES_CLASSES, type SeriesClass, prepareSeries } from './prepare.js'
import { firstActive } from './history.js'
import {
  pooledSeasonalProfile,
  positionOf,
  seasonalSpread,
} from './seasonality.js'

/** One series of a panel: consecutive monthly values from month index `start`. */
export interface MonthlySeries {
  /**
   * Absolute month of `values[0]`, e.g. year × 12 + month − 1: only its position in the
   * seasonal cycle matters (`start mod period`), which lines the series up in calendar time.
   */
  start: number
  values: readonly number[]
}

export interface PanelOptions {
  /** Months per seasonal cycle; default 12. */
  period?: number
  /** Firmographic prior per series id (see `ForecastOptions.prior`). */
  priors?: ReadonlyMap<string, number>
  /** Choose methods by validation on the panel's history (default); false uses the defaults. */
  select?: boolean
}

/** How one kind of history fared in validation, and what it was given. */
export interface ClassChoice {
  method: MethodId
  /** Validation cuts (series × origins) that were of this kind. */
  series: number
  /** Validation WAPE of every candidate (absent when the kind had no validation data). */
  wape: Partial<Record<MethodId, number>>
}

export interface PanelForecast {
  forecasts: Map<string, number[]>
  /** The kind of history each series was read as. */
  kinds: Map<string, SeriesClass>
  /** The pooled seasonal profile (January first for `start` = year × 12 + month − 1), or null. */
  profile: number[] | null
  choices: Record<SeriesClass, ClassChoice>
}

/** Below this many validation series a kind keeps its default method: too few to choose. */
const MIN_VALIDATION_SERIES = 20

/**
 * Forecasts every series `horizon` months past its own last month. Deterministic: the
 * same panel gives the same forecasts, whatever the map's order.
 */
export function forecastPanel(
  series: ReadonlyMap<string, MonthlySeries>,
  horizon: number,
  options: PanelOptions = {},
): PanelForecast {
  const period = options.period ?? 12
  const phased = [...series.values()].map((s) => {
    const start = firstActive(s.values)
    return {
      values: s.values.slice(start),
      phase: positionOf(s.start, start, period),
    }
  })
  const profile = pooledSeasonalProfile(phased, period)
  const spread = profile ? seasonalSpread(phased, profile, period) : 0.01
  const choices =
    options.select === false
      ? defaultChoices()
      : selectMethods(series, horizon, period, profile, spread)
  const methods = Object.fromEntries(
    SERIES_CLASSES.map((k) => [k, choices[k].method]),
  ) as Record<SeriesClass, MethodId>
  const forecasts = new Map<string, number[]>()
  const kinds = new Map<string, SeriesClass>()
  for (const [id, s] of series) {
    const prior = options.priors?.get(id)
    const f = forecastSeriesDetailed(s.values, horizon, {
      period,
      phase: positionOf(s.start, 0, period),
      ...(profile ? { seasonalProfile: profile, seasonalSpread: spread } : {}),
      ...(prior !== undefined ? { prior } : {}),
      methods,
    })
    forecasts.set(id, f.values)
    kinds.set(id, f.kind)
  }
  return { forecasts, kinds, profile, choices }
}

/**
 * Rolling-origin validation inside the given history: every series is cut `v` months
 * before its end (v = min(horizon, half its length)) — and `2v` months before, when a year
 * of history precedes that — read as the kind of history it was at the cut, and each of
 * that kind's candidates forecasts the `v` months after it. The
 * candidate with the lowest pooled WAPE over those months wins its kind. The pooled profile
 * is the one from the whole history — it is one curve per panel, estimated from all its
 * series, so a series' last months sway it very little — a shortcut that saves estimating a
 * profile at the cut, where a panel of short series would have too little for one.
 */
function selectMethods(
  series: ReadonlyMap<string, MonthlySeries>,
  horizon: number,
  period: number,
  profile: number[] | null,
  spread: number,
): Record<SeriesClass, ClassChoice> {
  const error = new Map<string, number>()
  const actual = new Map<SeriesClass, number>()
  const count = new Map<SeriesClass, number>()
  for (const s of series.values()) {
    const n = s.values.length
    const v = Math.min(horizon, Math.floor(n / 2))
    if (v < 1) continue
    // A second, earlier origin where the history allows a year of training before it:
    // one origin alone can crown a method for one year's luck.
    const cuts = n - 2 * v >= 12 ? [n - v, n - 2 * v] : [n - v]
    for (const cut of cuts) {
      const test = s.values.slice(cut, cut + v)
      const p = prepareSeries(
        s.values.slice(0, cut),
        period,
        positionOf(s.start, 0, period),
        profile,
        spread,
      )
      if (p.kind === 'empty') continue
      let sumActual = 0
      for (const a of test) sumActual += Math.abs(a)
      actual.set(p.kind, (actual.get(p.kind) ?? 0) + sumActual)
      count.set(p.kind, (count.get(p.kind) ?? 0) + 1)
      for (const method of CANDIDATES[p.kind]) {
        const f = runMethod(method, p, v)
        let e = 0
        for (let h = 0; h < v; h++)
          e += Math.abs((test[h] as number) - (f[h] as number))
        const key = `${p.kind}/${method}`
        error.set(key, (error.get(key) ?? 0) + e)
      }
    }
  }
  const choices = defaultChoices()
  for (const kind of SERIES_CLASSES) {
    const n = count.get(kind) ?? 0
    const denom = actual.get(kind) ?? 0
    const wape: Partial<Record<MethodId, number>> = {}
    let best: MethodId = DEFAULT_METHODS[kind]
    let bestError = Infinity
    for (const method of CANDIDATES[kind]) {
      const e = error.get(`${kind}/${method}`)
      if (e === undefined) continue
      if (denom > 0) wape[method] = e / denom
      if (e < bestError) {
        bestError = e
        best = method
      }
    }
    choices[kind] = {
      method: n >= MIN_VALIDATION_SERIES ? best : DEFAULT_METHODS[kind],
      series: n,
      wape,
    }
  }
  return choices
}

function defaultChoices(): Record<SeriesClass, ClassChoice> {
  return Object.fromEntries(
    SERIES_CLASSES.map((k) => [
      k,
      { method: DEFAULT_METHODS[k], series: 0, wape: {} },
    ]),
  ) as Record<SeriesClass, ClassChoice>
}
