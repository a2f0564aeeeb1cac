import type {
  Feature,
  MultiPolygon as GeoMultiPolygon,
  Polygon as GeoPolygon,
  Position,
} from 'geojson'
import { feature, transform as topoTransform } from 'topojson-client'
import type {
  GeometryObject as AnyGeometryObject,
  MultiPolygon,
  Polygon,
  Properties,
  Topology,
} from 'topojson-specification'

/** Any TopoJSON geometry object, whatever its properties. */
export type GeometryObject = AnyGeometryObject<Properties>

/** Reads a unit's id from a geometry object; `null` skips the geometry. */
export type UnitIdOf = (geometry: GeometryObject) => string | null

/** The geometry's own `id` (TopoJSON's slot for it), as a string; `null` when absent or empty. */
export function defaultUnitId(geometry: GeometryObject): string | null {
  const id = geometry.id
  if (id === undefined || id === null || id === '') return null
  return String(id)
}

/** One unit's polygonal geometry gathered from the topology, before any measuring. */
export interface UnitShape {
  id: string
  properties: Record<string, unknown>
  /** Polygon and MultiPolygon objects carrying this id (usually one). */
  geometries: (Polygon<Properties> | MultiPolygon<Properties>)[]
  /** GeoJSON polygons (rings of [lon, lat]) of every part, outer ring first. */
  polygons: Position[][][]
}

/**
 * The polygonal units of `topology.objects[objectName]`, one per distinct id, sorted by id
 * (plain code-unit order, so index order and `a < b` agree). Nested collections are walked;
 * points, lines, null geometries and geometries without an id are skipped, and geometries
 * that share an id are merged into one unit rather than silently dropped.
 */
export function readUnitShapes(
  topology: Topology,
  objectName: string,
  idOf: UnitIdOf = defaultUnitId,
): UnitShape[] {
  const root = topology.objects[objectName]
  if (!root)
    throw new RangeError(`topology has no object named "${objectName}"`)
  const byId = new Map<string, UnitShape>()
  const visit = (g: GeometryObject): void => {
    if (g.type === 'GeometryCollection') {
      for (const child of g.geometries) visit(child)
      return
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return
    const id = idOf(g)
    if (id === null) return
    const geometry = (feature(topology, g as Polygon) as Feature).geometry as
      GeoPolygon | GeoMultiPolygon | null
    if (!geometry) return
    const parts =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.coordinates
    let shape = byId.get(id)
    if (!shape) {
      shape = {
        id,
        properties: { ...(g.properties ?? {}) },
        geometries: [],
        polygons: [],
      }
      byId.set(id, shape)
    }
    shape.geometries.push(g)
    for (const part of parts)
      if (part.length > 0 && (part[0] as Position[]).length >= 4)
        shape.polygons.push(part)
  }
  visit(root)
  return [...byId.values()]
    .filter((s) => s.polygons.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Every arc as absolute [lon, lat] positions (quantized topologies are delta-decoded). */
export function decodeArcs(topology: Topology): Position[][] {
  const t = topoTransform(topology.transform ?? null)
  // topojson-client types the index as a boolean; it is the position index (0 resets the deltas).
  const decode = t as unknown as (p: Position, i: number) => Position
  return topology.arcs.map((arc) => arc.map((p, i) => decode(p, i)))
}

/** The arc indexes (non-negative: `~i` is folded to `i`) used by the rings of a geometry. */
export function arcIndexesOf(
  geometry: Polygon<Properties> | MultiPolygon<Properties>,
): number[] {
  const rings =
    geometry.type === 'Polygon' ? geometry.arcs : geometry.arcs.flat()
  const out: number[] = []
  for (const ring of rings) for (const a of ring) out.push(a < 0 ? ~a : a)
  return out
}
