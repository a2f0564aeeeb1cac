import type { Rep } from '@tessera/domain'
import type { TerritoryScore } from '@tessera/engine'
import { record } from '../../../lib/test-records'

/** A territory's engine scores for tests: round numbers, changed where a test cares. */
export function score(
  territoryId: string,
  extra: Partial<TerritoryScore> = {},
): TerritoryScore {
  return {
    territoryId,
    units: 10,
    accounts: 100,
    potential: 1_000_000,
    sales: 400_000,
    workloadMinutes: 1_800,
    forecast: 500_000,
    capacityMinutes: 2_400,
    utilization: 0.75,
    travelKm: 42.4,
    travelLoad: 0,
    areaKm2: 1_000,
    perimeterKm: 200,
    polsbyPopper: 0.314,
    pieces: 1,
    contiguous: true,
    disruptedAccounts: 3,
    disruptedPotential: 30_000,
    targets: { potential: 900_000 },
    deviations: { potential: 0.1111 },
    inBand: false,
    locked: false,
    ...extra,
  }
}

export function rep(id: string, extra: Partial<Rep> = {}): Rep {
  return {
    id,
    name: id,
    email: `${id}@example.com`,
    homeCity: 'Springfield',
    home: [-90, 40],
    industries: [],
    products: [],
    experience: 3,
    weeklyCapacityMinutes: 2_400,
    ...extra,
  }
}

/**
 * Two regions (West with a district between it and its territories), three territories and
 * one without a region; reps Ann (two territories), Bob (one) and Cy (none).
 */
export const records = [
  record('west', { kind: 'region', name: 'West' }),
  record('east', { kind: 'region', name: 'East' }),
  record('coast', { kind: 'district', name: 'Coast', parentId: 'west' }),
  record('t-sea', { name: 'Seattle', parentId: 'coast', repId: 'ann' }),
  record('t-la', { name: 'Los Angeles', parentId: 'west', repId: 'ann' }),
  record('t-ny', { name: 'New York', parentId: 'east', repId: 'bob' }),
  record('t-x', { name: 'Anywhere', parentId: null, repId: 'ghost' }),
]

export const reps = [
  rep('cy', { name: 'Cy', weeklyCapacityMinutes: 0 }),
  rep('bob', { name: 'Bob', homeCity: 'Newark' }),
  rep('ann', { name: 'Ann', homeCity: 'Portland, OR' }),
]
