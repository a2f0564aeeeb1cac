import { feature } from 'topojson-client'
import type { GeometryObject, Topology } from 'topojson-specification'
import { presimplify, simplify } from 'topojson-simplify'
import { decodeArcs } from './arc-index'
import { zoomLevelTolerance } from './simplify-lines'
import type { UnitFeature, UnitGeometry } from './unit-geometry'

/**
 * Unit polygons with no detail a viewer could see at a zoom level. The fill's cost is per
 * vertex, every frame (a software renderer — headless browsers, machines without a usable
 * GPU — pays it on the CPU), and at country scale most of a county's vertices fall within a
 * pixel of each other. The topology is simplified, not each polygon, so neighbours keep
 * sharing the same simplified border: no slivers or gaps open between units. Visvalingam
 * weights (triangle area) with a threshold of two square pixels at the top of the level, half
 * a square pixel at its bottom.
 *
 * Levels are built when first asked for and kept. A level that would keep most vertices
 * anyway answers with the full-detail features, so zooming in costs no re-tessellation.
 */
export interface Detail {
  /** The unit polygons, indexed like `geometry.features`. */
  features: readonly UnitFeature[]
  /** The topology's arcs in absolute positions, simplified alike (for borders and outlines). */
  arcs: readonly GeoJSON.Position[][]
}

export function fillDetail(geometry: UnitGeometry): (zoom: number) => Detail {
  let weighted: Topology | null = null
  let fullDetail: Detail | null = null
  const full = () =>
    (fullDetail ??= {
      features: geometry.features,
      arcs: decodeArcs(geometry.topology),
    })
  const levels = new Map<number, Detail>()
  const fullVertices = polygonVertexCount(geometry.features)
  let fullFrom = Infinity
  return (zoom) => {
    const level = Math.max(0, Math.floor(zoom))
    if (level >= fullFrom) return full()
    const known = levels.get(level)
    if (known) return known
    weighted ??= presimplify(
      geometry.topology as Parameters<typeof presimplify>[0],
    ) as Topology
    const t = zoomLevelTolerance(level)
    const simplified = simplify(
      weighted as Parameters<typeof simplify>[0],
      2 * t * t,
    ) as Topology
    const features = simplifiedFeatures(geometry, simplified)
    // Little to gain: use the original (already tessellated) polygons from here on in.
    const result =
      polygonVertexCount(features) > 0.85 * fullVertices
        ? full()
        : { features, arcs: simplified.arcs as GeoJSON.Position[][] }
    if (result === fullDetail) fullFrom = Math.min(fullFrom, level)
    levels.set(level, result)
    return result
  }
}

function simplifiedFeatures(
  geometry: UnitGeometry,
  topology: Topology,
): UnitFeature[] {
  const out = geometry.features.slice()
  for (const g of geometry.unitsObject.geometries) {
    if (g.id === undefined) continue
    const i = geometry.indexOf.get(String(g.id))
    if (i === undefined) continue
    const polygons = polygonsOf(
      (feature(topology, g as GeometryObject) as GeoJSON.Feature).geometry,
    )
    // A unit smaller than the threshold keeps its full outline: it costs a few vertices
    // and stays pickable, rather than leaving a hole.
    if (polygons.length === 0) continue
    out[i] = {
      ...geometry.features[i]!,
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    }
  }
  return out
}

/** The polygons whose outer ring survived simplification, minus collapsed holes. */
function polygonsOf(g: GeoJSON.Geometry | null): GeoJSON.Position[][][] {
  if (!g) return []
  const polygons =
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates
        : []
  const out: GeoJSON.Position[][][] = []
  for (const rings of polygons) {
    if (!rings[0] || rings[0].length < 4) continue
    out.push(rings.filter((r) => r.length >= 4))
  }
  return out
}

/** Vertices across all rings (what the fill draws). */
export function polygonVertexCount(features: readonly UnitFeature[]): number {
  let n = 0
  for (const f of features) {
    const g = f.geometry
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    for (const rings of polygons) for (const r of rings) n += r.length
  }
  return n
}
