import { describe, expect, it } from 'vitest'
import {
  buildChangeMap,
  classifyUnits,
  DEFAULT_FIT,
  fitView,
  geometryPath,
  indexUnitShapes,
  lonLatBounds,
  mercator,
} from './change-map'

/**
 * Three one-degree squares near New York: A [-74,-73]×[40,41] and B [-73,-72]×[40,41] share
 * the arc at lon −73 (arc 0), as TopoJSON stores a shared border once; C [-71,-70] stands
 * alone. Coordinates are absolute (no transform).
 */
const topology = {
  type: 'Topology',
  arcs: [
    [
      [-73, 40],
      [-73, 41],
    ],
    [
      [-73, 41],
      [-74, 41],
      [-74, 40],
      [-73, 40],
    ],
    [
      [-73, 40],
      [-72, 40],
      [-72, 41],
      [-73, 41],
    ],
    [
      [-71, 40],
      [-70, 40],
      [-70, 41],
      [-71, 41],
      [-71, 40],
    ],
  ],
  objects: {
    counties: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: 'A', arcs: [[1, 0]] },
        { type: 'Polygon', id: 'B', arcs: [[2, ~0]] },
        { type: 'Polygon', id: 'C', arcs: [[3]] },
        { type: 'Point', id: 'P', coordinates: [0, 0] },
      ],
    },
  },
}

const shapes = () => indexUnitShapes(topology, 'counties')!

/** The rings of an SVG path, each a list of [x, y]. */
function rings(d: string): number[][][] {
  return d
    .split('Z')
    .filter(Boolean)
    .map((ring) =>
      ring
        .slice(1)
        .split('L')
        .map((p) => p.split(',').map(Number)),
    )
}

describe('indexUnitShapes', () => {
  it('indexes the polygons by id and leaves other geometries out', () => {
    expect([...shapes().byId.keys()]).toEqual(['A', 'B', 'C'])
  })

  it('gives null for anything that is not a topology with that collection', () => {
    expect(indexUnitShapes(null, 'counties')).toBeNull()
    expect(
      indexUnitShapes({ type: 'FeatureCollection' }, 'counties'),
    ).toBeNull()
    expect(indexUnitShapes(topology, 'tracts')).toBeNull()
  })
})

describe('classifyUnits', () => {
  it('tells kept, gained and lost apart', () => {
    const c = classifyUnits(['a', 'b', 'c'], ['b', 'c', 'd'])
    expect([...c]).toEqual([
      ['b', 'kept'],
      ['c', 'kept'],
      ['d', 'gained'],
      ['a', 'lost'],
    ])
  })

  it('handles an empty side', () => {
    expect([...classifyUnits([], ['x']).values()]).toEqual(['gained'])
    expect([...classifyUnits(['x'], []).values()]).toEqual(['lost'])
  })
})

describe('projection', () => {
  it('is web mercator: y grows north, faster towards the poles', () => {
    expect(mercator([0, 0])[0]).toBe(0)
    expect(mercator([0, 0])[1]).toBeCloseTo(0)
    expect(mercator([180, 0])[0]).toBeCloseTo(Math.PI)
    const [, y40] = mercator([0, 40])
    const [, y41] = mercator([0, 41])
    const [, y1] = mercator([0, 1])
    expect(y41 - y40).toBeGreaterThan(y1)
    expect(Number.isFinite(mercator([0, 90])[1])).toBe(true)
  })

  it('fits the bounds in the box, centred, with one scale for both axes', () => {
    // Four times wider than tall: the box is as flat as allowed (1:2), the width is filled
    // to the padding and the shape is centred in the height.
    const bounds = lonLatBounds([
      [-74, 40],
      [-70, 41],
    ])!
    const view = fitView(bounds, DEFAULT_FIT)
    expect(view.width).toBe(600)
    expect(view.height).toBe(300)
    const [left, top] = view.project([-74, 41])
    const [right, bottom] = view.project([-70, 40])
    expect(left).toBeCloseTo(16)
    expect(right).toBeCloseTo(584)
    expect(top).toBeGreaterThanOrEqual(16 - 1e-9)
    expect(bottom).toBeLessThanOrEqual(view.height - 16 + 1e-9)
    expect(top).toBeCloseTo(view.height - bottom)
    // One scale: the drawn shape keeps the projected shape's proportions.
    const [mx0, my0] = mercator([-74, 41])
    const [mx1, my1] = mercator([-70, 40])
    expect((bottom - top) / (right - left)).toBeCloseTo(
      (my0 - my1) / (mx1 - mx0),
    )
  })

  it('keeps the height within the aspect limits', () => {
    const tall = lonLatBounds([
      [0, 0],
      [0.1, 10],
    ])!
    expect(fitView(tall).height).toBe(600)
    const flat = lonLatBounds([
      [0, 0],
      [10, 0.1],
    ])!
    expect(fitView(flat).height).toBe(300)
    const point = lonLatBounds([[5, 5]])!
    const [x, y] = fitView(point).project([5, 5])
    expect([x, y].every(Number.isFinite)).toBe(true)
  })

  it('reads a box across the antimeridian as one narrow box', () => {
    const b = lonLatBounds([
      [179, 51],
      [-179, 52],
    ])!
    expect(b.wrap).toBe(true)
    expect(b.east - b.west).toBeCloseTo(2)
    const view = fitView(b)
    const [xw] = view.project([179, 51])
    const [xe] = view.project([-179, 51])
    expect(xe).toBeGreaterThan(xw)
    expect(lonLatBounds([])).toBeNull()
  })
})

describe('geometryPath', () => {
  const identity = (p: readonly [number, number]) =>
    [p[0], p[1]] as [number, number]

  it('writes one M…Z per ring, rounded to a tenth, without repeated points', () => {
    const d = geometryPath(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10.04, 0],
            [10.01, 0.02],
            [10, 10],
            [0, 0],
          ],
        ],
      },
      identity,
    )
    expect(d).toBe('M0,0L10,0L10,10L0,0Z')
  })

  it('draws every polygon of a multipolygon and nothing for other types', () => {
    const square = (x: number) => [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 0],
      ],
    ]
    const d = geometryPath(
      { type: 'MultiPolygon', coordinates: [square(0), square(5)] },
      identity,
    )
    expect(rings(d)).toHaveLength(2)
    expect(geometryPath({ type: 'Point', coordinates: [0, 0] }, identity)).toBe(
      '',
    )
    expect(geometryPath(null, identity)).toBe('')
  })
})

describe('buildChangeMap', () => {
  it('draws kept, lost and gained units and the two outlines', () => {
    // Before: A and C. After: A and B. So A is kept, B gained, C lost.
    const map = buildChangeMap(shapes(), ['A', 'C'], ['A', 'B'])!
    expect(map.counts).toEqual({ kept: 1, gained: 1, lost: 1 })
    expect(map.units.map((u) => [u.id, u.change])).toEqual([
      ['A', 'kept'],
      ['C', 'lost'],
      ['B', 'gained'],
    ])
    expect(map.missing).toEqual([])
    // Everything lies inside the box.
    for (const u of map.units)
      for (const ring of rings(u.d))
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(map.width)
          expect(y).toBeGreaterThanOrEqual(0)
          expect(y).toBeLessThanOrEqual(map.height)
        }
    // Old outline: A and C, apart, two rings. New: A and B merged, one ring without the
    // shared border between them: six corners and the closing point.
    expect(rings(map.beforeOutline)).toHaveLength(2)
    const after = rings(map.afterOutline)
    expect(after).toHaveLength(1)
    expect(after[0]).toHaveLength(7)
  })

  it('skips unit ids the layer does not know', () => {
    const map = buildChangeMap(shapes(), ['A', 'ghost'], ['A', 'B', 'P'])!
    expect(map.units.map((u) => u.id)).toEqual(['A', 'B'])
    expect(map.missing.sort()).toEqual(['P', 'ghost'])
    expect(map.counts).toEqual({ kept: 1, gained: 1, lost: 0 })
    expect(rings(map.beforeOutline)).toHaveLength(1)
  })

  it('gives null when no unit can be drawn', () => {
    expect(buildChangeMap(shapes(), ['x'], ['y'])).toBeNull()
    expect(buildChangeMap(shapes(), [], [])).toBeNull()
  })
})
