import { cumulativeWeights } from '@tessera/domain'
import type { UnitLocator } from '@tessera/geo'
import type { DemoCity } from './types.js'

/** The cities that fall inside a unit, as columns, with a population-weighted pick table. */
export interface PlacedCities {
  count: number
  name: string[]
  state: string[]
  lon: Float64Array
  lat: Float64Array
  population: Float64Array
  /** Index of the unit holding the city centre. */
  unit: Int32Array
  /**
   * 1 when the city's state agrees with its unit's (or either is unknown). A centre a few
   * hundred metres from a state line can fall on the wrong side of the simplified border;
   * such a city still draws accounts but does not name a territory.
   */
  inOwnState: Uint8Array
  /** Prefix sums of population, for `rng.weighted`. */
  cumulative: Float64Array
}

/**
 * Keeps the cities whose centre lies in some unit, in input order. A centre that the
 * simplified coastline leaves at sea (a few waterfront towns) is dropped, so every city
 * can serve as a fallback location that is known to be on land.
 */
export function placeCities(
  cities: readonly DemoCity[],
  locate: UnitLocator,
  unitIndex: ReadonlyMap<string, number>,
  unitState: (unit: number) => string | undefined,
): PlacedCities {
  const kept: { city: DemoCity; unit: number }[] = []
  for (const city of cities) {
    const lon = city.loc.coordinates[0]
    const lat = city.loc.coordinates[1]
    if (lon === undefined || lat === undefined || !(city.population > 0))
      continue
    const unitId = locate(lon, lat)
    const unit = unitId === null ? undefined : unitIndex.get(unitId)
    if (unit !== undefined) kept.push({ city, unit })
  }
  const population = Float64Array.from(kept, (k) => k.city.population)
  return {
    count: kept.length,
    name: kept.map((k) => k.city.name),
    state: kept.map((k) => k.city.adminCode),
    lon: Float64Array.from(kept, (k) => k.city.loc.coordinates[0] as number),
    lat: Float64Array.from(kept, (k) => k.city.loc.coordinates[1] as number),
    population,
    unit: Int32Array.from(kept, (k) => k.unit),
    cumulative: cumulativeWeights(population),
    inOwnState: Uint8Array.from(kept, (k) => {
      const expected = unitState(k.unit)
      return expected === undefined ||
        !k.city.adminCode ||
        expected === k.city.adminCode
        ? 1
        : 0
    }),
  }
}
