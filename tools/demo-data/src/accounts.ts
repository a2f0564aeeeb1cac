import { cumulativeWeights, industries, sizeBands } from '@tessera/domain'
import type { Account, Industry, Rng, SizeBand } from '@tessera/domain'
import type { UnitLocator } from '@tessera/geo'
import type { PlacedCities } from './cities.js'
import { companyName } from './names.js'

/** Cities from this population up count as urban, below `TOWN` as rural (industry and size mix). */
const URBAN = 250_000
const TOWN = 50_000

// Weights in the order of `industries`:
// Healthcare, Manufacturing, Retail, Financial Services, Technology, Construction, Hospitality, Education, Logistics, Agriculture
const industryMix = {
  urban: cumulativeWeights([14, 9, 15, 12, 14, 9, 11, 6, 8, 2]),
  town: cumulativeWeights([14, 14, 16, 7, 6, 12, 9, 7, 9, 6]),
  rural: cumulativeWeights([11, 16, 14, 5, 3, 13, 6, 6, 9, 17]),
}
// small, mid, large, enterprise: mostly small businesses, more big ones in big cities.
const sizeMix = {
  urban: cumulativeWeights([55, 28, 13, 4]),
  town: cumulativeWeights([63, 25, 10, 2]),
  rural: cumulativeWeights([72, 21, 6, 1]),
}

/** Median annual revenue and lognormal spread per size band. */
const revenue: Record<SizeBand, { median: number; sigma: number }> = {
  small: { median: 1.2e6, sigma: 0.7 },
  mid: { median: 12e6, sigma: 0.5 },
  large: { median: 85e6, sigma: 0.5 },
  enterprise: { median: 650e6, sigma: 0.7 },
}

/**
 * Visit minutes a week an account of each band needs, averaged over the year (a small
 * account: one hour-long visit a quarter ≈ 5 min/week, less for the smallest). Calibrated so
 * the 25,000-account demo's total workload is about the 40 reps' capacity (≈ 100%).
 */
const workload: Record<SizeBand, [number, number]> = {
  small: [1, 3],
  mid: [3, 6],
  large: [7, 12],
  enterprise: [15, 30],
}

/** How much of a company's revenue turns into spend on our products, by industry. */
const industryAppetite: Record<Industry, number> = {
  Healthcare: 1.25,
  Manufacturing: 1.1,
  Retail: 0.9,
  'Financial Services': 1.4,
  Technology: 1.5,
  Construction: 0.75,
  Hospitality: 0.7,
  Education: 0.8,
  Logistics: 1,
  Agriculture: 0.6,
}

/** Tries before an account whose jittered point keeps landing at sea sits on its city centre. */
const MAX_DRAWS = 20

/**
 * `count` accounts around real cities, picked with probability proportional to population
 * and jittered by a gaussian whose spread grows with the city (≈2 km for a town, ≈13 km for
 * New York); a point outside every unit (at sea, abroad) is drawn again ({@link drawLocation}).
 * Industry and size mix lean to bigger, more technical companies in big cities.
 */
export function generateAccounts(
  count: number,
  cities: PlacedCities,
  locate: UnitLocator,
  rng: Rng,
): Account[] {
  const accounts: Account[] = new Array(count)
  const idWidth = Math.max(6, String(count).length)
  const extWidth = Math.max(7, String(count).length)
  for (let i = 0; i < count; i++) {
    const { city: c, lon, lat, unitId } = drawLocation(cities, locate, rng)
    const pop = cities.population[c] as number
    const mix = pop >= URBAN ? 'urban' : pop >= TOWN ? 'town' : 'rural'
    const industry = industries[rng.weighted(industryMix[mix])] as Industry
    const sizeBand = sizeBands[rng.weighted(sizeMix[mix])] as SizeBand
    const rev = revenue[sizeBand]
    const annualRevenue = roundTo(
      rev.median * Math.exp(rev.sigma * rng.normal()),
      1000,
    )
    const potential = roundTo(
      0.06 *
        annualRevenue ** 0.85 *
        industryAppetite[industry] *
        Math.exp(0.25 * rng.normal()),
      100,
    )
    const [lo, hi] = workload[sizeBand]
    const n = i + 1
    accounts[i] = {
      id: `acc_${String(n).padStart(idWidth, '0')}`,
      externalId: `CRM-${String(n).padStart(extWidth, '0')}`,
      name: companyName(rng, industry, cities.name[c] as string),
      industry,
      sizeBand,
      location: [lon, lat],
      unitId,
      annualRevenue,
      potential,
      workloadMinutes: roundTo(lo + (hi - lo) * rng.next(), 0.5),
    }
  }
  return accounts
}

/** A point around a city drawn by population, in some unit (see {@link generateAccounts}). */
export interface DrawnLocation {
  city: number
  lon: number
  lat: number
  unitId: string | null
}

/**
 * Picks a city with probability proportional to its population and jitters around it with
 * a gaussian whose spread grows with the city; redraws a point that lands outside every
 * unit, and after {@link MAX_DRAWS} misses uses the city centre (always inside a unit).
 */
export function drawLocation(
  cities: PlacedCities,
  locate: UnitLocator,
  rng: Rng,
): DrawnLocation {
  const c = rng.weighted(cities.cumulative)
  const pop = cities.population[c] as number
  const cityLon = cities.lon[c] as number
  const cityLat = cities.lat[c] as number
  const sigmaKm = 1.5 + 4 * Math.sqrt(pop / 1e6)
  const kmPerDegreeLon = 111.32 * Math.cos((cityLat * Math.PI) / 180)
  for (let k = 0; k < MAX_DRAWS; k++) {
    const dy = rng.normal() * sigmaKm
    const dx = rng.normal() * sigmaKm
    const lat = round5(cityLat + dy / 111.32)
    const lon = round5(cityLon + dx / kmPerDegreeLon)
    const unitId = locate(lon, lat)
    if (unitId !== null) return { city: c, lon, lat, unitId }
  }
  const lon = round5(cityLon)
  const lat = round5(cityLat)
  return { city: c, lon, lat, unitId: locate(lon, lat) }
}

/**
 * Expected accounts per unit, estimated from `samples` draws of {@link drawLocation}: what
 * territories are balanced against, independent of how many accounts are then generated.
 */
export function expectedAccountsByUnit(
  cities: PlacedCities,
  locate: UnitLocator,
  unitIndex: ReadonlyMap<string, number>,
  samples: number,
  rng: Rng,
): Float64Array {
  const weight = new Float64Array(unitIndex.size)
  for (let i = 0; i < samples; i++) {
    const { unitId } = drawLocation(cities, locate, rng)
    const u = unitId === null ? undefined : unitIndex.get(unitId)
    if (u !== undefined) weight[u] = (weight[u] as number) + 1
  }
  return weight
}

/** Rounds to 5 decimals (≈1 m): locations survive a JSON or database round trip unchanged. */
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5
}

function roundTo(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step)
}
