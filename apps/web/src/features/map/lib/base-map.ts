import { changedUnits } from './fill-mesh'
import type { LineSet } from './hairline-layer'
import { ScreenGrid } from './screen-grid'
import type { UnitFeature } from './unit-geometry'

/**
 * The map's base — unit fill and hairlines — drawn with the 2D canvas API while the camera
 * rests, for software renderers.
 *
 * Why: where WebGL is drawn on the CPU and the page composited in software (headless
 * Chromium, machines without a usable GPU), every WebGL frame is read back into the page's
 * main thread before it can be shown, and that read waits for the whole frame to be drawn:
 * 30–100 ms a frame on two busy cores, whatever changed. An edit then blocks the page for
 * that long. A 2D canvas is drawn where it is painted and keeps its pixels, so an edit
 * repaints only the few pixels around the units that changed hands (well under a
 * millisecond), and the WebGL canvas above it, holding only points and overlays, does not
 * draw at all. While the camera moves the map draws the base with WebGL as before (a 2D
 * redraw of 3,000 polygons a frame would be slower); see `useBaseMap`.
 */

/** What `Context2D` needs of a CanvasRenderingContext2D (tests pass a recorder). */
export interface Context2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
  setTransform(
    a: number,
    b: number,
    c: number,
    d: number,
    e: number,
    f: number,
  ): void
  save(): void
  restore(): void
  beginPath(): void
  rect(x: number, y: number, w: number, h: number): void
  clip(): void
  fillRect(x: number, y: number, w: number, h: number): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  closePath(): void
  fill(rule?: CanvasFillRule): void
  stroke(): void
}

export interface BaseMapScene {
  /** The unit polygons at the camera's level of detail, indexed by unit (see `unitRings`). */
  units: UnitRings
  /** RGBA per unit (`4u .. 4u + 4`), as the WebGL fill takes them. */
  colors: Uint8Array
  /**
   * The territory of each unit: a unit that changed hands is repainted even when its colour
   * did not (two territories can share a colour), since the borders around it moved.
   */
  owners: Int32Array | null
  /** The fill's opacity (it steps back under the density layer). */
  fillOpacity: number
  /** The colour under the map (the sea): fills are composed over it, so they are opaque. */
  background: readonly [number, number, number]
  /**
   * Hairlines over the fill, in order. A set whose array changes is taken to have changed
   * only around the units that changed (territory borders after an edit); any other change
   * of line sets (a different number of sets) redraws the whole base.
   */
  lines: readonly LineSet[]
  /** The camera: flat and north-up, as the map's always is. */
  view: { longitude: number; latitude: number; zoom: number }
  /** CSS pixels. */
  width: number
  height: number
  pixelRatio: number
}

export type BasePaint =
  { kind: 'none' } | { kind: 'whole' } | { kind: 'units'; units: number[] }

/** More changed units than this and the base is redrawn whole. */
export const PARTIAL_LIMIT = 64
/** Pixels around a changed unit that are redrawn: line widths and anti-aliasing spill over. */
const MARGIN = 2

const TILE = 512

/**
 * Lon/lat → CSS pixels for a flat, north-up web-mercator camera (deck.gl's MapView with
 * pitch and bearing 0: 512-pixel world at zoom 0, the camera's centre in the middle).
 */
export function mercatorProjector(
  view: BaseMapScene['view'],
  width: number,
  height: number,
): (lon: number, lat: number) => [number, number] {
  const scale = TILE * 2 ** view.zoom
  const wx = (lon: number) => ((lon + 180) / 360) * scale
  const wy = (lat: number) => {
    const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180
    return (
      (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * scale
    )
  }
  const dx = width / 2 - wx(view.longitude)
  const dy = height / 2 - wy(view.latitude)
  return (lon, lat) => [wx(lon) + dx, wy(lat) + dy]
}

/**
 * The units' polygons as flat arrays (what a worker can be sent cheaply): lon/lat pairs,
 * rings by unit. Evenodd filling makes a polygon's holes and a multipolygon's parts need no
 * more structure than this.
 */
export interface UnitRings {
  /** lon, lat of every vertex */
  coords: Float64Array
  /** ring r spans coords[2 * ringStart[r] .. 2 * ringStart[r + 1]) */
  ringStart: Uint32Array
  /** unit u has rings unitRing[u] .. unitRing[u + 1] */
  unitRing: Uint32Array
}

export function unitRings(features: readonly UnitFeature[]): UnitRings {
  let vertices = 0
  let rings = 0
  for (const f of features)
    for (const polygon of polygonsOf(f))
      for (const ring of polygon) {
        vertices += ring.length
        rings++
      }
  const coords = new Float64Array(vertices * 2)
  const ringStart = new Uint32Array(rings + 1)
  const unitRing = new Uint32Array(features.length + 1)
  let v = 0
  let r = 0
  features.forEach((f, u) => {
    unitRing[u] = r
    for (const polygon of polygonsOf(f))
      for (const ring of polygon) {
        ringStart[r++] = v
        for (const p of ring) {
          coords[v * 2] = p[0]!
          coords[v * 2 + 1] = p[1]!
          v++
        }
      }
  })
  unitRing[features.length] = r
  ringStart[r] = v
  return { coords, ringStart, unitRing }
}

/** The number of units in a `UnitRings`. */
export const unitCount = (units: UnitRings) => units.unitRing.length - 1

/** The units' outlines on screen: `UnitRings` in CSS pixels, with a box per unit. */
export interface ProjectedUnits {
  xy: Float32Array
  ringStart: Uint32Array
  unitRing: Uint32Array
  /** [x0, y0, x1, y1] per unit, CSS pixels */
  box: Float32Array
}

export function projectUnits(
  units: UnitRings,
  project: (lon: number, lat: number) => [number, number],
): ProjectedUnits {
  const { coords, ringStart, unitRing } = units
  const n = unitCount(units)
  const xy = new Float32Array(coords.length)
  const box = new Float32Array(n * 4)
  for (let u = 0; u < n; u++) {
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    const from = ringStart[unitRing[u]!]!
    const to = ringStart[unitRing[u + 1]!]!
    for (let v = from; v < to; v++) {
      const [x, y] = project(coords[v * 2]!, coords[v * 2 + 1]!)
      xy[v * 2] = x
      xy[v * 2 + 1] = y
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
    box[u * 4] = x0
    box[u * 4 + 1] = y0
    box[u * 4 + 2] = x1
    box[u * 4 + 3] = y1
  }
  return { xy, ringStart, unitRing, box }
}

function polygonsOf(f: UnitFeature): GeoJSON.Position[][][] {
  const g = f.geometry
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

/** A unit's colour composed over the background at the fill's opacity, as an opaque CSS colour. */
export function composedFill(
  colors: Uint8Array,
  unit: number,
  opacity: number,
  background: readonly [number, number, number],
): string {
  const a = (colors[unit * 4 + 3]! / 255) * opacity
  const mix = (c: number, b: number) => Math.round(c * a + b * (1 - a))
  return `rgb(${mix(colors[unit * 4]!, background[0])},${mix(colors[unit * 4 + 1]!, background[1])},${mix(colors[unit * 4 + 2]!, background[2])})`
}

/** The units whose territory differs between two owner tables (all of them if there is no old one). */
function changedOwners(
  before: Int32Array | null,
  now: Int32Array | null,
): number[] | null {
  if (!now) return []
  if (!before || before.length !== now.length) return null
  const out: number[] = []
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i]) out.push(i)
  return out
}

type Rect = [number, number, number, number]

const intersects = (b: ArrayLike<number>, i: number, r: Rect) =>
  b[i]! <= r[2] && b[i + 2]! >= r[0] && b[i + 1]! <= r[3] && b[i + 3]! >= r[1]

/**
 * Keeps a 2D canvas showing a `BaseMapScene`: all of it when the camera, the canvas, the
 * polygons or the kind of lines change; otherwise only the neighbourhood of each unit whose
 * colour or territory changed, clipped, so the result is what a whole redraw would give.
 */
export class BaseMapPainter {
  private drawn: BaseMapScene | null = null
  private projected: ProjectedUnits | null = null
  /** Units by where they are on screen, so a repaint visits only the units near it. */
  private unitGrid: ScreenGrid | null = null
  private projectedLines = new WeakMap<Float64Array, ScreenLines>()
  private project: ((lon: number, lat: number) => [number, number]) | null =
    null

  constructor(private readonly ctx: Context2D) {}

  /** Forget what is drawn: the next paint is whole (the canvas was resized or hidden). */
  invalidate() {
    this.drawn = null
  }

  paint(scene: BaseMapScene): BasePaint {
    const before = this.drawn
    const sameFrame =
      before !== null &&
      before.units === scene.units &&
      before.view.longitude === scene.view.longitude &&
      before.view.latitude === scene.view.latitude &&
      before.view.zoom === scene.view.zoom &&
      before.width === scene.width &&
      before.height === scene.height &&
      before.pixelRatio === scene.pixelRatio
    if (!sameFrame || !this.projected || !this.project) {
      this.project = mercatorProjector(scene.view, scene.width, scene.height)
      this.projected = projectUnits(scene.units, this.project)
      this.unitGrid = new ScreenGrid(
        this.projected.box,
        scene.width,
        scene.height,
      )
      this.projectedLines = new WeakMap()
    }
    let units: number[] | null = null
    if (
      sameFrame &&
      before.fillOpacity === scene.fillOpacity &&
      before.background.join() === scene.background.join() &&
      before.lines.length === scene.lines.length &&
      before.lines.every(
        (l, i) =>
          l.color.join() === scene.lines[i]!.color.join() &&
          (l.opacity ?? 1) === (scene.lines[i]!.opacity ?? 1),
      )
    ) {
      const byColour = changedUnits(before.colors, scene.colors)
      const byOwner = changedOwners(before.owners, scene.owners)
      if (byColour && byOwner) {
        units = [...new Set([...byColour, ...byOwner])].sort((a, b) => a - b)
        const linesSame = before.lines.every(
          (l, i) => l.segments === scene.lines[i]!.segments,
        )
        if (units.length === 0 && linesSame) {
          this.drawn = scene
          return { kind: 'none' }
        }
        // Lines changed with no unit to say where: only a whole redraw is right.
        if (units.length === 0 || units.length > PARTIAL_LIMIT) units = null
      }
    }
    this.drawn = scene
    const ctx = this.ctx
    ctx.setTransform(scene.pixelRatio, 0, 0, scene.pixelRatio, 0, 0)
    if (!units) {
      this.drawRegion(scene, [0, 0, scene.width, scene.height], false)
      return { kind: 'whole' }
    }
    const box = this.projected.box
    for (const u of units) {
      const i = u * 4
      if (!(box[i]! <= box[i + 2]!)) continue
      const region: Rect = [
        Math.floor(box[i]! - MARGIN),
        Math.floor(box[i + 1]! - MARGIN),
        Math.ceil(box[i + 2]! + MARGIN),
        Math.ceil(box[i + 3]! + MARGIN),
      ]
      if (
        region[2] < 0 ||
        region[3] < 0 ||
        region[0] > scene.width ||
        region[1] > scene.height
      )
        continue
      this.drawRegion(scene, region, true)
    }
    return { kind: 'units', units }
  }

  /** Everything that falls in `r` drawn anew: background, fills, then each line set. */
  private drawRegion(scene: BaseMapScene, r: Rect, clip: boolean) {
    const ctx = this.ctx
    const p = this.projected!
    const [bgR, bgG, bgB] = scene.background
    ctx.save()
    if (clip) {
      ctx.beginPath()
      ctx.rect(r[0], r[1], r[2] - r[0], r[3] - r[1])
      ctx.clip()
    }
    ctx.fillStyle = `rgb(${bgR},${bgG},${bgB})`
    ctx.fillRect(r[0], r[1], r[2] - r[0], r[3] - r[1])
    // Neighbouring polygons each anti-alias their shared edge, which lets the sea show
    // through as a faint seam; a thin stroke in the unit's own colour closes it.
    ctx.lineWidth = 0.75
    const { xy, ringStart, unitRing, box } = p
    // A whole draw takes every unit and segment; a region only those the grid puts near it.
    const near = clip ? this.unitGrid!.near(r[0], r[1], r[2], r[3]) : null
    const visits = near ? near.length : unitCount(scene.units)
    for (let n = 0; n < visits; n++) {
      const u = near ? near[n]! : n
      if (!intersects(box, u * 4, r)) continue
      ctx.beginPath()
      for (let ring = unitRing[u]!; ring < unitRing[u + 1]!; ring++) {
        const start = ringStart[ring]!
        const end = ringStart[ring + 1]!
        if (end - start < 3) continue
        ctx.moveTo(xy[start * 2]!, xy[start * 2 + 1]!)
        for (let v = start + 1; v < end; v++)
          ctx.lineTo(xy[v * 2]!, xy[v * 2 + 1]!)
        ctx.closePath()
      }
      const colour = composedFill(
        scene.colors,
        u,
        scene.fillOpacity,
        scene.background,
      )
      ctx.fillStyle = colour
      ctx.strokeStyle = colour
      ctx.fill('evenodd')
      ctx.stroke()
    }
    ctx.lineWidth = 1
    for (const set of scene.lines) {
      const alpha = (set.color[3] / 255) * (set.opacity ?? 1)
      if (alpha <= 0 || set.segments.length === 0) continue
      const { xy: s, grid } = this.linesOnScreen(set.segments, scene)
      ctx.strokeStyle = `rgba(${set.color[0]},${set.color[1]},${set.color[2]},${alpha.toFixed(3)})`
      ctx.beginPath()
      const nearLines = clip ? grid.near(r[0], r[1], r[2], r[3]) : null
      const count = nearLines ? nearLines.length : s.length / 4
      for (let n = 0; n < count; n++) {
        const i = (nearLines ? nearLines[n]! : n) * 4
        const ax = s[i]!
        const ay = s[i + 1]!
        const bx = s[i + 2]!
        const by = s[i + 3]!
        if (
          (ax < r[0] && bx < r[0]) ||
          (ax > r[2] && bx > r[2]) ||
          (ay < r[1] && by < r[1]) ||
          (ay > r[3] && by > r[3])
        )
          continue
        ctx.moveTo(ax, ay)
        ctx.lineTo(bx, by)
      }
      ctx.stroke()
    }
    ctx.restore()
  }

  private linesOnScreen(
    segments: Float64Array,
    scene: BaseMapScene,
  ): ScreenLines {
    let lines = this.projectedLines.get(segments)
    if (!lines) {
      const xy = new Float32Array(segments.length)
      const project = this.project!
      for (let i = 0; i < segments.length; i += 2) {
        const [x, y] = project(segments[i]!, segments[i + 1]!)
        xy[i] = x
        xy[i + 1] = y
      }
      lines = { xy, grid: new ScreenGrid(xy, scene.width, scene.height) }
      this.projectedLines.set(segments, lines)
    }
    return lines
  }
}

/** A line set on screen: [ax, ay, bx, by] per segment, and where each one is. */
interface ScreenLines {
  xy: Float32Array
  grid: ScreenGrid
}
