import { describe, expect, it } from 'vitest'
import type { TerritoryRecord } from '@tessera/domain'
import { territoryTotals } from './territory-totals.js'

const ter = (
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

describe('territoryTotals', () => {
  it('sums units into their territories and keeps strays apart', () => {
    const { byTerritory, unassigned } = territoryTotals(
      {
        territories: [ter('R', 'region'), ter('T1'), ter('T2')],
        assignments: { a: 'T1', b: 'T1', c: 'T2', d: 'gone' },
      },
      [
        {
          unitId: 'a',
          accounts: 2,
          potential: 10,
          revenue: 5,
          workloadMinutes: 30,
        },
        {
          unitId: 'b',
          accounts: 1,
          potential: 5,
          revenue: 1,
          workloadMinutes: 10,
        },
        {
          unitId: 'd',
          accounts: 4,
          potential: 1,
          revenue: 1,
          workloadMinutes: 1,
        },
        {
          unitId: 'z',
          accounts: 1,
          potential: 1,
          revenue: 1,
          workloadMinutes: 1,
        },
      ],
    )
    expect([...byTerritory.keys()]).toEqual(['T1', 'T2'])
    expect(byTerritory.get('T1')).toEqual({
      territoryId: 'T1',
      units: 2,
      accounts: 3,
      potential: 15,
      revenue: 6,
      workloadMinutes: 40,
    })
    expect(byTerritory.get('T2')).toMatchObject({ units: 1, accounts: 0 })
    expect(unassigned).toMatchObject({ units: 1, accounts: 5 })
  })
})

describe('territoryTotals with account overrides', () => {
  const plan = {
    territories: [
      {
        id: 'n',
        name: 'N',
        color: '#000000',
        kind: 'territory' as const,
        parentId: null,
        repId: null,
        locked: false,
      },
      {
        id: 's',
        name: 'S',
        color: '#000000',
        kind: 'territory' as const,
        parentId: null,
        repId: null,
        locked: false,
      },
    ],
    assignments: { u1: 'n', u2: 's' },
    accountOverrides: { a1: 's', a9: 'n', a3: 'n' },
  }
  const units = [
    {
      unitId: 'u1',
      accounts: 3,
      potential: 30,
      revenue: 300,
      workloadMinutes: 3,
    },
    {
      unitId: 'u2',
      accounts: 1,
      potential: 10,
      revenue: 100,
      workloadMinutes: 1,
    },
  ]
  it('moves overridden accounts to the override territory, and adds those in no unit', () => {
    const t = territoryTotals(plan, units, [
      {
        accountId: 'a1',
        unitId: 'u1',
        potential: 10,
        revenue: 100,
        workloadMinutes: 1,
      },
      // Already in its unit's territory: nothing moves.
      {
        accountId: 'a3',
        unitId: 'u1',
        potential: 10,
        revenue: 100,
        workloadMinutes: 1,
      },
      {
        accountId: 'a9',
        unitId: null,
        potential: 5,
        revenue: 50,
        workloadMinutes: 1,
      },
      // No override in the plan: ignored.
      {
        accountId: 'a4',
        unitId: 'u1',
        potential: 99,
        revenue: 99,
        workloadMinutes: 9,
      },
    ])
    expect(t.byTerritory.get('n')).toMatchObject({ accounts: 3, potential: 25 })
    expect(t.byTerritory.get('s')).toMatchObject({ accounts: 2, potential: 20 })
  })
})
