import { describe, expect, it } from 'vitest'
import {
  firstActive,
  isDormant,
  levelShiftStart,
  trailingZeros,
} from './history.js'
import { recentMean, sbaRate } from './intermittent.js'
import {
  fitDampedTrend,
  fitSes,
  smoothingForecast,
  thetaForecast,
} from './smoothing.js'

const wiggle = (t: number) =>
  Math.sin(t * 12.9898) * 0.5 + Math.sin(t * 78.233) * 0.5

describe('history', () => {
  it('finds the first sale and the trailing zeros', () => {
    expect(firstActive([0, 0, 3, 0])).toBe(2)
    expect(firstActive([0, 0])).toBe(2)
    expect(trailingZeros([1, 0, 0])).toBe(2)
  })

  it('calls a run of zeros dormant only when it is unusual for the series', () => {
    expect(isDormant([5, 5, 5, 5, 5, 5, 5, 5, 0, 0])).toBe(true)
    expect(isDormant([5, 5, 5, 5, 5, 5, 5, 5, 0])).toBe(false)
    // A series with gaps half the time may well be between orders.
    expect(isDormant([5, 0, 5, 0, 5, 0, 5, 0, 0, 0])).toBe(false)
  })

  it('locates a level shift and ignores noise', () => {
    const y = Array.from(
      { length: 30 },
      (_, t) => (t < 22 ? 100 : 160) + 5 * wiggle(t),
    )
    expect(levelShiftStart(y)).toBe(22)
    const flat = Array.from({ length: 30 }, (_, t) => 100 + 5 * wiggle(t))
    expect(levelShiftStart(flat)).toBe(0)
  })
})

describe('smoothing and intermittent rates', () => {
  it('follows a trend with damping, and stays flat without one', () => {
    const trend = Array.from({ length: 24 }, (_, t) => 100 + 10 * t)
    const f = smoothingForecast(fitDampedTrend(trend), 6)
    expect(f[0]).toBeGreaterThan(330)
    expect((f[5] as number) - (f[4] as number)).toBeLessThan(
      (f[1] as number) - (f[0] as number),
    )
    const flat = smoothingForecast(fitSes(new Array<number>(10).fill(50)), 3)
    expect(flat).toEqual([50, 50, 50])
    const theta = thetaForecast(trend, 3)
    expect(theta[2]).toBeGreaterThan(theta[0] as number)
  })

  it('gives an intermittent series its demand rate', () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 4 === 0 ? 400 : 0))
    expect(sbaRate(y)).toBeGreaterThan(80)
    expect(sbaRate(y)).toBeLessThan(110)
    expect(sbaRate([0, 0])).toBe(0)
    expect(recentMean(y, 12)).toBe(100)
  })
})
