import { describe, expect, it } from 'vitest'
import {
  forecastSeries,
  forecastSeriesDetailed,
  next12MonthRevenue,
} from './forecast-series.js'

/** A deterministic wiggle in [−1, 1]: noise without a random generator. */
const wiggle = (t: number) =>
  Math.sin(t * 12.9898) * 0.5 + Math.sin(t * 78.233) * 0.5
const SEASON = [0.8, 0.85, 0.95, 1, 1, 1.05, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2]

function seasonal(months: number, level = 1000, noise = 0.03): number[] {
  return Array.from(
    { length: months },
    (_, t) => level * (SEASON[t % 12] as number) * (1 + noise * wiggle(t)),
  )
}

describe('forecastSeries', () => {
  it('recovers the seasonal pattern of a series with three years of history', () => {
    const f = forecastSeries(seasonal(36), 12, { phase: 0 })
    const expected = SEASON.map((s) => 1000 * s)
    const { kind } = forecastSeriesDetailed(seasonal(36), 12)
    expect(kind).toBe('long')
    f.forEach((v, h) =>
      expect(Math.abs(v / (expected[h] as number) - 1)).toBeLessThan(0.05),
    )
    // The peak month is the peak of the forecast.
    expect(f.indexOf(Math.max(...f))).toBe(11)
  })

  it('uses a pooled profile for a series too short for its own', () => {
    const values = seasonal(14).slice(2) // 12 months starting in March
    const f = forecastSeries(values, 12, { phase: 2, seasonalProfile: SEASON })
    const level = 1000
    f.forEach((v, h) =>
      expect(
        Math.abs(v / (level * (SEASON[(2 + 12 + h) % 12] as number)) - 1),
      ).toBeLessThan(0.06),
    )
  })

  it('follows a level shift instead of averaging across it', () => {
    const values = [
      ...Array.from({ length: 30 }, (_, t) => 100 * (1 + 0.05 * wiggle(t))),
      ...Array.from({ length: 6 }, (_, t) => 300 * (1 + 0.05 * wiggle(t + 30))),
    ]
    for (const v of forecastSeries(values, 12)) {
      expect(v).toBeGreaterThan(250)
      expect(v).toBeLessThan(350)
    }
  })

  it('forecasts zero for an all-zero series, with no NaN', () => {
    const f = forecastSeries(new Array<number>(24).fill(0), 12)
    expect(f).toEqual(new Array<number>(12).fill(0))
    expect(forecastSeries([], 3)).toEqual([0, 0, 0])
  })

  it('carries a one-month series forward, and leans on a prior when given', () => {
    expect(forecastSeries([500], 3)).toEqual([500, 500, 500])
    // Weight 2 / (2 + 1) on the prior after one month.
    const f = forecastSeries([500], 3, { prior: 800 })
    for (const v of f) expect(v).toBeCloseTo(500 / 3 + (800 * 2) / 3, 6)
  })

  it('weighs the prior less as history grows, and not at all from 6 non-zero months', () => {
    const gap = (months: number) =>
      Math.abs(
        (forecastSeries(new Array<number>(months).fill(100), 1, {
          prior: 1000,
        })[0] as number) - 100,
      )
    expect(gap(2)).toBeGreaterThan(gap(4))
    expect(gap(4)).toBeGreaterThan(0)
    expect(gap(6)).toBe(0)
    // No history at all: the prior alone.
    expect(forecastSeries([], 2, { prior: 250 })).toEqual([250, 250])
  })

  it('forecasts the demand rate of an intermittent series, flat and positive', () => {
    const values = Array.from({ length: 36 }, (_, t) => (t % 3 === 0 ? 300 : 0))
    const d = forecastSeriesDetailed(values, 12)
    expect(d.kind).toBe('intermittent')
    for (const v of d.values) {
      expect(v).toBeGreaterThan(60)
      expect(v).toBeLessThan(140)
      expect(v).toBe(d.values[0])
    }
  })

  it('forecasts zero for an account that stopped buying', () => {
    const values = [...new Array<number>(18).fill(400), 0, 0, 0]
    const d = forecastSeriesDetailed(values, 6)
    expect(d.kind).toBe('dormant')
    expect(d.values).toEqual(new Array<number>(6).fill(0))
  })

  it('starts a series at its first sale: leading zeros are before the account existed', () => {
    const values = [
      ...new Array<number>(20).fill(0),
      200,
      210,
      190,
      205,
      200,
      195,
      205,
    ]
    for (const v of forecastSeries(values, 6)) expect(v).toBeGreaterThan(180)
  })

  it('rejects NaN and Infinity, keeps negative months and never forecasts below zero', () => {
    expect(() => forecastSeries([1, Number.NaN, 3], 2)).toThrow(RangeError)
    expect(() => forecastSeries([1, Infinity], 2)).toThrow(/values\[1\]/)
    expect(() => forecastSeries([1], -1)).toThrow(RangeError)
    const f = forecastSeries([100, 80, -50, -200, -300, -400, -500], 4)
    for (const v of f) expect(v).toBeGreaterThanOrEqual(0)
    // A credit note lowers the level it is averaged into.
    const withCredit = forecastSeries(
      [100, 100, 100, 100, 100, 100, -60, 100],
      1,
    )
    const without = forecastSeries([100, 100, 100, 100, 100, 100, 100, 100], 1)
    expect(withCredit[0]).toBeLessThan(without[0] as number)
  })

  it('is deterministic', () => {
    const values = seasonal(40, 700, 0.2)
    expect(forecastSeries(values, 12)).toEqual(forecastSeries(values, 12))
  })

  it('sums the next 12 months', () => {
    expect(next12MonthRevenue([100, 100, 100, 100, 100, 100])).toBeCloseTo(
      1200,
      6,
    )
  })
})
