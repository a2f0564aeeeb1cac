import { describe, expect, it } from 'vitest'
import { completeMonthAsOf, segmentPriors, toSeries } from './forecasts.js'

describe('completeMonthAsOf', () => {
  const now = new Date('2026-12-04T10:00:00Z')
  it('keeps a latest month that is over', () => {
    expect(completeMonthAsOf('2026-10-01', now)).toBe('2026-10-01')
    expect(completeMonthAsOf('2026-11-01', now)).toBe('2026-11-01')
  })
  it('leaves out the month still running (and anything after it)', () => {
    expect(completeMonthAsOf('2026-12-01', now)).toBe('2026-11-01')
    expect(completeMonthAsOf('2027-03-01', now)).toBe('2026-11-01')
  })
  it('crosses a year', () => {
    expect(
      completeMonthAsOf('2027-01-01', new Date('2027-01-15T00:00:00Z')),
    ).toBe('2026-12-01')
  })
})

describe('toSeries', () => {
  it('lays months out consecutively, zero where there is no row', () => {
    // January 2026 = 2026 × 12 + 0.
    const jan = 2026 * 12
    expect(
      toSeries({ months: [jan + 1, jan + 3], amounts: [5, 7] }, jan, jan + 4),
    ).toEqual({ start: jan, values: [0, 5, 0, 7, 0] })
  })
  it('drops months outside the window and gives an empty series for none', () => {
    expect(toSeries({ months: [10, 20], amounts: [1, 2] }, 12, 11)).toEqual({
      start: 12,
      values: [],
    })
  })
})

describe('segmentPriors', () => {
  it('is the potential times the segment’s yield, shrunk toward the organization’s', () => {
    const prior = segmentPriors([
      // Retail buys 10 % of its potential, 20 accounts: half its own yield, half the org's.
      {
        industry: 'Retail',
        sizeBand: 'small',
        accounts: 20,
        sales12m: 100,
        potential: 1_000,
      },
      {
        industry: 'Technology',
        sizeBand: 'large',
        accounts: 1_000,
        sales12m: 3_000,
        potential: 10_000,
      },
    ])
    const overall = 3_100 / 11_000
    expect(
      prior({ industry: 'Retail', sizeBand: 'small', potential: 1_200 }),
    ).toBeCloseTo((1_200 * (0.5 * 0.1 + 0.5 * overall)) / 12, 9)
    // A segment nobody established is in: the organization's yield.
    expect(
      prior({ industry: 'Hospitality', sizeBand: 'mid', potential: 1_200 }),
    ).toBeCloseTo((1_200 * overall) / 12, 9)
  })
  it('gives nothing when no account has a track record', () => {
    expect(
      segmentPriors([])({ industry: 'x', sizeBand: 'small', potential: 10 }),
    ).toBeUndefined()
  })
})
