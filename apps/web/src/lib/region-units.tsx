import { useQuery } from '@tanstack/react-query'
import {
  type CurrencySettings,
  type RegionUnits,
  type TerritoryRecord,
  fromKm,
  unitsFor,
} from '@tessera/domain'
import { type ReactNode, createContext, useContext, useMemo } from 'react'
import {
  formatDecimal,
  formatMoney,
  formatWholeMoney,
  setDefaultCurrency,
} from './format'
import { useTRPC } from './trpc'

const DEFAULTS: CurrencySettings = {
  base: 'USD',
  distanceUnit: 'km',
  rates: {},
}

type MoneyFormat = (value: number, currency?: string) => string

export interface MoneyUnits {
  /** The currency every amount is stored in (totals across regions are shown in it). */
  base: string
  /** The organization's distance unit (totals across regions). */
  distanceUnit: 'km' | 'mi'
  /** The other currencies an admin has set a rate for (a region may be shown in one). */
  rated: readonly string[]
  /** The currency and distance unit a territory (or region) is shown in. */
  of: (territoryId: string | null | undefined) => RegionUnits
  /** An amount stored in the base currency, in the territory's currency: `£1.2M`. */
  money: (valueInBase: number, territoryId?: string | null) => string
  /** The same in whole units: `£1,234,567`. */
  whole: (valueInBase: number, territoryId?: string | null) => string
  /** Kilometres in the territory's unit, with the unit: `12.5 mi`. */
  distance: (km: number, territoryId?: string | null, digits?: number) => string
  /** Kilometres as a number in the territory's unit (for sorting and CSVs). */
  distanceValue: (km: number, territoryId?: string | null) => number
}

/**
 * Builds what `useMoneyUnits` hands out: each territory's figures in its region's currency,
 * converted from the stored base currency by the admin's rate (see `unitsFor`); a figure
 * that belongs to no one territory (a plan total) stays in the base currency.
 */
export function moneyUnits(
  settings: CurrencySettings,
  territories: Iterable<TerritoryRecord>,
): MoneyUnits {
  const byId = new Map<string, TerritoryRecord>()
  for (const t of territories) byId.set(t.id, t)
  const cache = new Map<string, RegionUnits>()
  const of = (id: string | null | undefined): RegionUnits => {
    const key = id ?? ''
    let u = cache.get(key)
    if (!u) cache.set(key, (u = unitsFor(id, byId, settings)))
    return u
  }
  const converted =
    (format: MoneyFormat) => (value: number, id?: string | null) => {
      const u = of(id)
      return format(value * u.rate, u.currency)
    }
  return {
    base: settings.base,
    distanceUnit: settings.distanceUnit,
    rated: Object.keys(settings.rates).sort(),
    of,
    money: converted(formatMoney),
    whole: converted(formatWholeMoney),
    distance: (km, id, digits = 0) => {
      const u = of(id)
      return `${formatDecimal(fromKm(km, u.distanceUnit), digits)}\u00a0${u.distanceUnit}`
    },
    distanceValue: (km, id) => fromKm(km, of(id).distanceUnit),
  }
}

const MoneyUnitsContext = createContext<MoneyUnits | null>(null)

/** The organization's currency settings, shared by every reader (one request a session). */
function useCurrencySettings(): CurrencySettings {
  const trpc = useTRPC()
  const { data } = useQuery({
    ...trpc.settings.currencies.queryOptions(),
    staleTime: 5 * 60_000,
  })
  return useMemo(() => {
    if (!data) return DEFAULTS
    // Figures formatted without a territory (and by code that predates regions' own
    // currencies) are in the base currency, not in dollars.
    setDefaultCurrency(data.base)
    return {
      base: data.base,
      distanceUnit: data.distanceUnit,
      rates: data.rates,
    }
  }, [data])
}

/** Gives everything below it each territory's currency and distance unit. */
export function MoneyUnitsProvider({
  territories,
  children,
}: {
  territories: readonly TerritoryRecord[] | undefined
  children: ReactNode
}) {
  const settings = useCurrencySettings()
  const value = useMemo(
    () => moneyUnits(settings, territories ?? []),
    [settings, territories],
  )
  return (
    <MoneyUnitsContext.Provider value={value}>
      {children}
    </MoneyUnitsContext.Provider>
  )
}

/** Outside any provider (a component rendered on its own): dollars and kilometres. */
const UNPROVIDED = moneyUnits(DEFAULTS, [])

/**
 * The currencies and distance units of the plan on screen (see `MoneyUnitsProvider`, which
 * the signed-in app is wrapped in).
 */
export function useMoneyUnits(): MoneyUnits {
  return useContext(MoneyUnitsContext) ?? UNPROVIDED
}
