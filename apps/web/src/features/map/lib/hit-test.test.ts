import { describe, expect, it } from 'vitest'
import { UnitHitTest, nearestAccount } from './hit-test'
import type { UnitGeometry } from './unit-geometry'

const square = (w: number, s: number, size: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [w + size, s],
      [w + size, s + size],
      [w, s + size],
      [w, s],
    ],
  ],
})

// Two side-by-side 1° squares and a small triangle-free hole between rows.
const geometry = {
  unitIds: ['a', 'b', 'c'],
  bounds: [
    [-100, 40, -99, 41],
    [-99, 40, -98, 41],
    [-100, 42, -99.9, 42.1],
  ],
  features: [
    { properties: { unitIndex: 0 }, geometry: square(-100, 40, 1) },
    { properties: { unitIndex: 1 }, geometry: square(-99, 40, 1) },
    { properties: { unitIndex: 2 }, geometry: square(-100, 42, 0.1) },
  ],
} as unknown as UnitGeometry

describe('UnitHitTest', () => {
  const hit = new UnitHitTest(geometry)

  it('finds the unit under a point, or none', () => {
    expect(hit.unitAt(-99.5, 40.5)).toBe(0)
    expect(hit.unitAt(-98.2, 40.9)).toBe(1)
    expect(hit.unitAt(-99.95, 42.05)).toBe(2)
    expect(hit.unitAt(-99.95, 41.5)).toBe(-1) // between the rows
    expect(hit.unitAt(10, 10)).toBe(-1)
  })

  it('collects every unit a brush segment crosses', () => {
    expect(
      [...hit.unitsAlong([-99.9, 40.5], [-98.1, 40.5], 20)].sort(),
    ).toEqual([0, 1])
    expect([...hit.unitsAlong([-99.5, 40.5], [-99.5, 40.5], 0)]).toEqual([0])
  })
})

describe('nearestAccount', () => {
  // A flat projection: 10 pixels per degree.
  const project = (lon: number, lat: number): [number, number] => [
    lon * 10,
    -lat * 10,
  ]
  const a = { id: 'a', location: [1, 1] as [number, number] }
  const b = { id: 'b', location: [1.4, 1] as [number, number] }

  it('finds the dot under the pointer, the nearest of two close ones', () => {
    expect(nearestAccount([a, b], project, 10, -10)?.id).toBe('a')
    expect(nearestAccount([a, b], project, 13, -10)?.id).toBe('b')
  })

  it('finds nothing beyond the hit radius or among no accounts', () => {
    expect(nearestAccount([a, b], project, 30, -10)).toBeNull()
    expect(nearestAccount([], project, 10, -10)).toBeNull()
  })
})
