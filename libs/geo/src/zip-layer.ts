import type { LonLat, Unit, UnitAdjacency } from '@tessera/domain'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { feature, mergeArcs } from 'topojson-client'
import { topology as buildTopology } from 'topojson-server'
import type {
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification'
import { latLngToCell } from 'h3-js'
import {
  type H3Layer,
  type H3Place,
  isPlaceable,
  quantizationFor,
} from './h3-layer.js'
import { haversineKmXY } from './haversine.js'

/** A ZIP code (ZCTA) and its centroid. */
export interface ZipPoint {
  zip: string
  lon: number
  lat: number
}

export interface ZipLayerOptions {
  /**
   * The area a place lies in (a county): a cell only joins a ZIP whose centroid lies in the
   * same area, so ZIP areas never cross county lines. Null outside every area.
   */
  areaOf?: (lon: number, lat: number) => string | null
  /** The unit's parent area (a state) from its centre; default `''`. */
  region?: (centre: LonLat) => string
  /** Towns, to name each ZIP area after the largest one inside ("10001 New York"). */
  places?: readonly H3Place[]
}

export interface ZipLayer {
  /** Sorted by id: the 5-digit ZIP codes. */
  units: Unit[]
  adjacency: UnitAdjacency[]
  /** TopoJSON, object `zips`, geometry id = ZIP code. */
  topology: Topology
  /** For every point of the hexagon layer, the index into `units` of its ZIP area, or -1. */
  pointUnit: Int32Array
  /** How many hexagon cells make up the areas. */
  cells: number
}

/**
 * ZIP-level units, finer than counties, on an H3 grid: every cell of `hex` joins the ZIP
 * whose centroid is nearest among those in the cell's own county (a Voronoi diagram of the
 * ZIP centroids, clipped to counties, drawn in hexagons), and the cells of one ZIP merge
 * into its area. ZIP areas touch where their cells do (shared border = the shared edges'
 * length); the hexagon layer's links across gaps become links between ZIP areas. A cell in
 * no county, or in one without a ZIP, takes the nearest ZIP anywhere.
 */
export function buildZipLayer(
  hex: H3Layer,
  zips: readonly ZipPoint[],
  options: ZipLayerOptions = {},
): ZipLayer {
  if (zips.length === 0)
    throw new Error('No ZIP centroids to build areas from.')
  const areaOf = options.areaOf ?? (() => null)
  const byArea = new Map<string, number[]>()
  zips.forEach((z, i) => {
    const area = areaOf(z.lon, z.lat)
    if (area === null) return
    const list = byArea.get(area)
    if (list) list.push(i)
    else byArea.set(area, [i])
  })
  const grid = new PointGrid(zips)

  // Each cell's ZIP.
  const cellZip = hex.units.map((cell) => {
    const [lon, lat] = cell.centroid
    const candidates = byArea.get(areaOf(lon, lat) ?? '')
    let best = -1
    let bestD = Infinity
    for (const i of candidates ?? []) {
      const z = zips[i] as ZipPoint
      const d = haversineKmXY(lon, lat, z.lon, z.lat)
      if (d < bestD || (d === bestD && z.zip < (zips[best] as ZipPoint).zip)) {
        bestD = d
        best = i
      }
    }
    return best >= 0 ? best : grid.nearest(lon, lat)
  })

  const used = [...new Set(cellZip)].sort((a, b) =>
    compare((zips[a] as ZipPoint).zip, (zips[b] as ZipPoint).zip),
  )
  const unitOfZip = new Map(used.map((z, u) => [z, u]))
  const cellUnit = Int32Array.from(cellZip, (z) => unitOfZip.get(z) as number)
  const cellsOf: number[][] = used.map(() => [])
  cellUnit.forEach((u, i) => cellsOf[u]?.push(i))

  // Adjacency from the cells', and each area's perimeter (its cells' minus inner edges).
  const cellIndex = new Map(hex.units.map((c, i) => [c.id, i]))
  const perimeter = Float64Array.from(used, () => 0)
  cellUnit.forEach((u, i) => {
    perimeter[u] = (perimeter[u] as number) + (hex.units[i] as Unit).perimeterKm
  })
  const edges = new Map<string, UnitAdjacency>()
  for (const e of hex.adjacency) {
    const a = cellUnit[cellIndex.get(e.a) as number] as number
    const b = cellUnit[cellIndex.get(e.b) as number] as number
    if (a === b) {
      perimeter[a] = (perimeter[a] as number) - 2 * e.sharedBorderKm
      continue
    }
    const [x, y] = a < b ? [a, b] : [b, a]
    const key = `${x}|${y}`
    const had = edges.get(key)
    const border = e.kind === 'border'
    if (had) {
      had.sharedBorderKm += e.sharedBorderKm
      if (border) had.kind = 'border'
    } else
      edges.set(key, {
        a: (zips[used[x] as number] as ZipPoint).zip,
        b: (zips[used[y] as number] as ZipPoint).zip,
        sharedBorderKm: e.sharedBorderKm,
        kind: border ? 'border' : 'proximity',
      })
  }
  const adjacency = [...edges.values()].sort(
    (p, q) => compare(p.a, q.a) || compare(p.b, q.b),
  )

  // Geometry: each area's cells merged on their shared arcs, then a fresh topology of
  // the areas alone (the cells' inner arcs are not carried along).
  const cellGeometries = (
    hex.topology.objects['cells'] as { geometries: GeometryObject[] }
  ).geometries
  const geometryOf = new Map(cellGeometries.map((g) => [String(g.id), g]))
  const areas: Feature<Polygon | MultiPolygon>[] = used.map((z, u) => {
    const merged = mergeArcs(
      hex.topology,
      (cellsOf[u] as number[]).map(
        (i) =>
          geometryOf.get((hex.units[i] as Unit).id) as
            TopoPolygon | TopoMultiPolygon,
      ),
    )
    const f = feature(hex.topology, merged) as Feature<Polygon | MultiPolygon>
    return { ...f, id: (zips[z] as ZipPoint).zip, properties: {} }
  })
  const rings = areas.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? (f.geometry.coordinates as LonLat[][])
      : (f.geometry.coordinates.flat() as LonLat[][]),
  )
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: areas,
  }
  const topology = buildTopology(
    { zips: collection },
    quantizationFor(rings, hex.resolution),
  ) as unknown as Topology

  // Names: the ZIP and the largest town whose cell is in the area.
  const placeOfCell = new Map<number, H3Place>()
  if (options.places?.length) {
    const cellOfPoint = new Map(hex.units.map((c, i) => [c.id, i]))
    for (const p of options.places) {
      if (!isPlaceable(p)) continue
      const i = cellOfPoint.get(latLngToCell(p.lat, p.lon, hex.resolution))
      if (i === undefined) continue
      const had = placeOfCell.get(i)
      if (!had || p.population > had.population) placeOfCell.set(i, p)
    }
  }
  // Towns of 10,000 or more, for an area with none inside ("68836 near Kearney").
  const towns = (options.places ?? []).filter(
    (p) => p.population >= 10_000 && isPlaceable(p),
  )
  const townGrid = new PointGrid(towns)
  const regionOf = options.region ?? (() => '')
  const units: Unit[] = used.map((z, u) => {
    const zip = zips[z] as ZipPoint
    const cells = cellsOf[u] as number[]
    let area = 0
    let x = 0
    let y = 0
    let town: H3Place | undefined
    for (const i of cells) {
      const c = hex.units[i] as Unit
      area += c.areaKm2
      x += c.centroid[0] * c.areaKm2
      y += c.centroid[1] * c.areaKm2
      const p = placeOfCell.get(i)
      if (p && (!town || p.population > town.population)) town = p
    }
    const centroid: LonLat =
      area > 0 ? [x / area, y / area] : [zip.lon, zip.lat]
    const near = town ? -1 : townGrid.nearest(centroid[0], centroid[1], 2)
    return {
      id: zip.zip,
      name: town
        ? `${zip.zip} ${town.name}`
        : near >= 0
          ? `${zip.zip} near ${(towns[near] as H3Place).name}`
          : zip.zip,
      region: regionOf(centroid),
      centroid,
      areaKm2: area,
      perimeterKm: Math.max(0, perimeter[u] as number),
    }
  })

  const pointUnit = Int32Array.from(hex.pointUnit, (cell) =>
    cell < 0 ? -1 : (cellUnit[cell] as number),
  )
  return { units, adjacency, topology, pointUnit, cells: hex.units.length }
}

/** Points in half-degree buckets, for the nearest one to a place. */
class PointGrid {
  private readonly buckets = new Map<string, number[]>()

  constructor(private readonly zips: readonly { lon: number; lat: number }[]) {
    zips.forEach((z, i) => {
      const key = this.key(Math.floor(z.lon * 2), Math.floor(z.lat * 2))
      const list = this.buckets.get(key)
      if (list) list.push(i)
      else this.buckets.set(key, [i])
    })
  }

  private key(x: number, y: number): string {
    return `${x},${y}`
  }

  /** The nearest point's index, searching at most `maxRings` half-degree rings out (-1: none). */
  nearest(lon: number, lat: number, maxRings = 720): number {
    const cx = Math.floor(lon * 2)
    const cy = Math.floor(lat * 2)
    let best = -1
    let bestD = Infinity
    // Widen ring by ring; once something is found, one more ring settles it.
    for (let r = 0, extra = -1; r <= maxRings && extra !== 0; r++) {
      if (best >= 0) extra = extra < 0 ? 1 : extra - 1
      for (let dx = -r; dx <= r; dx++)
        for (let dy = -r; dy <= r; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue
          for (const i of this.buckets.get(this.key(cx + dx, cy + dy)) ?? []) {
            const z = this.zips[i] as { lon: number; lat: number }
            const d = haversineKmXY(lon, lat, z.lon, z.lat)
            if (d < bestD) {
              bestD = d
              best = i
            }
          }
        }
    }
    return best
  }
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
