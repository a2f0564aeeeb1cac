import { useQuery } from '@tanstack/react-query'
import {
  type CurrencySettings,
  type RegionUnits,
  type TerritoryRecord,
  fromKm,
  unitsFor,
} from '@tessera/domain'
import { useMemo } from 'react'
import { formatDecimal, formatMoney } from './format'
import { useTRPC } from './trpc'

const DEFAULTS: CurrencySettings = {
  base: 'USD',
  distanceUnit: 'km',
  rates: {},
}

export interface MoneyUnits {
  base: string
  /** The currency and distance unit a territory (or region) is shown in. */
  of: (territoryId: string | null | undefined) => RegionUnits
  /** An amount stored in the base currency, shown in the territory's currency. */
  money: (valueInBase: number, territoryId?: string | null) => string
  /** Kilometres, shown in the territory's unit ("12.5 mi"). */
  distance: (km: number, territoryId?: string | null) => string
}

/**
 * The organization's currencies and distance units as the plan's territories use them:
 * each territory's figures in its region's currency, converted from the stored base
 * currency by the admin's rate (see `unitsFor`); totals stay in the base currency.
 */
export function useMoneyUnits(
  territories: readonly TerritoryRecord[],
): MoneyUnits {
  const trpc = useTRPC()
  const settings = useQuery({
    ...trpc.settings.currencies.queryOptions(),
    staleTime: 5 * 60_000,
  })
  const data = settings.data
  return useMemo(() => {
    const s: CurrencySettings = data
      ? { base: data.base, distanceUnit: data.distanceUnit, rates: data.rates }
      : DEFAULTS
    const byId = new Map(territories.map((t) => [t.id, t]))
    const cache = new Map<string, RegionUnits>()
    const of = (id: string | null | undefined): RegionUnits => {
      const key = id ?? ''
      let u = cache.get(key)
      if (!u) cache.set(key, (u = unitsFor(id, byId, s)))
      return u
    }
    return {
      base: s.base,
      of,
      money: (value, id) => {
        const u = of(id)
        return formatMoney(value * u.rate, u.currency)
      },
      distance: (km, id) => {
        const u = of(id)
        return `${formatDecimal(fromKm(km, u.distanceUnit))} ${u.distanceUnit}`
      },
    }
  }, [data, territories])
}
