import { describe, expect, it } from 'vitest'
import type { TerritoryRecord } from './model.js'
import { CurrencyCode, fromKm, unitsFor } from './money.js'

const record = (
  id: string,
  parentId: string | null,
  extra: Partial<TerritoryRecord> = {},
): TerritoryRecord => ({
  id,
  name: id,
  color: '#336699',
  kind: parentId ? 'territory' : 'region',
  parentId,
  repId: null,
  locked: false,
  ...extra,
})

describe('unitsFor', () => {
  const territories = new Map(
    [
      record('reg_uk', null, { currency: 'GBP', distanceUnit: 'mi' }),
      record('reg_nordics', null, { currency: 'SEK' }),
      record('reg_dach', null),
      record('ter_london', 'reg_uk'),
      record('ter_oslo', 'reg_nordics', { currency: 'NOK' }),
      record('ter_stockholm', 'reg_nordics'),
      record('ter_munich', 'reg_dach'),
      record('ter_loop', 'ter_loop2'),
      record('ter_loop2', 'ter_loop'),
    ].map((t) => [t.id, t]),
  )
  const settings = {
    base: 'EUR',
    distanceUnit: 'km' as const,
    rates: { GBP: 0.86, SEK: 11.2 },
  }

  it('takes the nearest currency and unit up the parent chain', () => {
    expect(unitsFor('ter_london', territories, settings)).toEqual({
      currency: 'GBP',
      distanceUnit: 'mi',
      rate: 0.86,
    })
    expect(unitsFor('ter_stockholm', territories, settings)).toEqual({
      currency: 'SEK',
      distanceUnit: 'km',
      rate: 11.2,
    })
  })

  it('falls back to the organization, and to the base currency where no rate is set', () => {
    expect(unitsFor('ter_munich', territories, settings)).toEqual({
      currency: 'EUR',
      distanceUnit: 'km',
      rate: 1,
    })
    // NOK has no rate: shown in euros, never converted by a guess.
    expect(unitsFor('ter_oslo', territories, settings).currency).toBe('EUR')
    expect(unitsFor(null, territories, settings).rate).toBe(1)
    expect(unitsFor('ter_loop', territories, settings).currency).toBe('EUR')
  })

  it('converts kilometres to miles and reads currency codes', () => {
    expect(fromKm(1.609344, 'mi')).toBeCloseTo(1)
    expect(fromKm(5, 'km')).toBe(5)
    expect(CurrencyCode.parse(' gbp ')).toBe('GBP')
    expect(CurrencyCode.safeParse('pounds').success).toBe(false)
  })
})
