import type { Unit, UnitAdjacency } from '@tessera/domain'
import type { Topology } from 'topojson-specification'
import { borderAdjacency, proximityLinks } from './adjacency.js'
import {
  arcIndexesOf,
  decodeArcs,
  defaultUnitId,
  readUnitShapes,
} from './topology.js'
import type { UnitIdOf } from './topology.js'
import { measurePolygons } from './unit-measures.js'

export interface UnitLayerOptions {
  /** The unit's parent area, e.g. the state FIPS `id.slice(0, 2)` for counties. Default `''`. */
  region?: (id: string, properties: Record<string, unknown>) => string
  /** The unit's display name. Default: `properties.name`, else the id. */
  name?: (id: string, properties: Record<string, unknown>) => string
  /** The unit's id. Default: the geometry's `id`; geometries without one are skipped. */
  id?: UnitIdOf
}

export interface UnitLayer {
  /** Sorted by id. */
  units: Unit[]
  /** Border and proximity edges sorted by (a, b), each pair once with `a < b`; the graph is connected. */
  adjacency: UnitAdjacency[]
}

/**
 * Units and their adjacency graph from a TopoJSON object of unprojected lon/lat polygons
 * (e.g. us-atlas `counties-10m.json`, object `counties`). Borders come from shared arcs;
 * islands and other detached parts are then linked to their nearest unit by `proximity`
 * edges so that every unit can be reached (see {@link proximityLinks}).
 */
export function buildUnitLayer(
  topology: Topology,
  objectName: string,
  opts: UnitLayerOptions = {},
): UnitLayer {
  const regionOf = opts.region ?? (() => '')
  const nameOf = opts.name ?? defaultName
  const shapes = readUnitShapes(topology, objectName, opts.id ?? defaultUnitId)
  const units: Unit[] = shapes.map((s) => {
    const m = measurePolygons(s.polygons)
    return {
      id: s.id,
      name: nameOf(s.id, s.properties),
      region: regionOf(s.id, s.properties),
      centroid: m.centroid,
      areaKm2: m.areaKm2,
      perimeterKm: m.perimeterKm,
    }
  })
  const ids = units.map((u) => u.id)
  const borders = borderAdjacency(
    ids,
    shapes.map((s) => s.geometries.flatMap(arcIndexesOf)),
    decodeArcs(topology),
  )
  const links = proximityLinks(
    ids,
    units.map((u) => u.centroid),
    borders,
  )
  const adjacency = [...borders, ...links].sort(
    (x, y) => compare(x.a, y.a) || compare(x.b, y.b),
  )
  return { units, adjacency }
}

function defaultName(id: string, properties: Record<string, unknown>): string {
  const name = properties['name']
  return typeof name === 'string' && name !== '' ? name : id
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
