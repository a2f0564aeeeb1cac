import type {
  GeometryCollection,
  GeometryObject,
  Topology,
} from 'topojson-specification'
import { meshOf } from './unit-geometry'
import type { Bounds } from './view'

/** Country borders and coastlines, and US state borders, near a layer, with area names. */
export interface BaseLines {
  countryLines: GeoJSON.MultiLineString
  stateLines: GeoJSON.MultiLineString
  /** Region names by id: ISO 3166 numeric country codes and US state FIPS codes. */
  names: Map<string, string>
}

/**
 * The base map for layers that bring none of their own (hexagons, anywhere in the world):
 * world-atlas countries (Natural Earth 1:50m) and us-atlas states, both shipped npm data.
 * Only lines near `bounds` are kept (a layer's whole extent, widened by half), so a
 * European plan does not draw the Pacific; a layer whose longitudes run past ±180 (one
 * across the antimeridian) gets the lines there shifted by a whole turn.
 */
export function baseLinesNear(
  countries: Topology,
  states: Topology,
  bounds: Bounds,
): BaseLines {
  const [w, s, e, n] = bounds
  const padX = Math.max(5, (e - w) / 2)
  const padY = Math.max(5, (n - s) / 2)
  const near: Bounds = [w - padX, s - padY, e + padX, n + padY]
  const names = new Map<string, string>()
  for (const t of [countries, states]) {
    for (const o of Object.values(t.objects)) {
      if (o.type !== 'GeometryCollection') continue
      for (const g of (o as GeometryCollection).geometries) {
        const name = (g.properties as { name?: unknown } | undefined)?.name
        if (g.id !== undefined && typeof name === 'string')
          names.set(String(g.id), name)
      }
    }
  }
  const countryObject = countries.objects['countries'] as GeometryObject
  const stateObject = states.objects['states'] as GeometryObject
  return {
    countryLines: clipLines(meshOf(countries, countryObject), near),
    stateLines: clipLines(
      meshOf(states, stateObject, (a, b) => a !== b),
      near,
    ),
    names,
  }
}

/**
 * The parts of the lines (or of their copies a turn east or west) inside `box`: runs of
 * consecutive segments that touch it (a coastline may go round a continent).
 */
function clipLines(
  lines: GeoJSON.MultiLineString,
  box: Bounds,
): GeoJSON.MultiLineString {
  const [bw, bs, be, bn] = box
  const out: GeoJSON.Position[][] = []
  for (const line of lines.coordinates) {
    for (const shift of [0, 360, -360]) {
      let run: GeoJSON.Position[] = []
      for (let k = 1; k < line.length; k++) {
        const [x0, y0] = line[k - 1] as [number, number]
        const [x1, y1] = line[k] as [number, number]
        // A jump across ±180 (Natural Earth cuts shapes there) is not a line to draw.
        const inside =
          Math.abs(x1 - x0) < 180 &&
          Math.max(x0, x1) + shift >= bw &&
          Math.min(x0, x1) + shift <= be &&
          Math.max(y0, y1) >= bs &&
          Math.min(y0, y1) <= bn
        if (inside) {
          if (run.length === 0) run.push([x0 + shift, y0])
          run.push([x1 + shift, y1])
        } else if (run.length > 0) {
          out.push(run)
          run = []
        }
      }
      if (run.length > 0) out.push(run)
    }
  }
  return { type: 'MultiLineString', coordinates: out }
}

/**
 * Where the map opens for a layer: the contiguous US for the US counties (Alaska, Hawaii
 * and the territories would shrink it to a corner), otherwise the box holding the middle
 * 92% of the units by longitude and latitude (a few far-off cells — Alaska for a US plan,
 * the Canaries for a Spanish one — would do the same), widened by a twentieth each way.
 */
export function homeBounds(
  unitBounds: readonly Bounds[],
  fallback: Bounds,
): Bounds {
  if (unitBounds.length === 0) return fallback
  const xs = unitBounds.map((b) => (b[0] + b[2]) / 2).sort((a, b) => a - b)
  const ys = unitBounds.map((b) => (b[1] + b[3]) / 2).sort((a, b) => a - b)
  const at = (v: number[], q: number) =>
    v[
      Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))
    ] as number
  const lo = unitBounds.length > 50 ? 0.04 : 0
  const hi = 1 - lo
  // Pad by a cell (the quantiles are of centres) and a twentieth of the span.
  const cellW = Math.max(...unitBounds.slice(0, 50).map((b) => b[2] - b[0]))
  const cellH = Math.max(...unitBounds.slice(0, 50).map((b) => b[3] - b[1]))
  const padX = cellW + (at(xs, hi) - at(xs, lo)) / 20
  const padY = cellH + (at(ys, hi) - at(ys, lo)) / 20
  return [
    at(xs, lo) - padX,
    Math.max(-85, at(ys, lo) - padY),
    at(xs, hi) + padX,
    Math.min(85, at(ys, hi) + padY),
  ]
}
