import { describe, expect, it } from 'vitest'
import { records, reps, score } from './report-fixtures'
import {
  repTable,
  reportCsv,
  reportFileName,
  territoryTable,
} from './report-csv'
import { repRows, territoryRows } from './report-rows'

const scores = [
  score('t-sea', { utilization: null, capacityMinutes: null, travelKm: null }),
  score('t-la', { units: 0, deviations: { potential: -0.25, accounts: 0.04 } }),
  score('t-ny', { inBand: true }),
]
const territories = territoryRows(records, reps, scores)

describe('territoryTable', () => {
  it('has a column per balanced metric and plain numbers in the cells', () => {
    const t = territoryTable(territories, ['potential', 'accounts'])
    expect(t.header.slice(0, 4)).toEqual([
      'Territory',
      'Region',
      'Rep',
      'Units',
    ])
    expect(t.header).toContain('Deviation potential (%)')
    expect(t.header).toContain('Deviation accounts (%)')
    expect(t.rows).toHaveLength(4)
    const cell = (row: number, column: string) =>
      t.rows[row]![t.header.indexOf(column)]
    // New York: every number there.
    expect(t.rows[0]!.slice(0, 7)).toEqual([
      'New York',
      'East',
      'Bob',
      10,
      100,
      1_000_000,
      400_000,
    ])
    expect(cell(0, 'Workload (h/week)')).toBe(30)
    expect(cell(0, 'Capacity (h/week)')).toBe(40)
    expect(cell(0, 'Utilisation (%)')).toBe(75)
    expect(cell(0, 'Travel (km)')).toBe(42)
    expect(cell(0, 'Compactness (%)')).toBe(31.4)
    expect(cell(0, 'Deviation potential (%)')).toBe(11.1)
    expect(cell(0, 'In band')).toBe('yes')
    // Los Angeles is empty (no compactness) and under target.
    expect(cell(1, 'Compactness (%)')).toBeNull()
    expect(cell(1, 'Deviation potential (%)')).toBe(-25)
    expect(cell(1, 'Deviation accounts (%)')).toBe(4)
    // Seattle has no rep capacity and no travel.
    expect(cell(2, 'Utilisation (%)')).toBeNull()
    expect(cell(2, 'Travel (km)')).toBeNull()
    // Anywhere has not been scored: names only.
    expect(t.rows[3]!.slice(3).every((c) => c === null || c === 'no')).toBe(
      true,
    )
  })
})

describe('repTable', () => {
  it('lists every rep with their territories in one cell', () => {
    const t = repTable(repRows(records, reps, territories))
    expect(t.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Ann', 'Portland, OR', 'Los Angeles; Seattle'],
      ['Bob', 'Newark', 'New York'],
      ['Cy', 'Springfield', ''],
    ])
    expect(t.rows[2]!.at(-1)).toBeNull()
  })
})

describe('reportCsv', () => {
  it('writes the two tables one under the other, each with its header, quoted as needed', () => {
    const csv = reportCsv(territories, repRows(records, reps, territories), [
      'potential',
    ])
    const [first, second] = csv.split('\r\n\r\n')
    const territoryLines = first!.split('\r\n')
    expect(territoryLines[0]).toMatch(/^Territory,Region,Rep,Units,/)
    expect(territoryLines).toHaveLength(1 + 4)
    const repLines = second!.trimEnd().split('\r\n')
    expect(repLines[0]).toMatch(/^Rep,Home city,Territories,/)
    expect(repLines).toHaveLength(1 + 3)
    // A comma in a cell is quoted.
    expect(repLines[1]).toMatch(/^Ann,"Portland, OR",Los Angeles; Seattle,/)
  })
})

describe('reportFileName', () => {
  it('makes a safe, readable file name', () => {
    expect(reportFileName('FY27 Plan', 'Draft: West/East ✓')).toBe(
      'fy27-plan-draft-westeast-report.csv',
    )
    expect(reportFileName('', '✓')).toBe('plan-report.csv')
  })
})
