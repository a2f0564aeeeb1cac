import { describe, expect, it } from 'vitest'
import type { Topology } from 'topojson-specification'
import countries from 'world-atlas/countries-50m.json'
import states from 'us-atlas/states-10m.json'
import { baseLinesNear, homeBounds } from './base-lines'
import type { Bounds } from './view'

const world = countries as unknown as Topology
const us = states as unknown as Topology

const boxOf = (lines: GeoJSON.MultiLineString): Bounds => {
  let b: Bounds = [Infinity, Infinity, -Infinity, -Infinity]
  for (const line of lines.coordinates)
    for (const [x, y] of line)
      b = [
        Math.min(b[0], x!),
        Math.min(b[1], y!),
        Math.max(b[2], x!),
        Math.max(b[3], y!),
      ]
  return b
}

describe('baseLinesNear', () => {
  it('keeps the borders near a European layer and names countries and states', () => {
    const lines = baseLinesNear(world, us, [-10, 36, 25, 58])
    const box = boxOf(lines.countryLines)
    // Europe and what is around it, not the Americas or the Pacific.
    expect(box[0]).toBeGreaterThan(-60)
    expect(box[2]).toBeLessThan(90)
    expect(lines.countryLines.coordinates.length).toBeGreaterThan(50)
    // No US state is near Europe.
    expect(lines.stateLines.coordinates).toHaveLength(0)
    expect(lines.names.get('250')).toBe('France')
    expect(lines.names.get('06')).toBe('California')
  })

  it('shifts lines by a turn for a layer across the antimeridian', () => {
    // Fiji, with longitudes continuous past 180°.
    const lines = baseLinesNear(world, us, [176, -21, 182, -15])
    const xs = lines.countryLines.coordinates.flatMap((l) =>
      l.map((p) => p[0]!),
    )
    expect(xs.some((x) => x > 180)).toBe(true)
    expect(xs.some((x) => x < -90)).toBe(false)
  })
})

describe('homeBounds', () => {
  it('leaves out a few far-off cells so the map opens on the main area', () => {
    const cell = (lon: number, lat: number): Bounds => [
      lon,
      lat,
      lon + 0.5,
      lat + 0.4,
    ]
    const main = Array.from({ length: 400 }, (_, i) =>
      cell(-120 + (i % 40) * 1.2, 30 + Math.floor(i / 40) * 1.5),
    )
    const alaska = Array.from({ length: 12 }, (_, i) => cell(-160 + i, 62))
    const [w, s, e, n] = homeBounds([...main, ...alaska], [0, 0, 1, 1])
    expect(w).toBeGreaterThan(-130)
    expect(n).toBeLessThan(50)
    expect(e).toBeGreaterThan(-73)
    expect(s).toBeLessThan(31)
  })

  it('falls back for an empty layer', () => {
    expect(homeBounds([], [1, 2, 3, 4])).toEqual([1, 2, 3, 4])
  })
})
