import {
  Account,
  Rep,
  TerritoryRecord,
  Unit,
  industries,
  products,
} from '@tessera/domain'
import { connectedComponents, createUnitLocator } from '@tessera/geo'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from './generate.js'
import { loadDemoInputs } from './load-inputs.js'
import type { DemoInputs } from './load-inputs.js'
import { demoRegions, unitRegions } from './regions.js'
import { FULL_HISTORY_MAX_ACCOUNTS, THIN_MONTHS } from './sales.js'
import type { DemoDataset } from './types.js'

const ACCOUNTS = 5000

/** Typed arrays as plain arrays, so two datasets compare as strings byte for byte. */
function serialize(d: DemoDataset): string {
  return JSON.stringify(d, (_, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
  )
}

describe('generateDemoData', () => {
  let inputs: DemoInputs
  let data: DemoDataset
  beforeAll(() => {
    inputs = loadDemoInputs()
    data = generateDemoData({
      ...inputs,
      seed: 7,
      accounts: ACCOUNTS,
      asOfMonth: '2025-06',
    })
  })
  const territoriesOnly = () =>
    data.territories.filter((t) => t.kind === 'territory')
  const potentialBy = () => {
    const sums = new Map<string, { potential: number; accounts: number }>()
    for (const a of data.accounts) {
      const t = data.assignments[a.unitId as string] as string
      const s = sums.get(t) ?? { potential: 0, accounts: 0 }
      s.potential += a.potential
      s.accounts += 1
      sums.set(t, s)
    }
    return sums
  }

  it('is deterministic: the same seed and inputs give byte-identical output', () => {
    const again = generateDemoData({
      ...inputs,
      seed: 7,
      accounts: ACCOUNTS,
      asOfMonth: '2025-06',
    })
    expect(serialize(again)).toBe(serialize(data))
    const other = generateDemoData({
      ...inputs,
      seed: 8,
      accounts: ACCOUNTS,
      asOfMonth: '2025-06',
    })
    expect(serialize(other)).not.toBe(serialize(data))
  })

  it('has the expected counts and valid records', () => {
    expect(data.seed).toBe(7)
    expect(data.layer).toEqual({
      id: 'lyr_us_counties',
      name: 'US counties',
      kind: 'us-counties',
      unitsObject: 'counties',
    })
    expect(data.units).toHaveLength(3231)
    expect(data.reps).toHaveLength(40)
    expect(data.accounts).toHaveLength(ACCOUNTS)
    const regions = data.territories.filter((t) => t.kind === 'region')
    expect(regions).toHaveLength(8)
    expect(territoriesOnly()).toHaveLength(40)
    for (const u of data.units) Unit.parse(u)
    for (const r of data.reps) Rep.parse(r)
    for (const t of data.territories) TerritoryRecord.parse(t)
    for (const a of data.accounts) Account.parse(a)
    expect(new Set(data.territories.map((t) => t.id)).size).toBe(48)
    expect(new Set(data.territories.map((t) => t.color)).size).toBe(48)
  })

  it('sizes regions by market (3 to 7 territories) and gives each territory its own rep', () => {
    const regionIds = new Set(
      data.territories.filter((t) => t.kind === 'region').map((t) => t.id),
    )
    for (const r of data.territories.filter((t) => t.kind === 'region')) {
      expect(r.parentId).toBeNull()
      expect(r.repId).toBeNull()
      const count = territoriesOnly().filter((t) => t.parentId === r.id).length
      expect(count).toBeGreaterThanOrEqual(3)
      expect(count).toBeLessThanOrEqual(7)
    }
    const repIds = new Set(data.reps.map((r) => r.id))
    for (const t of territoriesOnly()) {
      expect(regionIds.has(t.parentId as string)).toBe(true)
      expect(repIds.has(t.repId as string)).toBe(true)
      expect(t.locked).toBe(false)
    }
    expect(new Set(territoriesOnly().map((t) => t.repId)).size).toBe(40)
  })

  it('assigns every unit to a territory', () => {
    const territoryIds = new Set(territoriesOnly().map((t) => t.id))
    expect(Object.keys(data.assignments).sort()).toEqual(
      data.units.map((u) => u.id).sort(),
    )
    for (const t of Object.values(data.assignments))
      expect(territoryIds.has(t)).toBe(true)
  })

  it('grows every territory contiguous (over border and proximity links) and inside its region', () => {
    const regionOf = unitRegions(data.units, data.adjacency, demoRegions)
    const unitIndex = new Map(data.units.map((u, i) => [u.id, i]))
    for (const t of territoriesOnly()) {
      const ids = Object.entries(data.assignments)
        .filter(([, territory]) => territory === t.id)
        .map(([unit]) => unit)
      expect(ids.length).toBeGreaterThanOrEqual(1)
      expect(connectedComponents(ids, data.adjacency)).toHaveLength(1)
      const regionKeys = new Set(
        ids.map(
          (id) =>
            demoRegions[regionOf[unitIndex.get(id) as number] as number]?.key,
        ),
      )
      expect([...regionKeys]).toEqual([
        (t.parentId as string).replace('ter_reg_', ''),
      ])
    }
    // Alaska, Hawaii and Puerto Rico are reachable, so they belong to some territory too.
    for (const id of ['02020', '15003', '72127'])
      expect(data.assignments[id]).toBeDefined()
  })

  it('is deliberately unbalanced: the richest territory has at least twice the potential of the poorest', () => {
    const sums = [...potentialBy().values()]
    expect(sums).toHaveLength(40)
    const potentials = sums.map((s) => s.potential)
    const accounts = sums.map((s) => s.accounts)
    expect(
      Math.max(...potentials) / Math.min(...potentials),
    ).toBeGreaterThanOrEqual(2)
    expect(
      Math.max(...accounts) / Math.min(...accounts),
    ).toBeGreaterThanOrEqual(2)
  })

  it('places every account on land in an existing unit, around real cities', () => {
    const unitIds = new Set(data.units.map((u) => u.id))
    const locate = createUnitLocator(inputs.topology, 'counties')
    const misplaced = data.accounts.filter(
      (a) =>
        !unitIds.has(a.unitId as string) ||
        locate(a.location[0], a.location[1]) !== a.unitId,
    )
    expect(misplaced).toEqual([])
    expect(data.accounts[0]?.id).toBe('acc_000001')
    expect(data.accounts[0]?.externalId).toBe('CRM-0000001')
    expect(new Set(data.accounts.map((a) => a.id)).size).toBe(ACCOUNTS)
    // Cook County (Chicago) is among the busiest counties.
    expect(
      data.accounts.filter((a) => a.unitId === '17031').length,
    ).toBeGreaterThan(ACCOUNTS / 100)
  })

  it('gives accounts believable attributes, skewed to small companies', () => {
    const bands = new Map<string, number>()
    const workload = {
      small: [1, 3],
      mid: [3, 6],
      large: [7, 12],
      enterprise: [15, 30],
    } as const
    const odd = data.accounts.filter((a) => {
      bands.set(a.sizeBand, (bands.get(a.sizeBand) ?? 0) + 1)
      const [lo, hi] = workload[a.sizeBand]
      return (
        !(industries as readonly string[]).includes(a.industry) ||
        a.name.length < 4 ||
        !(a.potential > 0) ||
        a.workloadMinutes < lo ||
        a.workloadMinutes > hi
      )
    })
    expect(odd).toEqual([])
    expect((bands.get('small') ?? 0) / ACCOUNTS).toBeGreaterThan(0.5)
    expect(bands.get('enterprise') ?? 0).toBeLessThan(bands.get('large') ?? 0)
    const median = (band: string) => {
      const xs = data.accounts
        .filter((a) => a.sizeBand === band)
        .map((a) => a.annualRevenue)
        .sort((x, y) => x - y)
      return xs[xs.length >> 1] as number
    }
    expect(median('small')).toBeLessThan(median('mid'))
    expect(median('large')).toBeLessThan(median('enterprise'))
    expect(new Set(data.accounts.map((a) => a.name)).size).toBeGreaterThan(
      ACCOUNTS / 2,
    )
  })

  it('makes 40 reps at real cities with unique names and demo emails', () => {
    expect(new Set(data.reps.map((r) => r.name)).size).toBe(40)
    for (const r of data.reps) {
      expect(r.name).toMatch(/^\S+ \S+$/)
      expect(r.email).toMatch(/^[a-z]+\.[a-z]+@demo\.tessera\.dev$/)
      expect(r.homeCity).toMatch(/^.+, [A-Z]{2}$/)
      expect(r.weeklyCapacityMinutes).toBeGreaterThanOrEqual(2000)
      expect(r.weeklyCapacityMinutes).toBeLessThanOrEqual(2600)
      expect(r.industries.length).toBeGreaterThanOrEqual(2)
      for (const p of r.products) expect(products).toContain(p)
    }
    // Each territory is named after its rep's home city.
    for (const t of territoriesOnly()) {
      const rep = data.reps.find((r) => r.id === t.repId) as Rep
      expect(rep.homeCity.startsWith(t.name.split(',')[0] as string)).toBe(true)
    }
  })

  it('records 24 months of sales per account with a Q4 peak and some zero months', () => {
    const { months, accountIndex, monthIndex, amount } = data.sales
    expect(months).toHaveLength(24)
    expect(months[0]).toBe('2023-07-01')
    expect(months[23]).toBe('2025-06-01')
    expect(amount.length).toBe(ACCOUNTS * 24)
    expect(accountIndex.length).toBe(amount.length)
    expect(monthIndex.length).toBe(amount.length)
    let zeros = 0
    let badRows = 0
    const byMonth = new Float64Array(24)
    for (let k = 0; k < amount.length; k++) {
      const x = amount[k] as number
      // Rows run account by account, month by month.
      if (
        accountIndex[k] !== Math.floor(k / 24) ||
        monthIndex[k] !== k % 24 ||
        !(x >= 0 && Number.isFinite(x))
      )
        badRows++
      if (x === 0) zeros++
      byMonth[k % 24] = (byMonth[k % 24] as number) + x
    }
    expect(badRows).toBe(0)
    expect(zeros).toBeGreaterThan(0)
    expect(zeros / amount.length).toBeLessThan(0.3)
    // 2024-12 (index 17) beats 2025-01 (index 18) and 2024-06 (index 11).
    expect(byMonth[17]).toBeGreaterThan(byMonth[18] as number)
    expect(byMonth[17]).toBeGreaterThan(byMonth[11] as number)
  })

  it(`thins the history to ${THIN_MONTHS} months above ${FULL_HISTORY_MAX_ACCOUNTS.toLocaleString('en-US')} accounts`, () => {
    const count = FULL_HISTORY_MAX_ACCOUNTS + 1
    const big = generateDemoData({
      ...inputs,
      seed: 7,
      accounts: count,
      asOfMonth: '2025-06-01',
    })
    expect(big.accounts).toHaveLength(count)
    expect(big.accounts[count - 1]?.id).toBe('acc_100001')
    expect(big.sales.months).toHaveLength(24)
    expect(big.sales.amount.length).toBe(count * THIN_MONTHS)
    expect(new Set(big.sales.monthIndex)).toEqual(new Set([21, 22, 23]))
    // Territories do not depend on the account count.
    expect(big.assignments).toEqual(data.assignments)
  })

  it('rejects a malformed month or account count', () => {
    expect(() =>
      generateDemoData({
        ...inputs,
        seed: 1,
        accounts: 10,
        asOfMonth: 'June 2025',
      }),
    ).toThrow(RangeError)
    expect(() =>
      generateDemoData({
        ...inputs,
        seed: 1,
        accounts: -1,
        asOfMonth: '2025-06',
      }),
    ).toThrow(RangeError)
  })
})
