import type { TerritoryRecord } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { formatMoney } from './format'
import { moneyUnits } from './region-units'

const record = (
  id: string,
  extra: Partial<TerritoryRecord> = {},
): TerritoryRecord => ({
  id,
  name: id,
  color: '#336699',
  kind: 'territory',
  parentId: null,
  repId: null,
  locked: false,
  ...extra,
})

const territories = [
  record('uk', { kind: 'region', currency: 'GBP', distanceUnit: 'mi' }),
  record('nordics', { kind: 'region', currency: 'SEK' }),
  record('london', { parentId: 'uk' }),
  record('oslo', { parentId: 'nordics' }),
  record('paris'),
]

describe('moneyUnits', () => {
  const units = moneyUnits(
    { base: 'EUR', distanceUnit: 'km', rates: { GBP: 0.86 } },
    territories,
  )

  it('shows a territory’s figures in its region’s currency, converted by the rate', () => {
    expect(units.money(1_000_000, 'london')).toBe(formatMoney(860_000, 'GBP'))
    expect(units.whole(100, 'london')).toMatch(/£86/)
    expect(units.money(1_000_000, 'paris')).toBe(formatMoney(1_000_000, 'EUR'))
  })

  it('keeps a region whose currency has no rate in the base currency', () => {
    expect(units.of('oslo')).toEqual({
      currency: 'EUR',
      distanceUnit: 'km',
      rate: 1,
    })
    expect(units.money(5, 'oslo')).toBe(formatMoney(5, 'EUR'))
  })

  it('gives plan totals (no territory) in the base currency and unit', () => {
    expect(units.money(5)).toBe(formatMoney(5, 'EUR'))
    expect(units.distance(10)).toBe('10\u00a0km')
  })

  it('converts distances to the region’s unit', () => {
    expect(units.distanceValue(1.609344, 'london')).toBeCloseTo(1)
    expect(units.distance(16.09344, 'london')).toBe('10\u00a0mi')
    expect(units.distance(16.09344, 'london', 1)).toBe('10\u00a0mi')
    expect(units.distance(10, 'paris')).toBe('10\u00a0km')
  })

  it('lists the currencies an admin has rated', () => {
    expect(units.rated).toEqual(['GBP'])
  })
})
