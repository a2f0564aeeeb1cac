import { describe, expect, it } from 'vitest'
import { backtest } from './backtest.js'
import type { MonthlySeries } from './forecast-panel.js'
import { wape } from './wape.js'

const SEASON = [0.8, 0.85, 0.95, 1, 1, 1.05, 0.9, 0.95, 1.05, 1.1, 1.15, 1.3]

/** A small linear-congruential generator: reproducible noise for test panels. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** A demo-like panel: 24 months, shared seasonality, per-series level and noise, some churn. */
function panel(count: number, seed = 1): Map<string, MonthlySeries> {
  const rnd = lcg(seed)
  const out = new Map<string, MonthlySeries>()
  const start = 2024 * 12 + 10 // November 2024
  for (let i = 0; i < count; i++) {
    const level = 200 + 2000 * rnd() ** 2
    const churn = rnd() < 0.1 ? 6 + Math.floor(rnd() * 16) : 24
    const values = Array.from({ length: 24 }, (_, t) =>
      t >= churn
        ? 0
        : Math.round(
            level * (SEASON[(start + t) % 12] as number) * (0.75 + 0.5 * rnd()),
          ),
    )
    out.set(`a${i}`, { start, values })
  }
  return out
}

describe('backtest', () => {
  it('beats both naive baselines by 10 % on a seasonal panel with 12 training months', () => {
    const r = backtest(panel(400), { horizon: 12 })
    expect(r.series).toBe(400)
    expect(r.skipped).toBe(0)
    const best = Math.min(r.naiveWape as number, r.seasonalNaiveWape as number)
    expect(r.wape as number).toBeLessThan(0.9 * best)
  })

  it('never reads the held-out months: changing them changes scores, not forecasts', () => {
    const a = panel(120, 3)
    const b = new Map(
      [...a].map(([id, s]) => [
        id,
        {
          start: s.start,
          values: [
            ...s.values.slice(0, 12),
            ...s.values.slice(12).map((v, h) => v * 3 + h),
          ],
        },
      ]),
    )
    const ra = backtest(a, { horizon: 12 })
    const rb = backtest(b, { horizon: 12 })
    expect(rb.forecasts).toEqual(ra.forecasts)
    expect(rb.choices).toEqual(ra.choices)
    expect(rb.wape).not.toBe(ra.wape)
  })

  it('skips series with fewer than horizon + 1 months', () => {
    const series = new Map<string, MonthlySeries>([
      ['long', { start: 0, values: new Array<number>(20).fill(10) }],
      ['short', { start: 0, values: new Array<number>(12).fill(10) }],
      ['just', { start: 0, values: new Array<number>(13).fill(10) }],
    ])
    const r = backtest(series, { horizon: 12 })
    expect(r.series).toBe(2)
    expect(r.skipped).toBe(1)
    expect(r.wape).toBe(0)
    expect(() => backtest(series, { horizon: 0 })).toThrow(RangeError)
  })

  it('pools WAPE over series, counting a zero-actual series in the numerator only', () => {
    expect(
      wape(
        [
          [10, 10],
          [0, 0],
        ],
        [
          [8, 12],
          [5, 0],
        ],
      ),
    ).toBeCloseTo(9 / 20, 12)
    expect(wape([[0, 0]], [[1, 1]])).toBeNull()
  })
})
