import { feature, mesh, neighbors } from 'topojson-client'
import type {
  GeometryCollection as GeometryCollectionOf,
  GeometryObject as GeometryObjectOf,
  Properties,
  Topology,
} from 'topojson-specification'
import { type Bounds, geometryBounds } from './view'

type GeometryObject = GeometryObjectOf<Properties>
type GeometryCollection = GeometryCollectionOf<Properties>

/** `topojson.mesh`, typed for geometries whose properties may be null (as GeoJSON allows). */
export function meshOf(
  topology: Topology,
  object: GeometryObject,
  filter?: (a: GeometryObject, b: GeometryObject) => boolean,
): GeoJSON.MultiLineString {
  return (
    mesh as (
      t: Topology,
      o: GeometryObject,
      f?: (a: GeometryObject, b: GeometryObject) => boolean,
    ) => GeoJSON.MultiLineString
  )(topology, object, filter)
}

/** One unit polygon as the fill layer draws it; `unitIndex` keys every per-unit typed array. */
export interface UnitFeature {
  type: 'Feature'
  id: string
  properties: { unitIndex: number; name: string }
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon
}

/**
 * A layer's geometry, built once per topology (it never changes while a plan is edited).
 * Everything per-unit is indexed by unit number: `unitIds[i]`, `features[i]`, `bounds[i]`.
 */
export interface UnitGeometry {
  topology: Topology
  unitsObject: GeometryCollection
  unitIds: string[]
  indexOf: Map<string, number>
  features: UnitFeature[]
  bounds: Bounds[]
  /** State (or other parent area) outlines, interior borders only. */
  stateLines: GeoJSON.MultiLineString | null
  /** The outer coastline and land border. */
  nationLines: GeoJSON.MultiLineString | null
  /** Parent-area names by id, e.g. "06" → "California". */
  stateNames: Map<string, string>
}

/** Reads the API's topology (typed `unknown` on the wire) and checks the parts the map relies on. */
export function asTopology(value: unknown, unitsObject: string): Topology {
  const t = value as Partial<Topology> | null
  if (!t || t.type !== 'Topology' || !t.objects || !Array.isArray(t.arcs)) {
    throw new Error('The unit layer is not a TopoJSON topology.')
  }
  if (t.objects[unitsObject]?.type !== 'GeometryCollection') {
    throw new Error(`The unit layer has no "${unitsObject}" collection.`)
  }
  return t as Topology
}

export function buildUnitGeometry(
  topology: Topology,
  unitsObjectName: string,
): UnitGeometry {
  const unitsObject = topology.objects[unitsObjectName] as GeometryCollection
  const unitIds: string[] = []
  const indexOf = new Map<string, number>()
  const features: UnitFeature[] = []
  const bounds: Bounds[] = []
  for (const g of unitsObject.geometries) {
    if (
      (g.type !== 'Polygon' && g.type !== 'MultiPolygon') ||
      g.id === undefined
    )
      continue
    const id = String(g.id)
    if (indexOf.has(id)) continue
    const geometry = (
      feature(topology, g) as GeoJSON.Feature<
        GeoJSON.Polygon | GeoJSON.MultiPolygon
      >
    ).geometry
    const unitIndex = unitIds.length
    unitIds.push(id)
    indexOf.set(id, unitIndex)
    const name = nameOf(g) ?? id
    features.push({
      type: 'Feature',
      id,
      properties: { unitIndex, name },
      geometry,
    })
    bounds.push(geometryBounds(geometry))
  }
  const states = topology.objects['states']
  const nation = topology.objects['nation']
  return {
    topology,
    unitsObject,
    unitIds,
    indexOf,
    features,
    bounds,
    stateLines: states ? meshOf(topology, states, (a, b) => a !== b) : null,
    nationLines: nation ? meshOf(topology, nation) : null,
    stateNames: namesOf(states),
  }
}

/**
 * unit index → indices of the units sharing a border with it, from the topology's shared
 * arcs. The topology's geometry list can hold entries the map skips (no id, not a polygon),
 * so its positions are mapped to unit indices.
 */
export function unitNeighbors(geometry: UnitGeometry): number[][] {
  const list = geometry.unitsObject.geometries
  const unitIndexOf = list.map((g) =>
    g.id === undefined ? -1 : (geometry.indexOf.get(String(g.id)) ?? -1),
  )
  const result: number[][] = geometry.unitIds.map(() => [])
  neighbors(list as Parameters<typeof neighbors>[0]).forEach((adjacent, k) => {
    const i = unitIndexOf[k] ?? -1
    if (i < 0) return
    for (const m of adjacent) {
      const j = unitIndexOf[m] ?? -1
      if (j >= 0 && j !== i && !result[i]!.includes(j)) result[i]!.push(j)
    }
  })
  return result
}

function namesOf(object: GeometryObject | undefined): Map<string, string> {
  const names = new Map<string, string>()
  if (object?.type !== 'GeometryCollection') return names
  for (const g of object.geometries) {
    const name = nameOf(g)
    if (g.id !== undefined && name !== undefined) names.set(String(g.id), name)
  }
  return names
}

function nameOf(g: GeometryObject): string | undefined {
  const name = (g.properties as Record<string, unknown> | null | undefined)?.[
    'name'
  ]
  return typeof name === 'string' ? name : undefined
}
