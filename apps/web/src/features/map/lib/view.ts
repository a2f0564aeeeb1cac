import { WebMercatorViewport } from '@deck.gl/core'
import type { BBox } from '@tessera/domain'

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number]

/** What the map's camera is, in the shape deck.gl's MapView takes. */
export interface MapViewState {
  longitude: number
  latitude: number
  zoom: number
  pitch: number
  bearing: number
  minZoom: number
  maxZoom: number
}

/** The lower 48 plus DC: what a US plan opens on. Alaska, Hawaii and Puerto Rico sit off-screen. */
export const CONTIGUOUS_US: Bounds = [-124.85, 24.4, -66.9, 49.45]

export const MIN_ZOOM = 2
export const MAX_ZOOM = 12

/** The camera that shows `bounds` whole inside a `width` × `height` canvas, `padding` pixels in. */
export function fitView(
  bounds: Bounds,
  width: number,
  height: number,
  padding = 24,
  maxZoom = 9,
): MapViewState {
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  // Keep the padding sane on a tiny canvas: fitBounds fails when padding eats the whole view.
  const pad = Math.max(0, Math.min(padding, Math.floor(Math.min(w, h) / 4)))
  const [west, south, east, north] = bounds
  const fitted = new WebMercatorViewport({ width: w, height: h }).fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding: pad, maxZoom },
  )
  return {
    longitude: fitted.longitude,
    latitude: fitted.latitude,
    zoom: clamp(fitted.zoom, MIN_ZOOM, MAX_ZOOM),
    pitch: 0,
    bearing: 0,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
  }
}

/**
 * The box the camera sees, as the accounts API accepts it: longitudes inside [-180, 180],
 * latitudes inside [-90, 90], west ≤ east. Rounded outwards to `step` degrees so that small
 * pans ask for the same box again (and hit the query cache).
 */
export function viewBBox(
  view: MapViewState,
  width: number,
  height: number,
  step = 0.05,
): BBox {
  const viewport = new WebMercatorViewport({
    ...view,
    width: Math.max(1, width),
    height: Math.max(1, height),
  })
  const [w, s, e, n] = viewport.getBounds()
  const west = clamp(Math.floor(w / step) * step, -180, 180)
  const east = clamp(Math.ceil(e / step) * step, -180, 180)
  const south = clamp(Math.floor(s / step) * step, -90, 90)
  const north = clamp(Math.ceil(n / step) * step, -90, 90)
  return [
    round(Math.min(west, east)),
    round(Math.min(south, north)),
    round(Math.max(west, east)),
    round(Math.max(south, north)),
  ]
}

/** The smallest box holding every box given, or null for none. */
export function unionBounds(boxes: Iterable<Bounds>): Bounds | null {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  // Aleutian islands lie past the antimeridian (positive longitudes); for a west-of-Greenwich
  // set of boxes they belong at lon − 360, or a territory with them would span the globe.
  const list = [...boxes]
  const hasFarWest = list.some((b) => b[0] < -150)
  for (const [w0, s, e0, n] of list) {
    const shift = hasFarWest && w0 > 150 ? -360 : 0
    west = Math.min(west, w0 + shift)
    east = Math.max(east, e0 + shift)
    south = Math.min(south, s)
    north = Math.max(north, n)
  }
  return Number.isFinite(west) ? [west, south, east, north] : null
}

/**
 * The box around a GeoJSON polygon or multipolygon. A shape split by the antimeridian (the
 * Aleutians) gets its eastern-hemisphere parts moved to lon − 360, so the box stays narrow.
 */
export function geometryBounds(
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon,
): Bounds {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  // The outer ring bounds each polygon; holes are inside it.
  const rings = polygons.map((polygon) => polygon[0] ?? [])
  const box = ringsBounds(rings, 0)
  return box[2] - box[0] > 180 ? ringsBounds(rings, -360) : box
}

function ringsBounds(rings: GeoJSON.Position[][], shiftEast: number): Bounds {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  for (const ring of rings) {
    for (const [lon0, lat] of ring) {
      if (lon0 === undefined || lat === undefined) continue
      const lon = lon0 > 0 ? lon0 + shiftEast : lon0
      if (lon < west) west = lon
      if (lon > east) east = lon
      if (lat < south) south = lat
      if (lat > north) north = lat
    }
  }
  return [west, south, east, north]
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6
}
