import { territoryColor } from '@tessera/domain'
import type { Rep, TerritoryRecord, Unit, UnitAdjacency } from '@tessera/domain'
import {
  type UnitLocator,
  buildUnitLayer,
  createUnitLocator,
} from '@tessera/geo'
import { expectedAccountsByUnit, generateAccounts } from './accounts.js'
import { type PlacedCities, placeCities } from './cities.js'
import { monthsEndingAt } from './months.js'
import {
  type DemoRegion,
  demoRegions,
  statePostalCodes,
  unitRegions,
} from './regions.js'
import { generateReps } from './reps.js'
import type { RepHome } from './reps.js'
import { generateSales } from './sales.js'
import { streamRng, streams } from './streams.js'
import {
  growTerritories,
  neighbourLists,
  territoriesPerRegion,
} from './territories.js'
import { DEFAULT_ACCOUNT_COUNT } from './types.js'
import type { DemoDataset, DemoInput } from './types.js'

export const TERRITORY_COUNT = 40
/** No region has fewer territories than this, however small its market. */
export const MIN_TERRITORIES_PER_REGION = 3
export const SALES_HISTORY_MONTHS = 24
/** Sample points behind the account density that territories are grown against. */
const DENSITY_SAMPLES = 40_000

/**
 * The demo dataset: US counties, 8 regions of 40 deliberately unbalanced territories (sized
 * by market), one
 * rep per territory, accounts around real cities and their monthly sales. A pure function
 * of its input: the same topology, cities, seed, count and month give byte-identical output.
 */
export function generateDemoData(input: DemoInput): DemoDataset {
  const accountCount = input.accounts ?? DEFAULT_ACCOUNT_COUNT
  if (!Number.isInteger(accountCount) || accountCount < 0)
    throw new RangeError(
      `accounts must be a non-negative integer, got ${accountCount}`,
    )
  const months = monthsEndingAt(input.asOfMonth, SALES_HISTORY_MONTHS)

  const { units, adjacency } = buildUnitLayer(input.topology, 'counties', {
    region: (id) => id.slice(0, 2),
  })
  const locate = createUnitLocator(input.topology, 'counties')
  const unitIndex = new Map(units.map((u, i) => [u.id, i]))
  const cities = placeCities(
    input.cities,
    locate,
    unitIndex,
    (u) => statePostalCodes[(units[u] as Unit).region],
  )

  const { reps, territories, assignments } = designTerritories(
    units,
    adjacency,
    locate,
    unitIndex,
    cities,
    demoRegions,
    input.seed,
  )

  const accounts = generateAccounts(
    accountCount,
    cities,
    locate,
    streamRng(input.seed, streams.accounts),
  )
  const sales = generateSales(
    accounts,
    months,
    streamRng(input.seed, streams.sales),
  )

  return {
    seed: input.seed,
    layer: {
      id: 'lyr_us_counties',
      name: 'US counties',
      kind: 'us-counties',
      unitsObject: 'counties',
    },
    money: { base: 'USD', distanceUnit: 'mi', rates: {} },
    units,
    adjacency,
    reps,
    territories,
    assignments,
    accounts,
    sales,
  }
}

/**
 * The regions, territories (grown from the expected accounts, deliberately unbalanced),
 * reps living in their territory's biggest city, and the published alignment of a demo
 * over any unit layer: US counties or H3 cells.
 */
export function designTerritories(
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
  locate: UnitLocator,
  unitIndex: ReadonlyMap<string, number>,
  cities: PlacedCities,
  regions: readonly DemoRegion[],
  seed: number,
): {
  reps: Rep[]
  territories: TerritoryRecord[]
  assignments: Record<string, string>
} {
  const unitRegion = unitRegions(units, adjacency, regions)
  const territoryRng = streamRng(seed, streams.territories)
  const weights = expectedAccountsByUnit(
    cities,
    locate,
    unitIndex,
    DENSITY_SAMPLES,
    territoryRng,
  )
  const plan = growTerritories(
    units,
    adjacency,
    neighbourLists(units, adjacency),
    unitRegion,
    regions.length,
    territoriesPerRegion(
      unitRegion,
      weights,
      regions.length,
      TERRITORY_COUNT,
      MIN_TERRITORIES_PER_REGION,
    ),
    cities,
    weights,
    territoryRng,
  )

  const homes: RepHome[] = plan.territories.map((t) => {
    const seedUnit = units[t.seedUnit] as Unit
    return t.city >= 0
      ? {
          city: cities.name[t.city] as string,
          state: cities.state[t.city] as string,
          lon: cities.lon[t.city] as number,
          lat: cities.lat[t.city] as number,
        }
      : {
          city: seedUnit.name,
          state: '',
          lon: seedUnit.centroid[0],
          lat: seedUnit.centroid[1],
        }
  })
  const reps = generateReps(homes, streamRng(seed, streams.reps))

  const regionIds = regions.map((r) => `ter_reg_${r.key}`)
  const territoryIds = plan.territories.map(
    (_, i) => `ter_${String(i + 1).padStart(3, '0')}`,
  )
  // Name a territory after its seed city; disambiguate repeats ("Portland, OR" / "Portland, ME").
  const names = homes.map((h) => h.city)
  const territoryNames = homes.map((h, i) =>
    names.indexOf(h.city) !== names.lastIndexOf(h.city) && h.state
      ? `${h.city}, ${h.state}`
      : (names[i] as string),
  )
  const territories: TerritoryRecord[] = [
    ...regions.map((r, i) => ({
      id: regionIds[i] as string,
      name: r.name,
      color: territoryColor(plan.territories.length + i),
      kind: 'region' as const,
      parentId: null,
      repId: null,
      locked: false,
    })),
    ...plan.territories.map((t, i) => ({
      id: territoryIds[i] as string,
      name: territoryNames[i] as string,
      color: territoryColor(i),
      kind: 'territory' as const,
      parentId: regionIds[t.region] as string,
      repId: reps[i]?.id ?? null,
      locked: false,
    })),
  ]
  const assignments: Record<string, string> = {}
  units.forEach(
    (u, i) =>
      (assignments[u.id] = territoryIds[
        plan.unitTerritory[i] as number
      ] as string),
  )

  return { reps, territories, assignments }
}
