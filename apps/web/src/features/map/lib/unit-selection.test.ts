import { describe, expect, it } from 'vitest'
import { geometryArea, interiorPoint, mercatorY } from './planar'
import {
  applyUnitSelection,
  boxOf,
  buildUnitAnchors,
  unitsInBox,
  unitsInLasso,
} from './unit-selection'
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

// A "C" open to the east: its centroid sits in the notch, outside the polygon.
const crescent: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ],
  ],
}

const polys = [
  square(-100, 40, 1), // 0
  square(-99, 40, 1), // 1
  square(-100, 42, 0.1), // 2
  // 3: a diamond whose bounding box overlaps a box its edges never reach
  {
    type: 'Polygon',
    coordinates: [
      [
        [-96, 40],
        [-95, 41],
        [-96, 42],
        [-97, 41],
        [-96, 40],
      ],
    ],
  } as GeoJSON.Polygon,
]
const geometry = {
  features: polys.map((g, i) => ({
    properties: { unitIndex: i },
    geometry: g,
  })),
  bounds: [
    [-100, 40, -99, 41],
    [-99, 40, -98, 41],
    [-100, 42, -99.9, 42.1],
    [-97, 40, -95, 42],
  ],
} as unknown as UnitGeometry

describe('interiorPoint', () => {
  it('is the centroid of a convex unit', () => {
    expect(interiorPoint(square(0, 0, 2))).toEqual([1, 1])
  })

  it('stays inside a concave unit whose centroid falls outside', () => {
    const [x, y] = interiorPoint(crescent)
    // Inside the C: the left bar (x < 1) or one of the arms (y < 1 or y > 2).
    expect(x > 0 && x < 3 && y > 0 && y < 3).toBe(true)
    expect(x < 1 || y < 1 || y > 2).toBe(true)
  })

  it('uses the largest piece of a multipolygon', () => {
    const [x, y] = interiorPoint({
      type: 'MultiPolygon',
      coordinates: [
        square(10, 10, 0.1).coordinates,
        square(0, 0, 2).coordinates,
      ],
    })
    expect([x, y]).toEqual([1, 1])
  })

  it('gives relative areas', () => {
    expect(geometryArea(square(0, 0, 2))).toBeCloseTo(4)
    expect(geometryArea(crescent)).toBeCloseTo(7)
  })
})

describe('unitsInBox', () => {
  it('selects every unit the box touches, not just centroids', () => {
    // Clips the eastern edge of unit 0 and the western strip of unit 1.
    expect(unitsInBox(geometry, [-99.2, 40.4, -98.9, 40.6])).toEqual([0, 1])
    // Wholly inside unit 0.
    expect(unitsInBox(geometry, [-99.6, 40.4, -99.5, 40.5])).toEqual([0])
    // Swallows unit 2 whole.
    expect(unitsInBox(geometry, [-101, 41.5, -99, 43])).toEqual([2])
  })

  it('skips a unit whose bounding box, but not polygon, meets the box', () => {
    // The diamond's north-west corner of its bounding box is empty.
    expect(unitsInBox(geometry, [-97, 41.8, -96.8, 42])).toEqual([])
    expect(unitsInBox(geometry, [-96.1, 40.9, -95.9, 41.1])).toEqual([3])
  })

  it('selects nothing in an empty area', () => {
    expect(unitsInBox(geometry, boxOf([10, 10], [11, 11]))).toEqual([])
  })

  it('normalises corners given in any order', () => {
    expect(boxOf([2, 5], [1, 3])).toEqual([1, 3, 2, 5])
  })
})

describe('unitsInLasso', () => {
  const anchors = buildUnitAnchors(geometry).points

  it('selects units whose anchor is inside the drawn loop', () => {
    const loop: [number, number][] = [
      [-100.2, 39.8],
      [-98.8, 39.8],
      [-98.8, 41.2],
      [-100.2, 41.2],
    ]
    expect(unitsInLasso(anchors, loop)).toEqual([0])
  })

  it('needs three points and can select nothing', () => {
    expect(unitsInLasso(anchors, [[-100, 40]])).toEqual([])
    expect(
      unitsInLasso(anchors, [
        [0, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([])
  })

  it('tests in Mercator, where the screen line is straight', () => {
    // At 60°N, the Mercator midpoint of 50°–70° lies north of 60°.
    expect(mercatorY(60)).toBeLessThan((mercatorY(50) + mercatorY(70)) / 2)
    // The edge (0°, 50°N)–(10°, 70°N) drawn on screen passes 61.6°N at 5°E (in lon/lat it
    // would pass 60°N): a point at 60.8°N is south of the drawn edge, so inside the loop.
    const loop: [number, number][] = [
      [0, 50],
      [10, 70],
      [10, 50],
    ]
    expect(unitsInLasso([[5, 60.8]], loop)).toEqual([0])
    expect(unitsInLasso([[5, 62]], loop)).toEqual([])
  })
})

describe('applyUnitSelection', () => {
  const ab = new Set(['a', 'b'])

  it('replaces, adds and toggles', () => {
    expect([...applyUnitSelection(ab, ['c'], 'replace')]).toEqual(['c'])
    expect([...applyUnitSelection(ab, ['b', 'c'], 'add')]).toEqual([
      'a',
      'b',
      'c',
    ])
    expect([...applyUnitSelection(ab, ['b', 'c'], 'toggle')]).toEqual([
      'a',
      'c',
    ])
    expect([...applyUnitSelection(ab, [], 'replace')]).toEqual([])
  })

  it('keeps the same set when nothing changes', () => {
    const empty = new Set<string>()
    expect(applyUnitSelection(empty, [], 'replace')).toBe(empty)
    expect(applyUnitSelection(ab, [], 'add')).toBe(ab)
  })
})
