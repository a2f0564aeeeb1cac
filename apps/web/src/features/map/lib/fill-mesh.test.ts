import { describe, expect, it } from 'vitest'
import { buildFillMesh, changedUnits, vertexColors } from './fill-mesh'
import type { UnitFeature } from './unit-geometry'

const square = (x: number, y: number, s = 1): GeoJSON.Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
]
const unit = (
  unitIndex: number,
  geometry: UnitFeature['geometry'],
): UnitFeature => ({
  type: 'Feature',
  id: String(unitIndex),
  properties: { unitIndex, name: String(unitIndex) },
  geometry,
})

// Unit 0: a square; unit 1: two squares, one with a hole; unit 2: nothing left to draw.
const features = [
  unit(0, { type: 'Polygon', coordinates: [square(0, 0)] }),
  unit(1, {
    type: 'MultiPolygon',
    coordinates: [[square(2, 0)], [square(4, 0, 3), square(5, 1)]],
  }),
  unit(2, { type: 'MultiPolygon', coordinates: [] }),
]

describe('buildFillMesh', () => {
  const mesh = buildFillMesh(features)

  it("keeps each unit's triangles and vertices together", () => {
    expect(Array.from(mesh.indexStart)).toEqual([0, 6, 6 + 6 + 24, 36])
    expect(Array.from(mesh.vertexStart)).toEqual([0, 4, 4 + 4 + 8, 16])
    for (let u = 0; u < 3; u++)
      for (let k = mesh.indexStart[u]!; k < mesh.indexStart[u + 1]!; k++) {
        expect(mesh.indices[k]).toBeGreaterThanOrEqual(mesh.vertexStart[u]!)
        expect(mesh.indices[k]).toBeLessThan(mesh.vertexStart[u + 1]!)
        expect(mesh.vertexUnit[mesh.indices[k]!]).toBe(u)
      }
  })

  it('knows the box around all its vertices', () => {
    expect(mesh.bounds).toEqual([0, 0, 7, 3])
  })

  it('covers each polygon once, holes left out (triangle areas add up)', () => {
    const area = (from: number, to: number) => {
      let sum = 0
      for (let k = from; k < to; k += 3) {
        const [a, b, c] = [0, 1, 2].map((i) => mesh.indices[k + i]!)
        const p = (v: number) => [
          mesh.positions[v * 2]!,
          mesh.positions[v * 2 + 1]!,
        ]
        const [ax, ay] = p(a!)
        const [bx, by] = p(b!)
        const [cx, cy] = p(c!)
        sum +=
          Math.abs((bx! - ax!) * (cy! - ay!) - (cx! - ax!) * (by! - ay!)) / 2
      }
      return sum
    }
    expect(area(mesh.indexStart[0]!, mesh.indexStart[1]!)).toBeCloseTo(1)
    expect(area(mesh.indexStart[1]!, mesh.indexStart[2]!)).toBeCloseTo(
      1 + 9 - 1,
    )
  })
})

describe('vertexColors and changedUnits', () => {
  const mesh = buildFillMesh(features)
  const colors = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9])

  it("paints every vertex with its unit's colour", () => {
    const rgba = vertexColors(mesh, colors)
    expect(Array.from(rgba.subarray(0, 4))).toEqual([1, 2, 3, 4])
    expect(Array.from(rgba.subarray(4 * 4, 4 * 5))).toEqual([5, 6, 7, 8])
    expect(rgba.length).toBe(mesh.vertexUnit.length * 4)
  })

  it('names the units whose colour changed, or null when nothing can be compared', () => {
    const next = colors.slice()
    next[5] = 60
    expect(changedUnits(colors, next)).toEqual([1])
    expect(changedUnits(colors, colors.slice())).toEqual([])
    expect(changedUnits(null, next)).toBeNull()
    expect(changedUnits(colors.subarray(0, 8), next)).toBeNull()
  })
})
