import { describe, expect, it } from 'vitest'
import { records, reps, score } from './report-fixtures'
import { repRows, territoryRows, territoryTotals } from './report-rows'

const scores = [
  score('t-sea', { units: 4, accounts: 40, workloadMinutes: 1_200 }),
  score('t-la', { units: 6, accounts: 60, workloadMinutes: 1_800 }),
  score('t-ny'),
]

describe('territoryRows', () => {
  it('lists territories only, by region then name, with their region through districts', () => {
    const rows = territoryRows(records, reps, scores)
    expect(rows.map((r) => [r.name, r.regionName, r.repName])).toEqual([
      ['New York', 'East', 'Bob'],
      ['Los Angeles', 'West', 'Ann'],
      ['Seattle', 'West', 'Ann'],
      // No region, and a rep the organization no longer has.
      ['Anywhere', null, null],
    ])
    expect(rows[0]!.score?.territoryId).toBe('t-ny')
    expect(rows[3]!.score).toBeNull()
  })

  it('survives a parent cycle', () => {
    const looped = [
      { ...records[0]!, kind: 'district' as const, parentId: 'coast' },
      ...records.slice(1),
    ]
    const rows = territoryRows(looped, reps, scores)
    expect(rows.find((r) => r.id === 't-sea')!.regionName).toBeNull()
  })
})

describe('repRows', () => {
  it('adds up each rep’s territories and lists reps without one', () => {
    const rows = repRows(records, reps, territoryRows(records, reps, scores))
    expect(rows.map((r) => r.name)).toEqual(['Ann', 'Bob', 'Cy'])
    const [ann, bob, cy] = rows
    expect(ann).toMatchObject({
      homeCity: 'Portland, OR',
      territories: ['Los Angeles', 'Seattle'],
      units: 10,
      accounts: 100,
      potential: 2_000_000,
      workloadMinutes: 3_000,
      capacityMinutes: 2_400,
      utilization: 1.25,
    })
    expect(bob!.territories).toEqual(['New York'])
    expect(bob!.utilization).toBe(0.75)
    // No territory and no capacity: zeros, and no utilisation to speak of.
    expect(cy).toMatchObject({
      territories: [],
      accounts: 0,
      utilization: null,
    })
  })
})

describe('territoryTotals', () => {
  it('sums the scored rows', () => {
    const totals = territoryTotals(territoryRows(records, reps, scores))
    expect(totals).toEqual({
      units: 20,
      accounts: 200,
      potential: 3_000_000,
      sales: 1_200_000,
      workloadMinutes: 4_800,
      disruptedAccounts: 9,
    })
  })
})
