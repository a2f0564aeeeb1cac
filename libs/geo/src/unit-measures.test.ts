import { describe, expect, it } from 'vitest'
import { measurePolygons } from './unit-measures.js'

const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
]

describe('measurePolygons', () => {
  it('subtracts holes from the area and the centroid, whatever the winding', () => {
    const hole = square(2, 2, 3, 3)
    const m = measurePolygons([[square(0, 0, 4, 4), hole]])
    const reversed = measurePolygons([
      [square(0, 0, 4, 4), [...hole].reverse()],
    ])
    // Planar: (16 * 2 - 1 * 2.5) / 15.
    expect(m.centroid[0]).toBeCloseTo(29.5 / 15, 6)
    expect(m.centroid[1]).toBeCloseTo(29.5 / 15, 6)
    expect(reversed.centroid[0]).toBeCloseTo(29.5 / 15, 6)
    const solid = measurePolygons([[square(0, 0, 4, 4)]])
    expect(m.areaKm2).toBeLessThan(solid.areaKm2)
    expect(m.areaKm2 / solid.areaKm2).toBeCloseTo(15 / 16, 2)
    // The perimeter counts the outer ring only.
    expect(m.perimeterKm).toBeCloseTo(solid.perimeterKm, 9)
  })

  it('weights the parts of a MultiPolygon by area', () => {
    const m = measurePolygons([[square(0, 0, 1, 1)], [square(10, 0, 13, 1)]])
    // 1 : 3 areas at x = 0.5 and 11.5 → 8.75 (equal latitudes, so geodesic weights match planar ones).
    expect(m.centroid[0]).toBeCloseTo(8.75, 2)
  })

  it('keeps the centroid of parts split at the antimeridian next to them', () => {
    const m = measurePolygons([
      [square(179, 50, 180, 51)],
      [square(-180, 50, -179, 51)],
    ])
    expect(Math.abs(m.centroid[0])).toBeGreaterThan(179.9)
    expect(m.centroid[1]).toBeCloseTo(50.5, 1)
  })
})
