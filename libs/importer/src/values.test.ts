import { describe, expect, it } from 'vitest'
import {
  parseDate,
  parseLonLat,
  parseMonth,
  parseNumber,
  parseText,
  parseZip,
} from './values.js'

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : 'error')

describe('parseNumber', () => {
  it('reads numbers as spreadsheets and CRMs write them', () => {
    for (const [raw, n] of [
      ['1234.5', 1234.5],
      ['1,234.50', 1234.5],
      ['$1 234', 1234],
      ['1.234,5', 1234.5],
      ['12,5', 12.5],
      ['1,234,567', 1234567],
      ['1.234.567', 1234567],
      ['(120)', -120],
      ['-3', -3],
      ['USD 99', 99],
      ['€ 1.000,00', 1000],
    ] as const)
      expect(value(parseNumber(raw)), raw).toBe(n)
  })
  it('refuses what is not an amount, saying why', () => {
    expect(parseNumber('')).toEqual({ ok: false, reason: 'empty' })
    expect(parseNumber('12%')).toMatchObject({ ok: false })
    expect(parseNumber('abc')).toEqual({ ok: false, reason: 'not a number' })
    expect(parseNumber('1.2.3')).toMatchObject({ ok: false })
    expect(parseNumber('1e309')).toMatchObject({ ok: false })
  })
})

describe('parseDate and parseMonth', () => {
  it('reads the three date formats CRMs export, and refuses dates that do not exist', () => {
    expect(value(parseDate('2026-03-07'))).toBe('2026-03-07')
    expect(value(parseDate('03/07/2026'))).toBe('2026-03-07')
    expect(value(parseDate('07.03.2026'))).toBe('2026-03-07')
    expect(value(parseDate('2026-03-07T10:00:00Z'))).toBe('2026-03-07')
    expect(parseDate('2026-02-30')).toEqual({
      ok: false,
      reason: 'no such date',
    })
    expect(parseDate('7 March')).toMatchObject({ ok: false })
  })
  it('reads months in any of those shapes as their first day', () => {
    for (const raw of [
      '2026-03',
      '03/2026',
      '2026/03',
      'Mar 2026',
      'March 2026',
      '03/15/2026',
      '15.03.2026',
    ])
      expect(value(parseMonth(raw)), raw).toBe('2026-03-01')
    expect(parseMonth('2026-13')).toEqual({
      ok: false,
      reason: 'no such month',
    })
  })
})

describe('locations', () => {
  it('takes coordinates in range and refuses (0, 0) as a missing location', () => {
    expect(value(parseLonLat('42.36', '-71.06'))).toEqual([-71.06, 42.36])
    expect(parseLonLat('0', '0')).toMatchObject({ ok: false })
    expect(parseLonLat('91', '0')).toMatchObject({
      reason: 'latitude out of range (−90 to 90)',
    })
    expect(parseLonLat('10', 'east')).toMatchObject({
      reason: 'longitude not a number',
    })
  })
  it('reads ZIP codes, putting back the leading zero a spreadsheet dropped', () => {
    expect(value(parseZip('2139'))).toBe('02139')
    expect(value(parseZip('02139-4307'))).toBe('02139')
    expect(parseZip('SW1A 1AA')).toMatchObject({ ok: false })
  })
  it('refuses control characters and over-long text', () => {
    expect(parseText('a\u0007b', 10)).toMatchObject({ ok: false })
    expect(parseText('x'.repeat(11), 10)).toMatchObject({ ok: false })
  })
})
