import { describe, expect, it } from 'vitest'
import { addDays, formatDay, isOverdue, todayIso } from './dates'

describe('review dates', () => {
  it('counts whole days in UTC, across months and years', () => {
    expect(todayIso(new Date('2026-12-31T23:30:00-05:00'))).toBe('2027-01-01')
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('calls a deadline overdue from the day after it', () => {
    const now = new Date('2026-12-04T10:00:00Z')
    expect(isOverdue('2026-12-03', now)).toBe(true)
    expect(isOverdue('2026-12-04', now)).toBe(false)
    expect(isOverdue(null, now)).toBe(false)
  })
  it('shows a date as the day it names, whatever the time zone', () => {
    expect(formatDay('2026-01-01')).toMatch(/2026/)
    expect(formatDay('2026-01-01')).toMatch(/1/)
    expect(formatDay('not a date')).toBe('not a date')
  })
})
