import { describe, expect, it } from 'vitest'
import {
  formatCompactCount,
  formatCount,
  formatMoney,
  formatPercent,
  formatRole,
  formatSignedPercent,
  initials,
  plural,
} from './format'

describe('formatMoney', () => {
  it('abbreviates to one decimal', () => {
    expect(formatMoney(1_234_567)).toBe('$1.2M')
    expect(formatMoney(850_000)).toBe('$850K')
    expect(formatMoney(2_500_000_000)).toBe('$2.5B')
    expect(formatMoney(0)).toBe('$0')
  })
})

describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(12345)).toBe('12,345')
    expect(formatCompactCount(12345)).toBe('12.3K')
    expect(plural(1, 'account')).toBe('1 account')
    expect(plural(2500, 'account')).toBe('2,500 accounts')
  })
})

describe('people', () => {
  it('labels roles and makes initials', () => {
    expect(formatRole('planner')).toBe('Sales ops planner')
    expect(initials('Dana  Planner')).toBe('DP')
    expect(initials('Ana Maria de la Cruz')).toBe('AC')
    expect(initials('cher')).toBe('C')
  })
})

describe('percentages', () => {
  it('formats a share as a whole percent', () => {
    expect(formatPercent(0.723)).toBe('72\u202f%')
    expect(formatPercent(1.1)).toBe('110\u202f%')
    expect(formatPercent(0)).toBe('0\u202f%')
    expect(formatPercent(12.345)).toBe('1,235\u202f%')
    expect(formatPercent(Number.NaN)).toBe('–')
  })

  it('signs deviations, with a true minus and no sign for zero', () => {
    expect(formatSignedPercent(2.77)).toBe('+277\u202f%')
    expect(formatSignedPercent(-0.12)).toBe('\u221212\u202f%')
    expect(formatSignedPercent(0.001)).toBe('0\u202f%')
    expect(formatSignedPercent(-0.004)).toBe('0\u202f%')
    expect(formatSignedPercent(Number.POSITIVE_INFINITY)).toBe('–')
  })
})
