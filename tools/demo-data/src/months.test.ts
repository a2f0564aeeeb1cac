import { describe, expect, it } from 'vitest'
import { calendarMonth, monthsEndingAt } from './months.js'

describe('monthsEndingAt', () => {
  it('lists months oldest first across a year boundary', () => {
    expect(monthsEndingAt('2025-02', 4)).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ])
    expect(monthsEndingAt('2025-02-01', 24)).toHaveLength(24)
    expect(monthsEndingAt('2025-02-01', 24)[0]).toBe('2023-03-01')
  })

  it('rejects other formats', () => {
    expect(() => monthsEndingAt('2025-13', 2)).toThrow(RangeError)
    expect(() => monthsEndingAt('2025-02-15', 2)).toThrow(RangeError)
  })

  it('reads the calendar month', () => {
    expect(calendarMonth('2024-12-01')).toBe(11)
  })
})
