import { feature } from 'topojson-client'
import type {
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification'

/**
 * Maps drawn as SVG from a unit layer's TopoJSON: the shapes indexed by unit id, a
 * web-mercator projection fitted to a box, and SVG path strings. A few hundred paths are
 * cheap on a phone, where a WebGL map is not, and an SVG prints sharp at any size.
 */

export type UnitShape =
  | TopoPolygon<GeoJSON.GeoJsonProperties>
  | TopoMultiPolygon<GeoJSON.GeoJsonProperties>

/** A layer's unit shapes by unit id, built once per topology. */
export interface UnitShapes {
  topology: Topology
  byId: ReadonlyMap<string, UnitShape>
}

/**
 * Reads the API's topology (typed `unknown` on the wire) and indexes its units' polygons by
 * id. Anything else (points, geometries without an id) is left out; a value that is not a
 * topology with that collection gives `null`, so the page shows no map rather than failing.
 */
export function indexUnitShapes(
  value: unknown,
  unitsObject: string,
): UnitShapes | null {
  const topology = value as Partial<Topology> | null
  if (
    !topology ||
    topology.type !== 'Topology' ||
    !Array.isArray(topology.arcs) ||
    !topology.objects
  )
    return null
  const units = topology.objects[unitsObject]
  if (units?.type !== 'GeometryCollection') return null
  const byId = new Map<string, UnitShape>()
  for (const g of units.geometries) {
    if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && g.id != null)
      byId.set(String(g.id), g)
  }
  return { topology: topology as Topology, byId }
}

/** A unit's shape as GeoJSON (absolute longitudes and latitudes). */
export function shapeGeometry(
  topology: Topology,
  shape: UnitShape,
): GeoJSON.Geometry {
  // A polygon's feature is a Feature; the overloads can't tell that from the union type.
  return (feature(topology, shape) as GeoJSON.Feature).geometry
}

export type LonLat = readonly [number, number]

/** Beyond ±85.05° web mercator runs off to infinity; no territory needs it. */
const MAX_LAT = 85.0511

/** Spherical web mercator in radians; y grows northwards. */
export function mercator([lon, lat]: LonLat): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180
  return [(lon * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + phi / 2))]
}

export interface LonLatBounds {
  west: number
  south: number
  east: number
  north: number
  /**
   * Whether longitudes west of Greenwich are read as 180–360° east: set when that makes the
   * box narrower, as for a territory across the antimeridian (the Aleutians), which would
   * otherwise be drawn as two slivers a world apart.
   */
  wrap: boolean
}

export const wrapped = (lon: number) => (lon < 0 ? lon + 360 : lon)

/** The box around every position given, or `null` when there are none. */
export function lonLatBounds(positions: Iterable<LonLat>): LonLatBounds | null {
  let west = Infinity
  let east = -Infinity
  let westW = Infinity
  let eastW = -Infinity
  let south = Infinity
  let north = -Infinity
  for (const [lon, lat] of positions) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue
    west = Math.min(west, lon)
    east = Math.max(east, lon)
    westW = Math.min(westW, wrapped(lon))
    eastW = Math.max(eastW, wrapped(lon))
    south = Math.min(south, lat)
    north = Math.max(north, lat)
  }
  if (west > east) return null
  const wrap = eastW - westW < east - west
  return wrap
    ? { west: westW, east: eastW, south, north, wrap }
    : { west, east, south, north, wrap }
}

export interface FitOptions {
  /** The drawing's width in SVG units; the height follows from the shape. */
  width: number
  /** Space kept free on every side, in SVG units. */
  padding: number
  /** Height over width, at least and at most: a long thin territory still gets a usable box. */
  minAspect: number
  maxAspect: number
}

export const DEFAULT_FIT: FitOptions = {
  width: 600,
  padding: 16,
  minAspect: 0.5,
  maxAspect: 1,
}

export interface MapView {
  width: number
  height: number
  /** Longitude and latitude to SVG x (right) and y (down). */
  project: (p: LonLat) => [number, number]
}

/** The bounds' width and height in mercator units (radians), never zero. */
export function mercatorSize(bounds: LonLatBounds): [number, number] {
  const [x0, y0] = mercator([bounds.west, bounds.north])
  const [x1, y1] = mercator([bounds.east, bounds.south])
  // A single point (or a line) has no extent; give it a little, so the scale stays finite.
  return [Math.max(x1 - x0, 1e-6), Math.max(y0 - y1, 1e-6)]
}

/**
 * A web-mercator projection fitted to the bounds: one scale for both axes (shapes keep their
 * proportions), centred in a box as wide as asked and as tall as the shape needs within the
 * aspect limits.
 */
export function fitView(
  bounds: LonLatBounds,
  options: FitOptions = DEFAULT_FIT,
): MapView {
  const [x0, y0] = mercator([bounds.west, bounds.north])
  const [dx, dy] = mercatorSize(bounds)
  const { width, padding } = options
  const aspect = Math.min(
    options.maxAspect,
    Math.max(options.minAspect, dy / dx),
  )
  const height = Math.round(width * aspect)
  const scale = Math.min(
    (width - 2 * padding) / dx,
    (height - 2 * padding) / dy,
  )
  const left = (width - dx * scale) / 2
  const top = (height - dy * scale) / 2
  return {
    width,
    height,
    project: (p) => {
      const [x, y] = mercator([bounds.wrap ? wrapped(p[0]) : p[0], p[1]])
      return [left + (x - x0) * scale, top + (y0 - y) * scale]
    },
  }
}

type Position = GeoJSON.Position

/** A polygonal geometry's rings, grouped by polygon; nothing for any other type. */
export function polygonsOf(geometry: GeoJSON.Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates]
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates
  return []
}

/** A linear geometry's lines (a mesh of borders is a MultiLineString). */
function linesOf(geometry: GeoJSON.Geometry | null): Position[][] {
  if (geometry?.type === 'LineString') return [geometry.coordinates]
  if (geometry?.type === 'MultiLineString') return geometry.coordinates
  return []
}

const round = (v: number) => Math.round(v * 10) / 10

/** `M…L…` through the points, or '' when they all round onto one. */
function pointsPath(points: Position[], project: MapView['project']): string {
  let last = ''
  let path = ''
  let count = 0
  for (const p of points) {
    const [x, y] = project([p[0]!, p[1]!])
    const point = `${round(x)},${round(y)}`
    if (point === last) continue
    path += `${path ? 'L' : 'M'}${point}`
    last = point
    count += 1
  }
  return count > 1 ? path : ''
}

/**
 * An SVG path of the geometry, to a tenth of an SVG unit: each polygon ring closed
 * (`M…L…Z`), each line of a (multi)line string open (`M…L…`). Points that round onto the
 * one before are dropped, which thins dense coastlines at no visible cost, and so are rings
 * and lines that shrink to a point. Draw polygons with `fill-rule: evenodd` or the default:
 * rings keep their winding.
 */
export function geometryPath(
  geometry: GeoJSON.Geometry | null,
  project: MapView['project'],
): string {
  let d = ''
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon) {
      const path = pointsPath(ring, project)
      if (path) d += `${path}Z`
    }
  for (const line of linesOf(geometry)) d += pointsPath(line, project)
  return d
}

/** Every position of the geometries' polygons. */
export function* allPositions(
  geometries: Iterable<GeoJSON.Geometry>,
): Iterable<LonLat> {
  for (const g of geometries)
    for (const polygon of polygonsOf(g))
      for (const ring of polygon)
        for (const p of ring) yield [p[0]!, p[1]!] as const
}
