import { describe, expect, it } from 'vitest'
import { parseQuota } from './quota-input'
import { monthsAfter, shortMonth, spreadForecast, trendRows } from './trend'

describe('spreadForecast', () => {
  it('follows last year’s shape and keeps the total', () => {
    const lastYear = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9]
    const spread = spreadForecast(2_000, lastYear)
    expect(spread.reduce((s, v) => s + v, 0)).toBeCloseTo(2_000, 9)
    expect(spread[11]).toBeCloseTo(900, 9)
    expect(spread[0]).toBeCloseTo(100, 9)
  })
  it('is flat without sales last year', () => {
    expect(spreadForecast(1_200, new Array(12).fill(0))).toEqual(
      new Array(12).fill(100),
    )
  })
})

describe('trendRows', () => {
  const months = monthsAfter('2024-11-01', 24)
  it('has 24 actual months, then 12 forecast months joined at the last actual one', () => {
    const rows = trendRows(
      months,
      { trend: new Array(24).fill(10), forecast12m: 240 },
      { trend: new Array(24).fill(1), forecast12m: 12 },
    )
    expect(rows).toHaveLength(36)
    expect(rows[0]).toMatchObject({
      month: '2024-12-01',
      plan: 10,
      planForecast: null,
    })
    expect(rows[23]).toMatchObject({
      month: '2026-11-01',
      plan: 10,
      planForecast: 10,
      territoryForecast: 1,
    })
    expect(rows[24]).toMatchObject({
      month: '2026-12-01',
      plan: null,
      planForecast: 20,
      territory: null,
      territoryForecast: 1,
    })
    expect(rows[35]!.month).toBe('2027-11-01')
  })
  it('leaves the territory out when none is selected', () => {
    const rows = trendRows(months, {
      trend: new Array(24).fill(0),
      forecast12m: 0,
    })
    expect(rows.every((r) => r.territory === null)).toBe(true)
  })
})

describe('months', () => {
  it('crosses years', () => {
    expect(monthsAfter('2026-11-01', 3)).toEqual([
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ])
    expect(shortMonth('2027-01-01')).toBe('Jan 27')
  })
})

describe('parseQuota', () => {
  it.each([
    ['1200000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['$1.2M', 1_200_000],
    ['850k', 850_000],
    ['  42.6 ', 43],
    ['', null],
    ['-5', 'invalid'],
    ['abc', 'invalid'],
    ['1.2.3', 'invalid'],
  ] as const)('%s → %s', (text, expected) => {
    expect(parseQuota(text)).toBe(expected)
  })
})
