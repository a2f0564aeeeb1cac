import { describe, expect, it } from 'vitest'
import { calendarDays, isoDay, stepAnchor } from './calendar'

describe('calendarDays', () => {
  it('shows a month as whole weeks, Monday first', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const days = calendarDays(new Date(2026, 11, 15), 'month').map(isoDay)
    expect(days[0]).toBe('2026-11-30')
    expect(days.at(-1)).toBe('2027-01-03')
    expect(days.length % 7).toBe(0)
  })

  it('shows the week of a day, across a month end', () => {
    const days = calendarDays(new Date(2026, 11, 31), 'week').map(isoDay)
    expect(days).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
  })

  it('steps by month from any day, and by week', () => {
    expect(isoDay(stepAnchor(new Date(2026, 0, 31), 'month', 1))).toBe(
      '2026-02-01',
    )
    expect(isoDay(stepAnchor(new Date(2026, 11, 31), 'week', -1))).toBe(
      '2026-12-24',
    )
  })
})
