import { Account, TerritoryRecord, Unit, unitsFor } from '@tessera/domain'
import { connectedComponents, createUnitLocator } from '@tessera/geo'
import { latLngToCell } from 'h3-js'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  EURO_COUNTRIES,
  EUROPE_COUNTRIES,
  EUROPE_LAYER_ID,
  europeRegions,
  generateEuropeDemo,
} from './europe.js'
import { type EuropeInputs, loadEuropeInputs } from './load-inputs.js'
// The shipped demo's seed: what a new user sees is what is checked.
import { DEMO_SEED } from './seed.js'
import type { DemoDataset } from './types.js'

const serialize = (d: DemoDataset) =>
  JSON.stringify(d, (_, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v,
  )

describe('generateEuropeDemo', () => {
  let inputs: EuropeInputs
  let data: DemoDataset
  beforeAll(() => {
    inputs = loadEuropeInputs(Object.keys(EUROPE_COUNTRIES))
    data = generateEuropeDemo({
      ...inputs,
      seed: DEMO_SEED,
      accounts: 6000,
      asOfMonth: '2026-10',
    })
  })

  it('is deterministic: the same inputs give the same dataset', () => {
    const again = generateEuropeDemo({
      ...inputs,
      seed: DEMO_SEED,
      accounts: 6000,
      asOfMonth: '2026-10',
    })
    expect(serialize(again)).toBe(serialize(data))
  })

  it('builds an H3 layer around the accounts, each account in the cell that holds it', () => {
    expect(data.layer).toMatchObject({
      id: EUROPE_LAYER_ID,
      kind: 'h3',
      unitsObject: 'cells',
    })
    expect(data.topology?.objects['cells']).toBeDefined()
    const resolution = Number(/resolution (\d+)/.exec(data.layer.name)?.[1])
    const ids = new Set(data.units.map((u) => u.id))
    for (const a of data.accounts) {
      Account.parse(a)
      expect(a.unitId).toBe(
        latLngToCell(a.location[1], a.location[0], resolution),
      )
      expect(ids.has(a.unitId as string)).toBe(true)
    }
    for (const u of data.units) Unit.parse(u)
    expect(
      connectedComponents(
        data.units.map((u) => u.id),
        data.adjacency,
      ),
    ).toHaveLength(1)
  })

  it('draws accounts on land around real cities in many countries, cells named after towns', () => {
    const countries = createUnitLocator(inputs.countries, 'countries')
    const seen = new Map<string, number>()
    for (const a of data.accounts) {
      const c = countries(a.location[0], a.location[1])
      expect(c).not.toBeNull()
      seen.set(c as string, (seen.get(c as string) ?? 0) + 1)
    }
    expect(seen.size).toBeGreaterThanOrEqual(20)
    // The biggest markets lead: Germany, the UK or France hold the most accounts.
    const top = [...seen.entries()].sort((x, y) => y[1] - x[1])[0]?.[0]
    expect(['276', '826', '250']).toContain(top)
    const paris = data.units.find(
      (u) =>
        u.id ===
        latLngToCell(
          48.8566,
          2.3522,
          Number(/resolution (\d+)/.exec(data.layer.name)?.[1]),
        ),
    )
    expect(paris?.name).toMatch(/Paris/)
  })

  it('has eight regions of 40 territories with reps living in several countries', () => {
    for (const t of data.territories) TerritoryRecord.parse(t)
    expect(data.territories.filter((t) => t.kind === 'region')).toHaveLength(
      europeRegions.length,
    )
    const territories = data.territories.filter((t) => t.kind === 'territory')
    expect(territories).toHaveLength(40)
    // Every cell has a territory.
    for (const u of data.units) expect(data.assignments[u.id]).toBeDefined()
    // Reps live in their territory's region's countries: at least six countries in all.
    const countries = createUnitLocator(inputs.countries, 'countries')
    const homes = new Set(data.reps.map((r) => countries(r.home[0], r.home[1])))
    expect(homes.size).toBeGreaterThanOrEqual(6)
    // Every cell's region is one of the demo's countries.
    const wanted = new Set(Object.values(EUROPE_COUNTRIES))
    for (const u of data.units) expect(wanted.has(u.region)).toBe(true)
  })

  it('shows each territory in its region’s money, and euro countries’ territories in euros', () => {
    const byId = new Map(data.territories.map((t) => [t.id, t]))
    const settings = { ...data.money }
    const countryOf = (territoryId: string) => {
      const counts = new Map<string, number>()
      for (const u of data.units)
        if (data.assignments[u.id] === territoryId)
          counts.set(u.region, (counts.get(u.region) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
    }
    const shown = data.territories
      .filter((t) => t.kind === 'territory')
      .map((t) => ({
        name: t.name,
        euro: EURO_COUNTRIES.has(countryOf(t.id) ?? ''),
        ...unitsFor(t.id, byId, settings),
      }))
    for (const t of shown.filter((x) => x.euro))
      expect({ name: t.name, currency: t.currency }).toEqual({
        name: t.name,
        currency: 'EUR',
      })
    // The UK in pounds and miles, the Nordics' non-euro countries in crowns.
    expect(shown.find((t) => t.name === 'London')).toMatchObject({
      currency: 'GBP',
      distanceUnit: 'mi',
    })
    expect(shown.find((t) => t.name === 'Stockholm')?.currency).toBe('SEK')
    expect(shown.some((t) => t.currency === 'PLN')).toBe(true)
  })
})
