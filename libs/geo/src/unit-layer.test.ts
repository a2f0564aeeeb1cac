import { beforeAll, describe, expect, it } from 'vitest'
import { connectedComponents } from './adjacency.js'
import { createUnitLocator } from './locator.js'
import { buildUnitLayer } from './unit-layer.js'
import type { UnitLayer } from './unit-layer.js'
import { usCounties } from './us-counties.fixture.js'

describe('buildUnitLayer on us-atlas counties', () => {
  let layer: UnitLayer
  beforeAll(() => {
    layer = buildUnitLayer(usCounties, 'counties', {
      region: (id) => id.slice(0, 2),
    })
  })
  const unit = (id: string) => {
    const u = layer.units.find((x) => x.id === id)
    if (!u) throw new Error(`no unit ${id}`)
    return u
  }
  const edge = (a: string, b: string) =>
    layer.adjacency.filter((e) => e.a === a && e.b === b)

  it('has one unit per county, keyed by 5-digit FIPS with the state as region', () => {
    expect(layer.units).toHaveLength(3231)
    for (const u of layer.units) {
      expect(u.id).toMatch(/^\d{5}$/)
      expect(u.region).toBe(u.id.slice(0, 2))
    }
    expect(unit('06075').name).toBe('San Francisco')
  })

  it('finds San Francisco and San Mateo adjacent, once, with a plausible shared border', () => {
    expect(edge('06075', '06081')).toHaveLength(1)
    expect(edge('06081', '06075')).toHaveLength(0)
    const [sf] = edge('06075', '06081')
    expect(sf?.kind).toBe('border')
    expect(sf?.sharedBorderKm).toBeGreaterThan(7)
    expect(sf?.sharedBorderKm).toBeLessThan(14)
  })

  it('lists every pair once with a < b and no self-loops', () => {
    const keys = new Set(layer.adjacency.map((e) => `${e.a}|${e.b}`))
    expect(keys.size).toBe(layer.adjacency.length)
    const bad = layer.adjacency.filter(
      (e) =>
        !(e.a < e.b) ||
        (e.kind === 'proximity'
          ? e.sharedBorderKm !== 0
          : !(e.sharedBorderKm > 0)),
    )
    expect(bad).toEqual([])
  })

  it('links islands by proximity: Nantucket to Dukes, Hawaii and Puerto Rico to the rest', () => {
    expect(edge('25007', '25019')).toEqual([
      { a: '25007', b: '25019', sharedBorderKm: 0, kind: 'proximity' },
    ])
    const proximity = layer.adjacency.filter((e) => e.kind === 'proximity')
    const touches = (prefix: string) =>
      proximity.some((e) => e.a.startsWith(prefix) !== e.b.startsWith(prefix))
    expect(touches('15')).toBe(true) // Hawaii
    expect(touches('72')).toBe(true) // Puerto Rico
    expect(touches('02')).toBe(true) // Alaska
    // Border edges alone leave islands apart; with proximity links the graph is connected.
    const ids = layer.units.map((u) => u.id)
    const borders = layer.adjacency.filter((e) => e.kind === 'border')
    expect(connectedComponents(ids, borders).length).toBeGreaterThan(10)
    expect(connectedComponents(ids, layer.adjacency)).toHaveLength(1)
  })

  it('measures Cook County (IL) and Sedgwick County (KS) plausibly', () => {
    // Census land area: Cook 2,448 km², Sedgwick 2,600 km² (a ~52 × 48 km rectangle).
    expect(unit('17031').areaKm2).toBeGreaterThan(2448 * 0.95)
    expect(unit('17031').areaKm2).toBeLessThan(2448 * 1.05)
    expect(unit('20173').areaKm2).toBeGreaterThan(2600 * 0.95)
    expect(unit('20173').areaKm2).toBeLessThan(2600 * 1.05)
    expect(unit('20173').perimeterKm).toBeGreaterThan(190)
    expect(unit('20173').perimeterKm).toBeLessThan(230)
    // Isoperimetric inequality: no shape beats a circle.
    const tooShort = layer.units.filter(
      (u) => u.perimeterKm < 2 * Math.sqrt(Math.PI * u.areaKm2) * 0.99,
    )
    expect(tooShort).toEqual([])
  })

  it('puts centroids inside compact counties and the Aleutians near the antimeridian, not at 0°', () => {
    const locate = createUnitLocator(usCounties, 'counties')
    for (const id of ['17031', '20173', '06075', '48201']) {
      const [lon, lat] = unit(id).centroid
      expect(locate(lon, lat)).toBe(id)
    }
    const [lon] = unit('02016').centroid
    expect(Math.abs(lon)).toBeGreaterThan(160)
  })
})
