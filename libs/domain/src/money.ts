import { z } from 'zod'
import type { TerritoryRecord } from './model.js'

/** An ISO 4217 code, e.g. `EUR`. */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR')
export const DistanceUnit = z.enum(['km', 'mi'])
export type DistanceUnit = z.infer<typeof DistanceUnit>

export const KM_PER_MILE = 1.609344

/**
 * An organization's money and distances: amounts are stored in `base`; `rates` are what
 * an admin set, units of each other currency per one unit of base (GBP 0.86 per EUR).
 */
export interface CurrencySettings {
  base: string
  distanceUnit: DistanceUnit
  rates: Readonly<Record<string, number>>
}

/** How a territory's figures are shown: its region's currency and distance unit. */
export interface RegionUnits {
  currency: string
  distanceUnit: DistanceUnit
  /** Units of `currency` per unit of the base currency (1 for the base itself). */
  rate: number
}

/**
 * The currency and distance unit a territory's numbers are shown in: the nearest record up
 * its parent chain (itself, its district, its region) that sets them, else the
 * organization's. A currency without a rate falls back to the base currency, so no number
 * is ever shown converted by a rate nobody set.
 */
export function unitsFor(
  territoryId: string | null | undefined,
  territories: ReadonlyMap<string, TerritoryRecord>,
  settings: CurrencySettings,
): RegionUnits {
  let currency: string | undefined
  let distanceUnit: DistanceUnit | undefined
  const seen = new Set<string>()
  let id = territoryId ?? null
  while (id && !seen.has(id) && (!currency || !distanceUnit)) {
    seen.add(id)
    const t = territories.get(id)
    if (!t) break
    currency ??= t.currency
    distanceUnit ??= t.distanceUnit
    id = t.parentId
  }
  const rate =
    !currency || currency === settings.base
      ? 1
      : (settings.rates[currency] ?? Number.NaN)
  return Number.isFinite(rate) && rate > 0
    ? {
        currency: currency ?? settings.base,
        distanceUnit: distanceUnit ?? settings.distanceUnit,
        rate,
      }
    : {
        currency: settings.base,
        distanceUnit: distanceUnit ?? settings.distanceUnit,
        rate: 1,
      }
}

/** A distance in kilometres in the given unit. */
export function fromKm(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? km / KM_PER_MILE : km
}
