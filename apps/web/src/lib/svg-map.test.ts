import { describe, expect, it } from 'vitest'
import {
  allPositions,
  DEFAULT_FIT,
  fitView,
  geometryPath,
  indexUnitShapes,
  lonLatBounds,
  mercator,
  mercatorSize,
  shapeGeometry,
} from './svg-map'
import { pathPieces, threeSquares } from './test-topology'

const shapes = () => indexUnitShapes(threeSquares, 'counties')!

describe('indexUnitShapes', () => {
  it('indexes the polygons by id and leaves other geometries out', () => {
    expect([...shapes().byId.keys()]).toEqual(['A', 'B', 'C'])
  })

  it('gives null for anything that is not a topology with that collection', () => {
    expect(indexUnitShapes(null, 'counties')).toBeNull()
    expect(
      indexUnitShapes({ type: 'FeatureCollection' }, 'counties'),
    ).toBeNull()
    expect(indexUnitShapes(threeSquares, 'tracts')).toBeNull()
  })

  it('gives each shape back as GeoJSON in degrees', () => {
    const s = shapes()
    const a = shapeGeometry(s.topology, s.byId.get('A')!)
    expect(a.type).toBe('Polygon')
    expect(lonLatBounds(allPositions([a]))).toEqual({
      west: -74,
      east: -73,
      south: 40,
      north: 41,
      wrap: false,
    })
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
    const [w, h] = mercatorSize(bounds)
    expect(w).toBeCloseTo(mx1 - mx0)
    expect(h).toBeCloseTo(my0 - my1)
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

  it('draws every polygon of a multipolygon and nothing for points', () => {
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
    expect(pathPieces(d)).toHaveLength(2)
    expect(geometryPath({ type: 'Point', coordinates: [0, 0] }, identity)).toBe(
      '',
    )
    expect(geometryPath(null, identity)).toBe('')
  })

  it('draws lines open, and leaves out what shrinks to a point', () => {
    expect(
      geometryPath(
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [0, 5],
            ],
            [
              [1, 1],
              [1.01, 1.02],
            ],
          ],
        },
        identity,
      ),
    ).toBe('M0,0L0,5')
    expect(
      geometryPath(
        {
          type: 'Polygon',
          coordinates: [
            [
              [2, 2],
              [2.01, 2],
              [2, 2],
            ],
          ],
        },
        identity,
      ),
    ).toBe('')
  })
})
