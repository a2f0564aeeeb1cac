import { describe, expect, it } from 'vitest'
import {
  type Alignment,
  type DiffAccount,
  alignmentCsv,
  canonicalAlignment,
  diffAlignments,
  diffCsv,
} from './alignment-diff.js'
import type { TerritoryRecord } from './model.js'

const territory = (id: string, repId: string | null): TerritoryRecord => ({
  id,
  name: id.toUpperCase(),
  color: '#336699',
  kind: 'territory',
  parentId: null,
  repId,
  locked: false,
})

const account = (
  id: string,
  unitId: string | null,
  potential: number,
): DiffAccount => ({
  id,
  externalId: `EXT-${id}`,
  name: `Account ${id}`,
  unitId,
  potential,
  workloadMinutes: potential / 10,
  sales12m: potential / 2,
})

const before: Alignment = {
  territories: [territory('west', 'rep_ana'), territory('east', 'rep_bo')],
  assignments: { u1: 'west', u2: 'west', u3: 'east' },
  accountOverrides: {},
}
const accounts = [
  account('a1', 'u1', 100),
  account('a2', 'u2', 40),
  account('a3', 'u3', 70),
  account('a4', 'u2', 10),
]

describe('diffAlignments', () => {
  it('finds moved units and accounts, and what each rep gains and loses', () => {
    const after: Alignment = {
      ...before,
      assignments: { u1: 'west', u2: 'east', u3: 'east' },
      // a4 stays west by override although its unit moved east.
      accountOverrides: { a4: 'west' },
    }
    const diff = diffAlignments(before, after, accounts)
    expect(diff.units).toEqual([{ unitId: 'u2', from: 'west', to: 'east' }])
    expect(diff.accounts.map((m) => [m.accountId, m.from, m.to])).toEqual([
      ['a2', 'west', 'east'],
    ])
    expect(diff.reps).toEqual([
      expect.objectContaining({
        repId: 'rep_ana',
        lost: [expect.objectContaining({ name: 'Account a2' })],
        gained: [],
        accountsDelta: -1,
        potentialDelta: -40,
        workloadMinutesDelta: -4,
      }),
      expect.objectContaining({
        repId: 'rep_bo',
        gained: [expect.objectContaining({ accountId: 'a2' })],
        accountsDelta: 1,
        potentialDelta: 40,
        sales12mDelta: 20,
        territoryIds: ['east'],
      }),
    ])
  })

  it('counts a territory handed to another rep as that rep’s gain, with no account moved', () => {
    const after: Alignment = {
      ...before,
      territories: [territory('west', 'rep_cy'), territory('east', 'rep_bo')],
    }
    const diff = diffAlignments(before, after, accounts)
    expect(diff.units).toEqual([])
    expect(diff.accounts).toEqual([])
    const byRep = new Map(diff.reps.map((r) => [r.repId, r]))
    expect(byRep.get('rep_cy')?.accountsDelta).toBe(3)
    expect(byRep.get('rep_ana')?.potentialDelta).toBe(-150)
    expect(byRep.has('rep_bo')).toBe(false)
  })

  it('sees nothing between an alignment and itself, and handles unassigned units', () => {
    expect(diffAlignments(before, before, accounts)).toEqual({
      units: [],
      accounts: [],
      reps: [],
    })
    const unassigned: Alignment = {
      ...before,
      assignments: { u1: 'west', u3: 'east' },
    }
    const diff = diffAlignments(before, unassigned, accounts)
    expect(diff.units).toEqual([{ unitId: 'u2', from: 'west', to: null }])
    expect(diff.reps.map((r) => [r.repId, r.accountsDelta])).toEqual([
      ['rep_ana', -2],
    ])
  })
})

describe('diffCsv', () => {
  it('writes one quoted, formula-safe row per moved account', () => {
    const after: Alignment = {
      ...before,
      assignments: { u1: 'east', u2: 'west', u3: 'east' },
    }
    const tricky = [
      { ...account('a1', 'u1', 100), name: '=HYPERLINK("x")' },
      account('a2', 'u2', 40),
    ]
    const diff = diffAlignments(before, after, tricky)
    const csv = diffCsv(diff, {
      territory: (id) => (id ? id.toUpperCase() : ''),
      rep: (id, side) =>
        id
          ? ((side === 'from' ? before : after).territories.find(
              (t) => t.id === id,
            )?.repId ?? '')
          : '',
    })
    expect(csv.split('\r\n')).toEqual([
      'account_external_id,account_name,from_territory,from_rep,to_territory,to_rep,potential,workload_minutes,sales_12m',
      `EXT-a1,"'=HYPERLINK(""x"")",WEST,rep_ana,EAST,rep_bo,100,10,50`,
      '',
    ])
  })
})

describe('canonicalAlignment', () => {
  const t = (id: string, name: string) =>
    ({
      id,
      name,
      kind: 'territory',
      parentId: null,
      repId: null,
      color: '#123456',
      locked: false,
    }) as unknown as TerritoryRecord
  it('is the same text for the same alignment in any key or list order', () => {
    const a = canonicalAlignment({
      territories: [t('t1', 'A'), t('t2', 'B')],
      assignments: { u1: 't1', u2: 't2' },
      accountOverrides: {},
    })
    const b = canonicalAlignment({
      territories: [t('t2', 'B'), t('t1', 'A')],
      assignments: { u2: 't2', u1: 't1' },
      accountOverrides: {},
    })
    expect(a).toBe(b)
  })
  it('differs when a unit, an override or a territory field changes', () => {
    const base = {
      territories: [t('t1', 'A'), t('t2', 'B')],
      assignments: { u1: 't1', u2: 't2' },
      accountOverrides: {} as Record<string, string>,
    }
    const text = canonicalAlignment(base)
    expect(
      canonicalAlignment({ ...base, assignments: { u1: 't2', u2: 't2' } }),
    ).not.toBe(text)
    expect(
      canonicalAlignment({ ...base, accountOverrides: { a1: 't1' } }),
    ).not.toBe(text)
    expect(
      canonicalAlignment({
        ...base,
        territories: [t('t1', 'A'), t('t2', 'C')],
      }),
    ).not.toBe(text)
  })
})

describe('alignmentCsv', () => {
  it('lists every account with its territory, owner and effective date, unowned ones too', () => {
    const csv = alignmentCsv(
      { assignments: { u1: 't1', u2: 't2' }, accountOverrides: { a3: 't1' } },
      [
        {
          id: 'a2',
          externalId: 'EXT-2',
          name: '=HYPERLINK("x")',
          unitId: 'u2',
        },
        { id: 'a1', externalId: 'EXT-1', name: 'Acme, Inc.', unitId: 'u1' },
        { id: 'a3', externalId: 'EXT-3', name: 'Moved by hand', unitId: 'u2' },
        { id: 'a4', externalId: 'EXT-4', name: 'Nowhere', unitId: null },
      ],
      [
        { id: 't1', name: 'West', repId: 'r1' },
        { id: 't2', name: 'East', repId: null },
      ],
      new Map([['r1', { name: 'Ana', email: 'ana@x.test' }]]),
      '2027-01-01',
    )
    expect(csv.split('\r\n')).toEqual([
      'account_external_id,account_name,territory_id,territory,owner_rep,owner_email,effective_date',
      'EXT-1,"Acme, Inc.",t1,West,Ana,ana@x.test,2027-01-01',
      `EXT-2,"'=HYPERLINK(""x"")",t2,East,,,2027-01-01`,
      'EXT-3,Moved by hand,t1,West,Ana,ana@x.test,2027-01-01',
      'EXT-4,Nowhere,,,,,2027-01-01',
      '',
    ])
  })
})
