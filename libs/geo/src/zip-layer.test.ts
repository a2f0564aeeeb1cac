import { createRng } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { connectedComponents } from './adjacency.js'
import { buildH3Layer } from './h3-layer.js'
import { createUnitLocator } from './locator.js'
import { buildUnitLayer } from './unit-layer.js'
import { usCounties } from './us-counties.fixture.js'
import { buildZipLayer } from './zip-layer.js'

// San Francisco (06075) and San Mateo (06081) counties, with a few real ZIP centroids.
const zips = [
  { zip: '94102', lat: 37.7793, lon: -122.4193 },
  { zip: '94110', lat: 37.7485, lon: -122.4156 },
  { zip: '94121', lat: 37.7786, lon: -122.4892 },
  { zip: '94014', lat: 37.6879, lon: -122.4702 },
  { zip: '94080', lat: 37.6547, lon: -122.4077 },
]

describe('buildZipLayer', () => {
  const county = createUnitLocator(usCounties, 'counties')
  const rng = createRng(3)
  const points = Array.from({ length: 3000 }, () => ({
    lon: -122.51 + 0.13 * rng.next(),
    lat: 37.64 + 0.16 * rng.next(),
  })).filter((p) => county(p.lon, p.lat) !== null)
  const hex = buildH3Layer(points, { resolution: 8 })
  const layer = buildZipLayer(hex, zips, {
    areaOf: county,
    region: () => '06',
    places: [
      {
        name: 'San Francisco',
        lon: -122.4194,
        lat: 37.7749,
        population: 870_000,
      },
      { name: 'Daly City', lon: -122.4702, lat: 37.6879, population: 104_000 },
    ],
  })

  it('makes one unit per ZIP used, named after a town inside', () => {
    expect(layer.units.map((u) => u.id)).toEqual([
      '94014',
      '94080',
      '94102',
      '94110',
      '94121',
    ])
    expect(layer.units.find((u) => u.id === '94014')?.name).toBe(
      '94014 Daly City',
    )
    const total = hex.units.reduce((s, c) => s + c.areaKm2, 0)
    const sum = layer.units.reduce((s, u) => s + u.areaKm2, 0)
    expect(sum).toBeCloseTo(total, 6)
    for (const u of layer.units) expect(u.region).toBe('06')
  })

  it('keeps every ZIP area inside its county, even where another county’s ZIP is nearer', () => {
    // Just south of the San Francisco line: 94110 is nearer, but this is San Mateo.
    const i = points.length
    const p = { lon: -122.405, lat: 37.7 }
    expect(county(p.lon, p.lat)).toBe('06081')
    const h = buildH3Layer([...points, p], { resolution: 8 })
    const l = buildZipLayer(h, zips, { areaOf: county })
    const unit = l.units[l.pointUnit[i] as number]
    expect(['94014', '94080']).toContain(unit?.id)
    // And every account's ZIP area lies in the county the account is in.
    const zipCounty = new Map(zips.map((z) => [z.zip, county(z.lon, z.lat)]))
    points.forEach((q, k) => {
      const cellCentre = h.units[h.pointUnit[k] as number]!.centroid
      const u = l.units[l.pointUnit[k] as number]!
      const c = county(cellCentre[0], cellCentre[1])
      if (c) expect(zipCounty.get(u.id)).toBe(c)
      expect(q).toBeDefined()
    })
  })

  it('is one connected graph whose borders match the shared arcs of its topology', () => {
    expect(
      connectedComponents(
        layer.units.map((u) => u.id),
        layer.adjacency,
      ),
    ).toHaveLength(1)
    const rebuilt = buildUnitLayer(layer.topology, 'zips')
    expect(rebuilt.units.map((u) => u.id)).toEqual(layer.units.map((u) => u.id))
    const fromArcs = rebuilt.adjacency
      .filter((e) => e.kind === 'border')
      .map((e) => `${e.a}|${e.b}`)
    const fromCells = layer.adjacency
      .filter((e) => e.kind === 'border')
      .map((e) => `${e.a}|${e.b}`)
    expect(fromArcs).toEqual(fromCells)
    // Shared border lengths agree with the arcs' (within a percent).
    for (const e of rebuilt.adjacency.filter((x) => x.kind === 'border')) {
      const mine = layer.adjacency.find((x) => x.a === e.a && x.b === e.b)!
      expect(Math.abs(mine.sharedBorderKm - e.sharedBorderKm)).toBeLessThan(
        0.01 * e.sharedBorderKm + 0.05,
      )
    }
  })

  it('refuses to build without ZIP centroids', () => {
    expect(() => buildZipLayer(hex, [])).toThrow(/No ZIP centroids/)
  })
})
