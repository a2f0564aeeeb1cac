import type { TerritoryScore } from '@tessera/engine'
import { describe, expect, it } from 'vitest'
import { nextSort, sortRows, type TableRow } from './territory-table'

function score(over: Partial<TerritoryScore>): TerritoryScore {
  return {
    territoryId: 'x',
    units: 3,
    accounts: 10,
    potential: 100,
    sales: 50,
    workloadMinutes: 600,
    forecast: 60,
    capacityMinutes: 1200,
    utilization: 0.5,
    travelKm: 40,
    travelLoad: 1,
    areaKm2: 10,
    perimeterKm: 12,
    polsbyPopper: 0.5,
    pieces: 1,
    contiguous: true,
    disruptedAccounts: 0,
    disruptedPotential: 0,
    targets: { potential: 100 },
    deviations: { potential: 0 },
    inBand: true,
    locked: false,
    ...over,
  }
}

const row = (name: string, s?: Partial<TerritoryScore>): TableRow => ({
  id: name,
  name,
  color: '#000000',
  repName: null,
  regionName: 'R',
  locked: false,
  score: s ? score({ territoryId: name, ...s }) : undefined,
})

describe('territory table sorting', () => {
  const rows = [
    row('West 10', {
      potential: 300,
      deviations: { potential: -0.4 },
      travelKm: null,
    }),
    row('West 2', {
      potential: 100,
      deviations: { potential: 0.1 },
      travelKm: 90,
    }),
    row('East', {
      potential: 200,
      deviations: { potential: 0.25 },
      travelKm: 20,
    }),
    row('Unscored'),
  ]
  const names = (r: TableRow[]) => r.map((x) => x.name)

  it('sorts names naturally both ways', () => {
    expect(names(sortRows(rows, 'name', 'asc', 'potential'))).toEqual([
      'East',
      'Unscored',
      'West 2',
      'West 10',
    ])
    expect(names(sortRows(rows, 'name', 'desc', 'potential'))[0]).toBe(
      'West 10',
    )
  })

  it('ranks deviation by size, either side of target, and puts rows without a value last', () => {
    expect(names(sortRows(rows, 'deviation', 'desc', 'potential'))).toEqual([
      'West 10',
      'East',
      'West 2',
      'Unscored',
    ])
    // Ascending keeps the missing values last too.
    expect(names(sortRows(rows, 'travel', 'asc', 'potential'))).toEqual([
      'East',
      'West 2',
      'Unscored',
      'West 10',
    ])
  })

  it('starts a new column at what needs attention and flips on a second click', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'potential')).toEqual({
      key: 'potential',
      direction: 'desc',
    })
    expect(nextSort({ key: 'name', direction: 'asc' }, 'compactness')).toEqual({
      key: 'compactness',
      direction: 'asc',
    })
    expect(
      nextSort({ key: 'potential', direction: 'desc' }, 'potential'),
    ).toEqual({
      key: 'potential',
      direction: 'asc',
    })
  })
})
