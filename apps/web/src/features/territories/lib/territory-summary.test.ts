import type { Rep, TerritoryRecord } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import {
  filterRegions,
  reuseUnchanged,
  summarizePlan,
} from './territory-summary'

const t = (
  id: string,
  name: string,
  kind: TerritoryRecord['kind'],
  parentId: string | null,
  repId: string | null = null,
) =>
  ({
    id,
    name,
    kind,
    parentId,
    repId,
    color: '#336699',
    locked: false,
  }) satisfies TerritoryRecord

const rep = (id: string, name: string): Rep => ({
  id,
  name,
  email: `${id}@example.com`,
  homeCity: 'Austin',
  home: [-97.7, 30.3],
  industries: [],
  products: [],
  experience: 3,
  weeklyCapacityMinutes: 2400,
})

const territories = [
  t('reg_w', 'West', 'region', null),
  t('reg_e', 'East', 'region', null),
  t('ter_10', 'Territory 10', 'territory', 'reg_w', 'rep_1'),
  t('ter_2', 'Territory 2', 'territory', 'reg_w'),
  t('ter_3', 'Boston', 'territory', 'reg_e', 'rep_2'),
  t('ter_x', 'Orphan', 'territory', 'reg_missing'),
]
const reps = [rep('rep_1', 'Ada Lovelace'), rep('rep_2', 'Grace Hopper')]
const assignments = {
  u1: 'ter_10',
  u2: 'ter_10',
  u3: 'ter_2',
  u4: 'ter_3',
  u5: 'ter_x',
}
const stats = [
  {
    unitId: 'u1',
    accounts: 10,
    potential: 1_000,
    revenue: 0,
    workloadMinutes: 0,
  },
  { unitId: 'u2', accounts: 5, potential: 500, revenue: 0, workloadMinutes: 0 },
  { unitId: 'u3', accounts: 1, potential: 50, revenue: 0, workloadMinutes: 0 },
  { unitId: 'u4', accounts: 7, potential: 700, revenue: 0, workloadMinutes: 0 },
  { unitId: 'u9', accounts: 3, potential: 300, revenue: 0, workloadMinutes: 0 },
]

describe('summarizePlan', () => {
  const summary = summarizePlan(territories, reps, assignments, stats)

  it('groups territories by region, regions and names in natural order, orphans last', () => {
    expect(summary.regions.map((r) => r.name)).toEqual([
      'East',
      'West',
      'Other',
    ])
    expect(summary.regions[1]?.territories.map((x) => x.name)).toEqual([
      'Territory 2',
      'Territory 10',
    ])
    expect(summary.territoryCount).toBe(4)
  })

  it('adds unit totals into territories and regions', () => {
    const west = summary.regions[1]
    const t10 = west?.territories.find((x) => x.id === 'ter_10')
    expect(t10).toMatchObject({
      accounts: 15,
      potential: 1_500,
      units: 2,
      repName: 'Ada Lovelace',
    })
    expect(west).toMatchObject({ accounts: 16, potential: 1_550 })
    expect(summary.accounts).toBe(23)
    expect(summary.unassignedAccounts).toBe(3)
  })

  it('filters by territory, rep or region name', () => {
    expect(
      filterRegions(summary.regions, 'grace').flatMap((r) =>
        r.territories.map((x) => x.id),
      ),
    ).toEqual(['ter_3'])
    expect(filterRegions(summary.regions, 'west')[0]?.territories).toHaveLength(
      2,
    )
    expect(filterRegions(summary.regions, 'nothing')).toEqual([])
    expect(filterRegions(summary.regions, '  ')).toHaveLength(3)
  })
})

describe('reuseUnchanged', () => {
  it('keeps the objects of territories whose numbers did not change', () => {
    const territories = [
      {
        id: 'a',
        name: 'A',
        color: '#111111',
        kind: 'territory' as const,
        parentId: null,
        repId: null,
        locked: false,
      },
      {
        id: 'b',
        name: 'B',
        color: '#222222',
        kind: 'territory' as const,
        parentId: null,
        repId: null,
        locked: false,
      },
    ]
    const stats = [
      {
        unitId: 'u1',
        accounts: 2,
        potential: 10,
        revenue: 0,
        workloadMinutes: 0,
      },
      {
        unitId: 'u2',
        accounts: 3,
        potential: 20,
        revenue: 0,
        workloadMinutes: 0,
      },
      {
        unitId: 'u3',
        accounts: 1,
        potential: 5,
        revenue: 0,
        workloadMinutes: 0,
      },
    ]
    const before = summarizePlan(
      territories,
      [],
      { u1: 'a', u2: 'b', u3: 'b' },
      stats,
    )
    const after = reuseUnchanged(
      summarizePlan(territories, [], { u1: 'a', u2: 'b', u3: 'a' }, stats),
      before,
    )
    const find = (s: typeof before, id: string) =>
      s.regions.flatMap((r) => r.territories).find((t) => t.id === id)
    expect(find(after, 'a')).not.toBe(find(before, 'a'))
    expect(find(after, 'b')).not.toBe(find(before, 'b'))
    const again = reuseUnchanged(
      summarizePlan(territories, [], { u1: 'a', u2: 'b', u3: 'a' }, stats),
      after,
    )
    expect(find(again, 'a')).toBe(find(after, 'a'))
    expect(find(again, 'b')).toBe(find(after, 'b'))
  })
})
