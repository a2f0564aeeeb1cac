import { describe, expect, it } from 'vitest'
import {
  simplifyLines,
  vertexCount,
  zoomLevelTolerance,
} from './simplify-lines'

/** A wiggly line: a sine wave of `n` points across 10°, 0.001° high wiggles. */
function wiggle(n: number): GeoJSON.MultiLineString {
  return {
    type: 'MultiLineString',
    coordinates: [
      Array.from({ length: n }, (_, i) => [
        -100 + (10 * i) / (n - 1),
        40 + 0.001 * Math.sin(i),
      ]),
      [
        [-90, 40],
        [-90, 40.0000001],
      ],
    ],
  }
}

describe('simplifyLines', () => {
  it('drops detail finer than a pixel at the zoom, keeping the ends', () => {
    const lines = wiggle(2000)
    const country = simplifyLines(lines, zoomLevelTolerance(3.6))!
    expect(vertexCount(country)).toBeLessThan(50)
    expect(country.coordinates[0]![0]).toEqual(lines.coordinates[0]![0])
    expect(country.coordinates[0]!.at(-1)).toEqual(lines.coordinates[0]!.at(-1))
    // Zoomed far in, the wiggles are pixels wide: they stay.
    const street = simplifyLines(lines, zoomLevelTolerance(16))!
    expect(vertexCount(street)).toBeGreaterThan(1900)
  })

  it('uses one tolerance per whole zoom level, halving with each level', () => {
    expect(zoomLevelTolerance(4.2)).toBe(zoomLevelTolerance(4.9))
    expect(zoomLevelTolerance(5)).toBeCloseTo(zoomLevelTolerance(4) / 2, 12)
    expect(simplifyLines(null, 0.1)).toBeNull()
  })
})
