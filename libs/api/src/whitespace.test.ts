import { describe, expect, it } from 'vitest'
import { whiteSpaceRanking } from './whitespace.js'

const stat = (
  unitId: string,
  accounts: number,
  active: number,
  potential: number,
  forecast: number,
) => ({
  unitId,
  accounts,
  activeAccounts: active,
  potential,
  forecast,
  sales: forecast * 0.9,
  revenue: 0,
  workloadMinutes: 0,
  topIndustry: null,
})

describe('whiteSpaceRanking', () => {
  it('ranks units and territories by potential the forecast leaves open, with coverage', () => {
    const r = whiteSpaceRanking(
      [
        stat('A', 10, 9, 100, 90),
        stat('B', 4, 1, 500, 50),
        stat('C', 2, 2, 50, 80), // forecast above potential: no white space
      ],
      {
        territories: [
          { id: 't1', name: 'North' },
          { id: 't2', name: 'South' },
        ] as never,
        assignments: { A: 't1', B: 't2', C: 't1' },
      },
      new Map([
        ['A', 'Alpha'],
        ['B', 'Beta'],
      ]),
    )
    expect(r.units.map((u) => [u.id, u.whiteSpace])).toEqual([
      ['B', 450],
      ['A', 10],
      ['C', 0],
    ])
    expect(r.units[0]).toMatchObject({
      name: 'Beta',
      territory: 'South',
      coverage: 0.25,
    })
    expect(r.territories.map((t) => [t.name, t.whiteSpace])).toEqual([
      ['South', 450],
      ['North', 10],
    ])
    expect(r.territories[1]!.coverage).toBeCloseTo(11 / 12)
  })
})
