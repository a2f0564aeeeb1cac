import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { TerritoryRecord } from '@tessera/domain'
import { LiveTerritoryTotals } from './live-territory-totals.js'
import {
  type OverriddenAccount,
  type TerritoryTotals,
  territoryTotals,
  type UnitTotals,
} from './territory-totals.js'

const UNITS = 16
const ACCOUNTS = 10
/** Territory ids edits pick from: t0–t5 may exist, `gone` never does. */
const IDS = ['t0', 't1', 't2', 't3', 't4', 't5', 'gone']

const territory = (
  id: string,
  kind: TerritoryRecord['kind'] = 'territory',
): TerritoryRecord => ({
  id,
  name: id,
  color: '#000000',
  kind,
  parentId: null,
  repId: null,
  locked: false,
})

// Figures with fractions, zeros and negatives, so sums round and cancel.
const figure = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -50, max: 500 }),
  fc.double({ min: -100, max: 1e6, noNaN: true }),
)
const unitRow = fc.record({
  unitId: fc.nat(UNITS - 1).map((i) => `u${i}`),
  accounts: fc.nat(5),
  potential: figure,
  revenue: figure,
  workloadMinutes: figure,
})
const overriddenAccount = fc.record({
  accountId: fc.nat(ACCOUNTS - 1).map((i) => `a${i}`),
  unitId: fc.option(
    fc.nat(UNITS).map((i) => `u${i}`),
    { nil: null },
  ),
  potential: figure,
  revenue: figure,
  workloadMinutes: figure,
})
const owner = fc.option(fc.constantFrom(...IDS), { nil: undefined })
const edit = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      unit: fc.nat(UNITS - 1),
      to: owner,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      account: fc.nat(ACCOUNTS - 1),
      to: owner,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('territories' as const),
      ids: fc.subarray(IDS.slice(0, 6)),
      region: fc.constantFrom(...IDS.slice(0, 6)),
    }),
  },
)
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never

const initial = fc.record({
  assignments: fc.dictionary(
    fc.nat(UNITS - 1).map((i) => `u${i}`),
    fc.constantFrom(...IDS),
  ),
  accountOverrides: fc.dictionary(
    fc.nat(ACCOUNTS - 1).map((i) => `a${i}`),
    fc.constantFrom(...IDS),
  ),
})

interface Plan {
  territories: TerritoryRecord[]
  assignments: Record<string, string>
  accountOverrides: Record<string, string>
}

/** `plan` after `e`, as a new plan (records copied, as the web app's are never mutated). */
function applyEdit(
  plan: Plan,
  e: Edit,
  changed: { units: Set<string>; accounts: Set<string> },
): Plan {
  const set = (r: Record<string, string>, k: string, v: string | undefined) => {
    const next = { ...r }
    if (v === undefined) delete next[k]
    else next[k] = v
    return next
  }
  if (e.kind === 'assign') {
    changed.units.add(`u${e.unit}`)
    return {
      ...plan,
      assignments: set(plan.assignments, `u${e.unit}`, e.to),
    }
  }
  if (e.kind === 'override') {
    changed.accounts.add(`a${e.account}`)
    return {
      ...plan,
      accountOverrides: set(plan.accountOverrides, `a${e.account}`, e.to),
    }
  }
  return {
    ...plan,
    territories: e.ids.map((id) =>
      territory(id, id === e.region ? 'region' : 'territory'),
    ),
  }
}

function expectSame(
  live: ReturnType<LiveTerritoryTotals['totals']>,
  full: ReturnType<typeof territoryTotals>,
) {
  expect([...live.byTerritory.keys()]).toEqual([...full.byTerritory.keys()])
  const close = (a: TerritoryTotals, b: TerritoryTotals) => {
    expect(a.territoryId).toBe(b.territoryId)
    expect(a.units).toBe(b.units)
    expect(a.accounts).toBe(b.accounts)
    for (const f of ['potential', 'revenue', 'workloadMinutes'] as const) {
      // Summed in another order: equal up to rounding, and exactly 0 when nothing is left.
      expect(Math.abs(a[f] - b[f])).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(b[f])),
      )
      if (b[f] === 0 && a[f] !== 0) expect(Math.abs(a[f])).toBeLessThan(1e-6)
    }
  }
  for (const [id, row] of full.byTerritory)
    close(live.byTerritory.get(id)!, row)
  close(live.unassigned, full.unassigned)
}

describe('LiveTerritoryTotals', () => {
  it('matches territoryTotals after every random edit, one update per edit or per batch', () => {
    fc.assert(
      fc.property(
        fc.array(unitRow, { maxLength: 20 }),
        fc.array(overriddenAccount, { maxLength: 12 }),
        initial,
        fc.array(edit, { minLength: 1, maxLength: 80 }),
        fc.nat(4),
        (units, overridden, start, edits, batch) => {
          let plan: Plan = {
            territories: IDS.slice(0, 4).map((id) => territory(id)),
            ...start,
          }
          const live = new LiveTerritoryTotals(units, overridden, plan)
          expectSame(
            live.totals(plan.territories),
            territoryTotals(plan, units, overridden),
          )
          let changed = {
            units: new Set<string>(),
            accounts: new Set<string>(),
          }
          edits.forEach((e, i) => {
            plan = applyEdit(plan, e, changed)
            // Several edits may reach the list as one (a deferred render skipped some).
            if (i % (batch + 1) !== batch && i !== edits.length - 1) return
            live.update(plan, changed)
            changed = { units: new Set(), accounts: new Set() }
            expectSame(
              live.totals(plan.territories),
              territoryTotals(plan, units, overridden),
            )
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('ignores keys that did not change, and units or accounts it has no figures for', () => {
    const units: UnitTotals[] = [
      {
        unitId: 'u1',
        accounts: 2,
        potential: 0.1,
        revenue: 3,
        workloadMinutes: 1,
      },
    ]
    const overridden: OverriddenAccount[] = [
      {
        accountId: 'a1',
        unitId: 'u1',
        potential: 0.1,
        revenue: 1,
        workloadMinutes: 1,
      },
    ]
    const territories = [territory('n'), territory('s')]
    const plan = {
      territories,
      assignments: { u1: 'n', u2: 's' },
      accountOverrides: { a1: 's' },
    }
    const live = new LiveTerritoryTotals(units, overridden, plan)
    const next = {
      territories,
      assignments: { u1: 'n', u2: 'n', u3: 's' },
      accountOverrides: { a1: 's', a7: 'n' },
    }
    live.update(next, {
      units: ['u1', 'u2', 'u3', 'u9'],
      accounts: ['a1', 'a7'],
    })
    expectSame(
      live.totals(territories),
      territoryTotals(next, units, overridden),
    )
  })

  it('reads exactly 0 for figures whose terms all left, though they do not cancel exactly', () => {
    const units: UnitTotals[] = [
      {
        unitId: 'u1',
        accounts: 1,
        potential: 0.1,
        revenue: 0.7,
        workloadMinutes: 0.3,
      },
      {
        unitId: 'u2',
        accounts: 1,
        potential: 0.2,
        revenue: 0.1,
        workloadMinutes: 0.6,
      },
      {
        unitId: 'u3',
        accounts: 1,
        potential: 0.3,
        revenue: 0.2,
        workloadMinutes: 0.1,
      },
      // Stays: the territory keeps a unit, so its sums are not simply dropped.
      {
        unitId: 'u4',
        accounts: 0,
        potential: 0,
        revenue: 0,
        workloadMinutes: 0,
      },
    ]
    const territories = [territory('n'), territory('s')]
    let plan = {
      territories,
      assignments: { u1: 'n', u2: 'n', u3: 'n', u4: 'n' } as Record<
        string,
        string
      >,
    }
    const live = new LiveTerritoryTotals(units, [], plan)
    for (const u of ['u2', 'u1', 'u3']) {
      plan = { territories, assignments: { ...plan.assignments, [u]: 's' } }
      live.update(plan, { units: [u] })
    }
    expect(live.totals(territories).byTerritory.get('n')).toEqual({
      territoryId: 'n',
      units: 1,
      accounts: 0,
      potential: 0,
      revenue: 0,
      workloadMinutes: 0,
    })
  })
})
