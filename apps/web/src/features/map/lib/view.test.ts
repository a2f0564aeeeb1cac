import { WebMercatorViewport } from '@deck.gl/core'
import { describe, expect, it } from 'vitest'
import {
  CONTIGUOUS_US,
  fitView,
  geometryBounds,
  unionBounds,
  viewBBox,
} from './view'

describe('fitView', () => {
  it.each([
    [1280, 800],
    [390, 480],
  ])('shows the whole contiguous US in a %i × %i canvas', (width, height) => {
    const view = fitView(CONTIGUOUS_US, width, height, 24)
    const [w, s, e, n] = new WebMercatorViewport({
      ...view,
      width,
      height,
    }).getBounds()
    expect(w).toBeLessThanOrEqual(CONTIGUOUS_US[0])
    expect(s).toBeLessThanOrEqual(CONTIGUOUS_US[1])
    expect(e).toBeGreaterThanOrEqual(CONTIGUOUS_US[2])
    expect(n).toBeGreaterThanOrEqual(CONTIGUOUS_US[3])
    // …and not much more: Alaska (west of -130°) and Hawaii stay off-screen on a wide canvas.
    if (width > height) expect(w).toBeGreaterThan(-135)
    expect(view.pitch).toBe(0)
  })

  it('survives a canvas too small for its padding', () => {
    const view = fitView(CONTIGUOUS_US, 40, 30, 24)
    expect(Number.isFinite(view.zoom)).toBe(true)
  })
})

describe('viewBBox', () => {
  it('gives a valid [w, s, e, n] box, rounded outwards', () => {
    const view = fitView(CONTIGUOUS_US, 1280, 800)
    const box = viewBBox(view, 1280, 800, 0.05)
    const [w, s, e, n] = box
    expect(w).toBeLessThan(e)
    expect(s).toBeLessThan(n)
    for (const v of box)
      expect(Math.abs(v * 20 - Math.round(v * 20))).toBeLessThan(1e-6)
  })

  it('clamps a zoomed-out world view to legal longitudes and latitudes', () => {
    const box = viewBBox(
      {
        longitude: 0,
        latitude: 0,
        zoom: 0,
        pitch: 0,
        bearing: 0,
        minZoom: 0,
        maxZoom: 12,
      },
      4000,
      4000,
    )
    expect(box[0]).toBeGreaterThanOrEqual(-180)
    expect(box[2]).toBeLessThanOrEqual(180)
    expect(box[1]).toBeGreaterThanOrEqual(-90)
    expect(box[3]).toBeLessThanOrEqual(90)
  })
})

describe('bounds', () => {
  it('bounds a multipolygon by its outer rings', () => {
    const box = geometryBounds({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-100, 40],
            [-99, 40],
            [-99, 41],
            [-100, 40],
          ],
        ],
        [
          [
            [-98, 38],
            [-97, 38],
            [-97, 39],
            [-98, 38],
          ],
        ],
      ],
    })
    expect(box).toEqual([-100, 38, -97, 41])
  })

  it('keeps an Aleutian shape split by the antimeridian narrow', () => {
    const box = geometryBounds({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 51],
            [179.9, 51],
            [179.9, 52],
            [179, 51],
          ],
        ],
        [
          [
            [-179.9, 51],
            [-178, 51],
            [-178, 52],
            [-179.9, 51],
          ],
        ],
      ],
    })
    expect(box[0]).toBeCloseTo(-181)
    expect(box[2]).toBeCloseTo(-178)
  })

  it('unions boxes, folding far-east boxes next to far-west ones', () => {
    expect(unionBounds([])).toBeNull()
    expect(
      unionBounds([
        [-100, 30, -90, 40],
        [-95, 35, -80, 45],
      ]),
    ).toEqual([-100, 30, -80, 45])
    const aleutians = unionBounds([
      [-170, 52, -160, 60],
      [172, 51, 179, 53],
    ])
    expect(aleutians).toEqual([-188, 51, -160, 60])
  })
})
