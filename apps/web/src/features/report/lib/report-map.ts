import { merge, mesh } from 'topojson-client'
import type { GeometryObject } from 'topojson-specification'
import {
  fitView,
  geometryPath,
  type MapView,
  mercatorSize,
  shapeGeometry,
  type UnitShape,
  type UnitShapes,
} from '../../../lib/svg-map'
import { type FrameUnit, frameLayout } from './map-frames'

/**
 * The pure half of the report's map: every unit filled with its territory's colour (merged
 * into one path per territory and frame, so the page holds tens of paths, not thousands),
 * thin borders between units of a territory, thick ones between territories, the outline,
 * and a label point per territory. Far-off units are drawn in insets under the main frame.
 */

export interface ReportMapOptions {
  /** The drawing's width in SVG units; the height follows. */
  width: number
  /** Space between the main frame and the insets, and between insets. */
  gap: number
}

export const REPORT_MAP: ReportMapOptions = { width: 1000, gap: 10 }

export interface TerritoryFill {
  /** null: units no territory owns. */
  territoryId: string | null
  color: string | null
  d: string
}

export interface ReportMapFrame {
  x: number
  y: number
  width: number
  height: number
  inset: boolean
  fills: TerritoryFill[]
  unitBorders: string
  territoryBorders: string
  outline: string
}

export interface MapLabel {
  territoryId: string
  x: number
  y: number
  /** The labelled piece's area in square SVG units: bigger territories are named first. */
  area: number
}

export interface ReportMapDrawing {
  width: number
  height: number
  /** The main frame first, then the insets from left to right. */
  frames: ReportMapFrame[]
  /** Where each territory's name goes: inside its largest piece in the main frame. */
  labels: MapLabel[]
  /** Territories drawn, and units no territory owns. */
  territoryIds: string[]
  unassignedUnits: number
  /** Assigned unit ids the layer has no shape for: not drawn, only counted. */
  missing: number
}

/** A territory's piece smaller than this (in square SVG units) gets no label. */
const MIN_LABEL_AREA = 900

const clamp = (v: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, v))

/**
 * Everything the report's map draws, or `null` when the layer has no unit to draw.
 * `assignments` maps unit → territory; a unit of a territory without a colour is drawn as
 * unassigned.
 */
export function buildReportMap(
  shapes: UnitShapes,
  assignments: Readonly<Record<string, string>>,
  colors: ReadonlyMap<string, string>,
  options: ReportMapOptions = REPORT_MAP,
): ReportMapDrawing | null {
  const units: FrameUnit[] = []
  // By shape object: what mesh's filter is handed.
  const territoryOf = new Map<object, string | null>()
  for (const [id, shape] of shapes.byId) {
    const t = assignments[id]
    territoryOf.set(shape, t !== undefined && colors.has(t) ? t : null)
    units.push({ id, shape, geometry: shapeGeometry(shapes.topology, shape) })
  }
  const layout = frameLayout(units)
  if (!layout) return null
  const { width, gap } = options

  const main = fitView(layout.main.bounds, {
    width,
    padding: 8,
    minAspect: 0.35,
    maxAspect: 0.9,
  })
  const labels: MapLabel[] = []
  const frames = [frame(layout.main.units, main, 0, 0, false)]

  // Insets in a strip under the main frame, one height for all, each as wide as its shape
  // needs (within limits), shrunk together when they would not fit the width.
  if (layout.insets.length > 0) {
    const aspects = layout.insets.map((a) => {
      const [dx, dy] = mercatorSize(a.bounds)
      return clamp(dy / dx, 0.45, 1.6)
    })
    let height = clamp(Math.round(main.height * 0.26), 60, 170)
    const needed =
      aspects.reduce((n, a) => n + height / a, 0) + gap * (aspects.length - 1)
    if (needed > width) height = Math.floor((height * width) / needed)
    let x = 0
    layout.insets.forEach((area, i) => {
      const w = Math.max(1, Math.floor(height / aspects[i]!))
      const view = fitView(area.bounds, {
        width: w,
        padding: 4,
        minAspect: height / w,
        maxAspect: height / w,
      })
      frames.push(frame(area.units, view, x, main.height + gap, true))
      x += w + gap
    })
  }

  const drawn = new Set<string>()
  let unassignedUnits = 0
  for (const t of territoryOf.values())
    if (t === null) unassignedUnits += 1
    else drawn.add(t)
  let missing = 0
  for (const unitId of Object.keys(assignments))
    if (!shapes.byId.has(unitId)) missing += 1
  return {
    width,
    height: Math.max(...frames.map((f) => f.y + f.height)),
    frames,
    labels,
    territoryIds: [...drawn].sort(),
    unassignedUnits,
    missing,
  }

  function frame(
    members: number[],
    view: MapView,
    x: number,
    y: number,
    inset: boolean,
  ): ReportMapFrame {
    const shapesOf = new Map<string | null, UnitShape[]>()
    for (const m of members) {
      const shape = units[m]!.shape
      const t = territoryOf.get(shape) ?? null
      const list = shapesOf.get(t)
      if (list) list.push(shape)
      else shapesOf.set(t, [shape])
    }
    const fills = [...shapesOf]
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
      .map(([territoryId, list]) => {
        const merged = merge(
          shapes.topology,
          list as Parameters<typeof merge>[1],
        )
        // Labels go in the main frame only: an inset is too small to hold names.
        if (territoryId !== null && !inset) {
          const at = labelPoint(merged, view)
          if (at)
            labels.push({
              territoryId,
              x: x + at.x,
              y: y + at.y,
              area: at.area,
            })
        }
        return {
          territoryId,
          color: territoryId === null ? null : colors.get(territoryId)!,
          d: geometryPath(merged, view.project),
        }
      })
    const collection = {
      type: 'GeometryCollection' as const,
      geometries: members.map((m) => units[m]!.shape) as GeometryObject[],
    }
    const lines = (keep: (a: GeometryObject, b: GeometryObject) => boolean) =>
      geometryPath(mesh(shapes.topology, collection, keep), view.project)
    const t = (g: GeometryObject) => territoryOf.get(g) ?? null
    return {
      x,
      y,
      width: view.width,
      height: view.height,
      inset,
      fills,
      unitBorders: lines((a, b) => a !== b && t(a) === t(b)),
      territoryBorders: lines((a, b) => a !== b && t(a) !== t(b)),
      outline: lines((a, b) => a === b),
    }
  }
}

/**
 * Where a territory's name goes: the centroid of its largest piece's outer ring, or null
 * when even that piece is too small to hold a label. (The centroid of a C-shaped piece can
 * fall outside it; the label still sits among its units' colour.)
 */
function labelPoint(
  territory: GeoJSON.MultiPolygon,
  view: MapView,
): { x: number; y: number; area: number } | null {
  let best: { area: number; x: number; y: number } | null = null
  for (const polygon of territory.coordinates) {
    const outer = polygon[0]
    if (!outer) continue
    const c = ringCentroid(outer.map((p) => view.project([p[0]!, p[1]!])))
    if (c && (!best || c.area > best.area)) best = c
  }
  return best && best.area >= MIN_LABEL_AREA
    ? { x: Math.round(best.x), y: Math.round(best.y), area: best.area }
    : null
}

/** A ring's area (unsigned) and centroid, by the shoelace formula; null when it has none. */
export function ringCentroid(
  ring: readonly (readonly [number, number])[],
): { area: number; x: number; y: number } | null {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!
    const [x1, y1] = ring[(i + 1) % ring.length]!
    const cross = x0 * y1 - x1 * y0
    a += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  if (Math.abs(a) < 1e-12) return null
  return { area: Math.abs(a) / 2, x: cx / (3 * a), y: cy / (3 * a) }
}

/**
 * The labels that can be written without overlapping: the largest territories' first, each
 * other one only if its box (its text's estimated width, a line high) is clear of those
 * already placed. Where territories are small and close, some go unnamed on the map; the
 * table's colour swatches still tell them apart.
 */
export function declutterLabels<L extends MapLabel>(
  labels: readonly L[],
  text: (label: L) => string,
  fontSize: number,
): L[] {
  const placed: { label: L; x0: number; x1: number; y0: number; y1: number }[] =
    []
  for (const label of [...labels].sort((a, b) => b.area - a.area)) {
    // An average glyph of a sans-serif bold face is about 0.6 em wide.
    const half = (text(label).length * fontSize * 0.6) / 2 + 2
    const box = {
      label,
      x0: label.x - half,
      x1: label.x + half,
      y0: label.y - fontSize * 0.6,
      y1: label.y + fontSize * 0.6,
    }
    if (
      placed.every(
        (p) =>
          box.x1 <= p.x0 || box.x0 >= p.x1 || box.y1 <= p.y0 || box.y0 >= p.y1,
      )
    )
      placed.push(box)
  }
  return placed.map((p) => p.label)
}
