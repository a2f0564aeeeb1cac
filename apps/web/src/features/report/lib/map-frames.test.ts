import { describe, expect, it } from 'vitest'
import {
  indexUnitShapes,
  type LonLatBounds,
  shapeGeometry,
} from '../../../lib/svg-map'
import { squaresTopology } from '../../../lib/test-topology'
import { boxGap, type FrameUnit, frameLayout } from './map-frames'

type Square = { id: string; west: number; south: number; size: number }

/** A `cols` × `rows` block of one-degree squares from (west, south). */
const block = (
  prefix: string,
  west: number,
  south: number,
  cols: number,
  rows: number,
) =>
  Array.from({ length: cols * rows }, (_, i) => ({
    id: `${prefix}${i}`,
    west: west + (i % cols),
    south: south + Math.floor(i / cols),
    size: 1,
  }))

function unitsOf(squares: Square[]): FrameUnit[] {
  const shapes = indexUnitShapes(squaresTopology(squares), 'units')!
  return [...shapes.byId].map(([id, shape]) => ({
    id,
    shape,
    geometry: shapeGeometry(shapes.topology, shape),
  }))
}

const ids = (units: FrameUnit[], members: number[]) =>
  members.map((m) => units[m]!.id).sort()

const box = (
  west: number,
  south: number,
  east: number,
  north: number,
): LonLatBounds => ({
  west,
  south,
  east,
  north,
  wrap: false,
})

describe('boxGap', () => {
  it('is zero for boxes that overlap or touch, else the larger gap in degrees', () => {
    expect(boxGap(box(0, 0, 2, 2), box(1, 1, 3, 3))).toBe(0)
    expect(boxGap(box(0, 0, 1, 1), box(1, 0, 2, 1))).toBe(0)
    expect(boxGap(box(0, 0, 1, 1), box(0, 4, 1, 5))).toBeCloseTo(3)
    // East–west degrees shrink with the latitude: 2° apart at 60° north is 1° of a great circle.
    expect(boxGap(box(0, 59, 1, 61), box(3, 59, 4, 61))).toBeCloseTo(1)
  })

  it('measures round the globe, across the antimeridian', () => {
    expect(boxGap(box(178, 0, 179, 1), box(-179, 0, -178, 1))).toBeCloseTo(2)
  })
})

describe('frameLayout', () => {
  it('keeps coastal islands with the mainland and puts far-off groups in insets, largest first', () => {
    const units = unitsOf([
      ...block('main', -100, 40, 4, 4),
      // 0.1° off the coast: part of the main map.
      { id: 'coast', west: -95.9, south: 41, size: 0.5 },
      // Two squares touching and a third just off them: one inset.
      ...block('north', -150, 60, 2, 1),
      { id: 'north-isle', west: -147.9, south: 60, size: 0.5 },
      // Across the Pacific: another inset.
      { id: 'pacific', west: 144.5, south: 13, size: 0.5 },
    ])
    const layout = frameLayout(units)!
    expect(ids(units, layout.main.units)).toEqual(
      [...block('main', 0, 0, 4, 4).map((s) => s.id), 'coast'].sort(),
    )
    const { west, south, east, north } = layout.main.bounds
    expect([west, south, east, north]).toEqual([
      -100,
      40,
      expect.closeTo(-95.4),
      44,
    ])
    expect(layout.insets.map((a) => ids(units, a.units))).toEqual([
      ['north-isle', 'north0', 'north1'],
      ['pacific'],
    ])
  })

  it('joins an inset across the antimeridian into one narrow box', () => {
    const units = unitsOf([
      ...block('main', -100, 40, 5, 4),
      { id: 'west-end', west: 179, south: 52, size: 1 },
      { id: 'east-end', west: -180, south: 52, size: 1 },
    ])
    const [inset] = frameLayout(units)!.insets
    expect(ids(units, inset!.units)).toEqual(['east-end', 'west-end'])
    expect(inset!.bounds.wrap).toBe(true)
    expect(inset!.bounds.east - inset!.bounds.west).toBeCloseTo(2)
  })

  it('draws one frame when the far pieces would barely widen it', () => {
    const units = unitsOf([
      ...block('main', -100, 40, 4, 4),
      { id: 'near', west: -100, south: 45, size: 1 },
    ])
    const layout = frameLayout(units)!
    expect(layout.insets).toEqual([])
    expect(layout.main.units).toHaveLength(17)
  })

  it('draws one frame when insets would be too many or hold too much', () => {
    const scattered = unitsOf([
      ...block('main', -100, 40, 4, 4),
      ...Array.from({ length: 7 }, (_, i) => ({
        id: `far${i}`,
        west: -170 + 40 * i,
        south: -40,
        size: 1,
      })),
    ])
    expect(frameLayout(scattered)!.insets).toEqual([])
    const large = unitsOf([
      ...block('main', -100, 40, 2, 2),
      ...block('far', 0, 0, 2, 1),
    ])
    expect(frameLayout(large)!.insets).toEqual([])
    expect(frameLayout([])).toBeNull()
  })
})
