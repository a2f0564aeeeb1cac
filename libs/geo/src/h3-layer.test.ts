import { areNeighborCells, gridDisk, latLngToCell } from 'h3-js'
import { createRng } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { connectedComponents } from './adjacency.js'
import {
  H3LayerError,
  buildH3Layer,
  chooseH3Resolution,
  type H3Point,
} from './h3-layer.js'
import { buildUnitLayer } from './unit-layer.js'

/** `n` points scattered around a centre with a spread of `km` kilometres. */
function cluster(
  lon: number,
  lat: number,
  km: number,
  n: number,
  seed: number,
): H3Point[] {
  const r = createRng(seed).next
  return Array.from({ length: n }, () => {
    const d = km * Math.sqrt(r())
    const a = 2 * Math.PI * r()
    return {
      lon: lon + (d * Math.cos(a)) / (111 * Math.cos((lat * Math.PI) / 180)),
      lat: lat + (d * Math.sin(a)) / 111,
    }
  })
}

describe('buildH3Layer', () => {
  const europe = [
    ...cluster(2.35, 48.85, 40, 3000, 1), // Paris
    ...cluster(4.83, 45.76, 25, 1200, 2), // Lyon
    ...cluster(-0.13, 51.5, 40, 2500, 3), // London, across the Channel
    ...cluster(13.4, 52.52, 30, 1500, 4), // Berlin
  ]
  const layer = buildH3Layer(europe, { resolution: 6 })

  it('puts every point in the cell that holds it, and every cell with a point is a unit', () => {
    const ids = layer.units.map((u) => u.id)
    expect(ids).toEqual([...ids].sort())
    europe.forEach((p, i) => {
      const unit = layer.units[layer.pointUnit[i] as number]
      expect(unit?.id).toBe(latLngToCell(p.lat, p.lon, 6))
    })
    const occupied = new Set(europe.map((p) => latLngToCell(p.lat, p.lon, 6)))
    expect(layer.occupiedCells).toBe(occupied.size)
    expect(layer.units).toHaveLength(occupied.size + layer.bridgeCells)
  })

  it('has exactly the H3 neighbours as borders, each once, with the edge as shared border', () => {
    const inLayer = new Set(layer.units.map((u) => u.id))
    const borders = layer.adjacency.filter((e) => e.kind === 'border')
    const keys = new Set(borders.map((e) => `${e.a}|${e.b}`))
    expect(keys.size).toBe(borders.length)
    for (const e of borders) {
      expect(e.a < e.b).toBe(true)
      expect(areNeighborCells(e.a, e.b)).toBe(true)
      // Resolution 6 edges are ≈ 3.7 km.
      expect(e.sharedBorderKm).toBeGreaterThan(2.5)
      expect(e.sharedBorderKm).toBeLessThan(5)
    }
    let expected = 0
    for (const id of inLayer)
      for (const nb of gridDisk(id, 1))
        if (nb > id && inLayer.has(nb)) {
          expected++
          expect(keys.has(`${id}|${nb}`)).toBe(true)
        }
    expect(borders).toHaveLength(expected)
  })

  it('is one connected graph: cities joined by proximity links, the Channel not filled with cells', () => {
    const ids = layer.units.map((u) => u.id)
    expect(connectedComponents(ids, layer.adjacency)).toHaveLength(1)
    const links = layer.adjacency.filter((e) => e.kind === 'proximity')
    // Four cities far apart: at least three links join them (suburbs may add a few more).
    expect(links.length).toBeGreaterThanOrEqual(3)
    expect(layer.proximityLinks).toBe(links.length)
    for (const e of links) expect(e.sharedBorderKm).toBe(0)
  })

  it('writes a topology whose shared arcs give the same borders as the H3 neighbours', () => {
    const rebuilt = buildUnitLayer(layer.topology, 'cells')
    expect(rebuilt.units.map((u) => u.id)).toEqual(layer.units.map((u) => u.id))
    const fromArcs = rebuilt.adjacency
      .filter((e) => e.kind === 'border')
      .map((e) => `${e.a}|${e.b}`)
    const fromH3 = layer.adjacency
      .filter((e) => e.kind === 'border')
      .map((e) => `${e.a}|${e.b}`)
    expect(fromArcs).toEqual(fromH3)
    // Areas agree with H3's own (≈ 36 km² at resolution 6).
    rebuilt.units.forEach((u, i) => {
      const own = layer.units[i]?.areaKm2 as number
      expect(Math.abs(u.areaKm2 - own) / own).toBeLessThan(0.02)
    })
  })

  it('fills a narrow gap between two groups with empty cells instead of a link', () => {
    // Two groups of points 3 cells apart along a line at resolution 7 (≈ 2.4 km between centres).
    const a = cluster(10, 50, 1, 200, 5)
    const b = cluster(
      10 + (3 * 2.4) / (111 * Math.cos((50 * Math.PI) / 180)),
      50,
      1,
      200,
      6,
    )
    const l = buildH3Layer([...a, ...b], { resolution: 7 })
    expect(l.bridgeCells).toBeGreaterThan(0)
    expect(l.proximityLinks).toBe(0)
    expect(
      connectedComponents(
        l.units.map((u) => u.id),
        l.adjacency,
      ),
    ).toHaveLength(1)
  })

  it('names cells after the largest place inside, numbering repeats, else after a place nearby', () => {
    const points = cluster(2.35, 48.85, 20, 2000, 7)
    const l = buildH3Layer(points, {
      resolution: 5,
      places: [
        { name: 'Paris', lon: 2.35, lat: 48.85, population: 2_100_000 },
        { name: 'Boulogne', lon: 2.24, lat: 48.835, population: 120_000 },
        { name: 'Versailles', lon: 2.13, lat: 48.8, population: 85_000 },
      ],
    })
    const paris = l.units.find((u) => u.id === latLngToCell(48.85, 2.35, 5))
    expect(paris?.name).toBe('Paris')
    expect(l.units.some((u) => u.name.startsWith('near '))).toBe(true)
    expect(new Set(l.units.map((u) => u.name)).size).toBeGreaterThan(1)
  })

  it('skips points at (0, 0), out of range or not numbers, and says how many', () => {
    const points: H3Point[] = [
      ...cluster(-3.7, 40.4, 10, 50, 8),
      { lon: 0, lat: 0 },
      { lon: 200, lat: 10 },
      { lon: Number.NaN, lat: 10 },
    ]
    const l = buildH3Layer(points, { resolution: 6 })
    expect(l.skipped).toBe(3)
    expect([...l.pointUnit.slice(-3)]).toEqual([-1, -1, -1])
  })

  it('refuses what cannot make a usable layer, with a message saying what to change', () => {
    expect(() => buildH3Layer([{ lon: 0, lat: 0 }])).toThrow(H3LayerError)
    expect(() => buildH3Layer([{ lon: 0, lat: 0 }])).toThrow(
      /No account has usable coordinates/,
    )
    expect(() => buildH3Layer(europe, { resolution: 13 })).toThrow(
      /whole number from 0 to 11/,
    )
    expect(() => buildH3Layer(europe, { resolution: 2.5 })).toThrow(
      H3LayerError,
    )
    // 8,200 points at resolution 11 with a 1,000-cell limit: too many cells, caught early.
    expect(() =>
      buildH3Layer(europe, { resolution: 11, maxCells: 1000 }),
    ).toThrow(/more than 1,000 cells.*coarser resolution/)
  })

  it('keeps a layer across the antimeridian in one piece', () => {
    // Fiji: points on both sides of 180°.
    const fiji = [
      ...cluster(179.7, -17.8, 30, 300, 9),
      ...cluster(-179.8, -16.8, 20, 200, 10),
    ]
    const l = buildH3Layer(fiji, { resolution: 5 })
    expect(Math.abs(Math.abs(l.centralMeridian) - 180)).toBeLessThan(2)
    const xs = l.units.map((u) => u.centroid[0])
    // Continuous longitudes: the whole layer spans under 5°, not 359°.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(5)
    const rebuilt = buildUnitLayer(l.topology, 'cells')
    for (const u of rebuilt.units) expect(u.areaKm2).toBeLessThan(400)
  })

  it('keeps ordinary longitudes for a layer that does not cross 180°', () => {
    expect(layer.centralMeridian).toBe(0)
    expect(
      layer.units.every((u) => u.centroid[0] > -2 && u.centroid[0] < 15),
    ).toBe(true)
  })
})

describe('chooseH3Resolution', () => {
  it('goes finer where accounts are dense and coarser where they are spread out', () => {
    const dense = chooseH3Resolution(cluster(2.35, 48.85, 15, 20_000, 11))
    const spread = chooseH3Resolution(cluster(-98, 39, 1500, 20_000, 12))
    expect(dense.resolution).toBeGreaterThan(spread.resolution)
    expect(dense.reason).toMatch(/^resolution \d+ \(cells of about/)
  })

  it('keeps the automatic choice at an editable number of cells, with several accounts each', () => {
    const points = cluster(-98, 39, 1500, 60_000, 13)
    const { resolution } = chooseH3Resolution(points)
    const l = buildH3Layer(points, { resolution })
    expect(l.occupiedCells).toBeLessThanOrEqual(20_000)
    expect(points.length / l.occupiedCells).toBeGreaterThanOrEqual(6)
  })
})
