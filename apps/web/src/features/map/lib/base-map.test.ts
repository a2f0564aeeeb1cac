import { WebMercatorViewport } from '@deck.gl/core'
import { describe, expect, it } from 'vitest'
import {
  BaseMapPainter,
  type BaseMapScene,
  type Context2D,
  PARTIAL_LIMIT,
  composedFill,
  mercatorProjector,
  unitCount,
  unitRings,
} from './base-map'
import type { UnitFeature } from './unit-geometry'

/** A 2D context that records what is drawn: fills by colour, clip rectangles, strokes. */
class Recorder implements Context2D {
  fillStyle: string | CanvasGradient | CanvasPattern = ''
  strokeStyle: string | CanvasGradient | CanvasPattern = ''
  lineWidth = 1
  ops: string[] = []
  private path: string[] = []
  setTransform(a: number) {
    this.ops.push(`transform ${a}`)
  }
  /** save() minus restore(): every paint must leave the context as it found it. */
  depth = 0
  save() {
    this.depth++
  }
  restore() {
    this.depth--
  }
  beginPath() {
    this.path = []
  }
  rect(x: number, y: number, w: number, h: number) {
    this.path.push(`rect ${x},${y},${w},${h}`)
  }
  clip() {
    this.ops.push(`clip ${this.path.join(' ')}`)
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.ops.push(`fillRect ${String(this.fillStyle)} ${x},${y},${w},${h}`)
  }
  moveTo(x: number, y: number) {
    this.path.push(`M${Math.round(x)},${Math.round(y)}`)
  }
  lineTo(x: number, y: number) {
    this.path.push(`L${Math.round(x)},${Math.round(y)}`)
  }
  closePath() {
    this.path.push('Z')
  }
  fill() {
    this.ops.push(`fill ${String(this.fillStyle)}`)
  }
  stroke() {
    if (this.lineWidth === 1)
      this.ops.push(`lines ${String(this.strokeStyle)} ${this.path.length / 2}`)
  }
  take() {
    const out = this.ops
    this.ops = []
    return out
  }
}

/** A row of square units one degree wide along the equator, from longitude 0. */
function squares(n: number): UnitFeature[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `u${i}`,
    properties: { unitIndex: i, name: `U${i}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [i, 0],
          [i + 1, 0],
          [i + 1, 1],
          [i, 1],
          [i, 0],
        ],
      ],
    },
  }))
}

function colours(n: number, pick: (i: number) => number[]): Uint8Array {
  const out = new Uint8Array(n * 4)
  for (let i = 0; i < n; i++) out.set(pick(i), i * 4)
  return out
}

function scene(over: Partial<BaseMapScene> = {}): BaseMapScene {
  const units = over.units ?? unitRings(squares(10))
  const n = unitCount(units)
  return {
    units,
    colors: colours(n, () => [200, 0, 0, 255]),
    owners: new Int32Array(n),
    fillOpacity: 1,
    background: [10, 20, 30],
    lines: [
      { segments: new Float64Array([0, 0, 10, 0]), color: [0, 0, 0, 255] },
    ],
    // Zoom 6: a degree is about 91 pixels, so each unit is its own patch of screen.
    view: { longitude: 5, latitude: 0.5, zoom: 6 },
    width: 1000,
    height: 400,
    pixelRatio: 1,
    ...over,
  }
}

const fills = (ops: string[]) => ops.filter((o) => o.startsWith('fill '))

describe('unitRings', () => {
  it('flattens polygons, holes and multipolygons into rings by unit', () => {
    const square = (x: number) => [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 0],
    ]
    const features = [
      {
        ...squares(1)[0]!,
        geometry: { type: 'Polygon', coordinates: [square(0), square(0.25)] },
      },
      {
        ...squares(1)[0]!,
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[square(2)], [square(4)]],
        },
      },
      {
        ...squares(1)[0]!,
        geometry: { type: 'MultiPolygon', coordinates: [] },
      },
    ] as UnitFeature[]
    const rings = unitRings(features)
    expect(unitCount(rings)).toBe(3)
    expect([...rings.unitRing]).toEqual([0, 2, 4, 4])
    expect([...rings.ringStart]).toEqual([0, 4, 8, 12, 16])
    expect([...rings.coords.slice(16, 18)]).toEqual([2, 0])
  })
})

describe('mercatorProjector', () => {
  it('puts points where deck.gl’s web-mercator viewport does', () => {
    const view = { longitude: -96.5, latitude: 38.2, zoom: 3.7 }
    const viewport = new WebMercatorViewport({
      ...view,
      width: 1060,
      height: 848,
    })
    const project = mercatorProjector(view, 1060, 848)
    for (const p of [
      [-124.2, 41.9],
      [-70.1, 43.6],
      [-96.5, 38.2],
      [-81.3, 25.1],
    ] as const) {
      const [x, y] = project(p[0], p[1])
      const [ex, ey] = viewport.project([p[0], p[1]])
      expect(x).toBeCloseTo(ex!, 3)
      expect(y).toBeCloseTo(ey!, 3)
    }
  })
})

describe('composedFill', () => {
  it('composes a translucent colour over the background into an opaque one', () => {
    const c = new Uint8Array([255, 0, 0, 128])
    expect(composedFill(c, 0, 1, [0, 0, 255])).toBe('rgb(128,0,127)')
    // At the faded opacity the background shows more.
    expect(composedFill(c, 0, 0.5, [0, 0, 255])).toBe('rgb(64,0,191)')
  })
})

describe('BaseMapPainter', () => {
  it('draws everything first, then nothing when nothing changed', () => {
    const ctx = new Recorder()
    const painter = new BaseMapPainter(ctx)
    const s = scene()
    expect(painter.paint(s)).toEqual({ kind: 'whole' })
    const whole = ctx.take()
    expect(fills(whole)).toHaveLength(10)
    expect(whole.some((o) => o.startsWith('clip'))).toBe(false)
    expect(whole.some((o) => o.startsWith('lines'))).toBe(true)
    expect(painter.paint({ ...s })).toEqual({ kind: 'none' })
    expect(ctx.take()).toEqual([])
  })

  it('repaints only around a unit whose colour changed, with its neighbours and the lines there', () => {
    const ctx = new Recorder()
    const painter = new BaseMapPainter(ctx)
    const s = scene()
    painter.paint(s)
    ctx.take()
    const colors = s.colors.slice()
    colors.set([0, 0, 200, 255], 4 * 4)
    const borders = new Float64Array([4, 0, 4, 1, 5, 0, 5, 1])
    const result = painter.paint({
      ...s,
      colors,
      lines: [{ segments: borders, color: [0, 0, 0, 255] }],
    })
    expect(result).toEqual({ kind: 'units', units: [4] })
    expect(ctx.depth).toBe(0)
    const ops = ctx.take()
    expect(ops.filter((o) => o.startsWith('clip'))).toHaveLength(1)
    // Unit 4 and the two squares that share its edges, nothing further away.
    expect(fills(ops)).toEqual([
      'fill rgb(200,0,0)',
      'fill rgb(0,0,200)',
      'fill rgb(200,0,0)',
    ])
    expect(ops).toContain('lines rgba(0,0,0,1.000) 2')
  })

  it('repaints a unit that changed hands even when its colour did not', () => {
    const ctx = new Recorder()
    const painter = new BaseMapPainter(ctx)
    const s = scene()
    painter.paint(s)
    const owners = s.owners!.slice()
    owners[7] = 3
    expect(painter.paint({ ...s, owners })).toEqual({
      kind: 'units',
      units: [7],
    })
  })

  it('draws whole again when the camera, the canvas, the line kinds or too many units change', () => {
    const painter = new BaseMapPainter(new Recorder())
    const s = scene()
    painter.paint(s)
    const moved = { ...s, view: { ...s.view, longitude: 5.5 } }
    expect(painter.paint(moved)).toEqual({ kind: 'whole' })
    const resized = { ...moved, width: 900 }
    expect(painter.paint(resized)).toEqual({ kind: 'whole' })
    const fewerLines = { ...resized, lines: [] }
    expect(painter.paint(fewerLines)).toEqual({ kind: 'whole' })
    const many = scene({ units: unitRings(squares(PARTIAL_LIMIT + 10)) })
    painter.paint(many)
    const recoloured = {
      ...many,
      colors: colours(PARTIAL_LIMIT + 10, () => [0, 200, 0, 255]),
    }
    expect(painter.paint(recoloured)).toEqual({ kind: 'whole' })
  })

  it('draws whole when lines changed with no unit to say where', () => {
    const painter = new BaseMapPainter(new Recorder())
    const s = scene()
    painter.paint(s)
    const lines = [
      { segments: new Float64Array([1, 1, 2, 2]), color: [0, 0, 0, 255] },
    ] satisfies BaseMapScene['lines']
    expect(painter.paint({ ...s, lines })).toEqual({ kind: 'whole' })
  })

  it('draws whole after invalidate (a resized or re-shown canvas)', () => {
    const painter = new BaseMapPainter(new Recorder())
    const s = scene()
    painter.paint(s)
    painter.invalidate()
    expect(painter.paint(s)).toEqual({ kind: 'whole' })
  })
})
