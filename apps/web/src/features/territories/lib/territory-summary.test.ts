import type { Rep, TerritoryRecord } from '@tessera/domain'
import { LiveTerritoryTotals } from '@tessera/engine'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { patchRecord, trackRecord } from '../../../lib/plan-record'
import {
  type PlanSummary,
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

describe('summarizePlan while the plan is edited', () => {
  afterEach(() => vi.restoreAllMocks())

  const UNITS = 30
  const figure = fc.oneof(
    fc.constant(0),
    fc.double({ min: -10, max: 1e5, noNaN: true }),
  )
  const unitId = fc.nat(UNITS - 1).map((i) => `u${i}`)
  const owner = fc.option(
    fc.constantFrom('ter_10', 'ter_2', 'ter_3', 'ter_x', 'reg_w', 'ter_gone'),
    { nil: undefined },
  )
  const edit = fc.oneof(
    fc.record({
      kind: fc.constant('units' as const),
      moves: fc.array(fc.tuple(unitId, owner), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant('override' as const),
      account: fc.nat(5).map((i) => `a${i}`),
      to: owner,
    }),
    fc.record({
      kind: fc.constant('rename' as const),
      index: fc.nat(territories.length - 1),
    }),
  )
  // Figures rounded: the incremental sums differ from a fresh pass by rounding only.
  const rounded = (s: PlanSummary) =>
    JSON.parse(
      JSON.stringify(s, (_, v: unknown) =>
        typeof v === 'number' ? Math.round(v * 1e4) / 1e4 || 0 : v,
      ),
    ) as unknown

  it('gives what a fresh summary gives, following only the keys that changed', () => {
    const update = vi.spyOn(LiveTerritoryTotals.prototype, 'update')
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitId,
            accounts: fc.nat(4),
            potential: figure,
            revenue: figure,
            workloadMinutes: figure,
          }),
          { maxLength: 25 },
        ),
        fc.array(
          fc.record({
            accountId: fc.nat(5).map((i) => `a${i}`),
            unitId: fc.option(unitId, { nil: null }),
            potential: figure,
            revenue: figure,
            workloadMinutes: figure,
          }),
          { maxLength: 8 },
        ),
        fc.array(edit, { minLength: 1, maxLength: 40 }),
        fc.nat(3),
        (stats, accounts, edits, lag) => {
          update.mockClear()
          let terrs = territories
          let units: Readonly<Record<string, string>> = { ...assignments }
          let overrides: Readonly<Record<string, string>> = { a0: 'ter_3' }
          // As the live plan does after reading the document whole.
          trackRecord(units)
          trackRecord(overrides)
          const summarize = (fresh: boolean) =>
            fresh
              ? summarizePlan(terrs, reps, { ...units }, [...stats], {
                  accountOverrides: { ...overrides },
                  accounts,
                })
              : summarizePlan(terrs, reps, units, stats, {
                  accountOverrides: overrides,
                  accounts,
                })
          expect(rounded(summarize(false))).toEqual(rounded(summarize(true)))
          let summaries = 1
          edits.forEach((e, i) => {
            if (e.kind === 'units') {
              const to = new Map(e.moves)
              units = patchRecord(units, new Set(to.keys()), (k) => to.get(k))
            } else if (e.kind === 'override') {
              overrides = patchRecord(
                overrides,
                new Set([e.account]),
                () => e.to,
              )
            } else {
              terrs = terrs.map((t, j) =>
                j === e.index ? { ...t, name: `${t.name}′` } : t,
              )
            }
            // The side panel renders a deferred copy: it may skip a version or a few.
            if (i % (lag + 1) !== lag && i !== edits.length - 1) return
            summaries++
            expect(rounded(summarize(false))).toEqual(rounded(summarize(true)))
          })
          // Every summary after the first followed the edits (the fresh ones never do).
          expect(update).toHaveBeenCalledTimes(summaries - 1)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('sums afresh when the plan was not patched from the last one', () => {
    const update = vi.spyOn(LiveTerritoryTotals.prototype, 'update')
    const base = { ...assignments }
    trackRecord(base)
    summarizePlan(territories, reps, base, stats)
    const reread = { ...assignments, u1: 'ter_3' }
    const summary = summarizePlan(territories, reps, reread, stats)
    expect(update).not.toHaveBeenCalled()
    expect(
      summary.regions
        .flatMap((r) => r.territories)
        .find((t) => t.id === 'ter_3'),
    ).toMatchObject({ units: 2, accounts: 17 })
  })
})
