import type { LonLat, Unit, UnitAdjacency } from '@tessera/domain'
import type { FeatureCollection, Polygon } from 'geojson'
import {
  cellArea,
  cellToLatLng,
  cellToVertexes,
  cellsToDirectedEdge,
  edgeLength,
  getHexagonAreaAvg,
  getHexagonEdgeLengthAvg,
  gridDisk,
  latLngToCell,
  polygonToCells,
  vertexToLatLng,
} from 'h3-js'
import type { Topology } from 'topojson-specification'
import { topology as buildTopology } from 'topojson-server'
import { haversineKmXY } from './haversine.js'
import { UnionFind } from './union-find.js'

/** The finest resolution a layer may use (≈ 0.9 ha cells); finer is street level, not territory. */
export const H3_MAX_RESOLUTION = 11
/** Most cells one layer may hold: the map, the engine and the database stay interactive. */
export const H3_MAX_CELLS = 250_000
/** Automatic resolution aims for at least this many accounts in an occupied cell, on average. */
export const H3_AUTO_ACCOUNTS_PER_CELL = 6
/** …and at most this many cells, so the automatic choice is always comfortable to edit. */
export const H3_AUTO_MAX_CELLS = 20_000
/** Gaps of up to this many empty cells between groups of occupied cells are filled. */
export const H3_BRIDGE_STEPS = 3

export interface H3Point {
  lon: number
  lat: number
}

/** A named place (a city) used to name the cells: the largest place in a cell names it. */
export interface H3Place {
  name: string
  lon: number
  lat: number
  population: number
}

export interface H3LayerOptions {
  /** 0…{@link H3_MAX_RESOLUTION}; default: {@link chooseH3Resolution}. */
  resolution?: number
  /** Default {@link H3_MAX_CELLS}; never more than that. */
  maxCells?: number
  /** Default {@link H3_BRIDGE_STEPS}. */
  bridgeSteps?: number
  places?: readonly H3Place[]
  /** The cell's parent area (e.g. a country code) from its centre; default `''`. */
  region?: (centre: LonLat) => string
}

export interface H3Layer {
  resolution: number
  /** How the resolution was chosen, in words a planner reads. */
  resolutionReason: string
  /** Sorted by id (the H3 index). */
  units: Unit[]
  /** Sorted by (a, b), `a < b`; H3 neighbours as `border`, links across wider gaps as `proximity`. */
  adjacency: UnitAdjacency[]
  /** The cells as TopoJSON (object `cells`, geometry id = H3 index), longitudes continuous. */
  topology: Topology
  /** For every input point, the index into `units` of its cell, or -1 when it was skipped. */
  pointUnit: Int32Array
  occupiedCells: number
  /** Empty cells added to join groups of occupied cells separated by a narrow gap. */
  bridgeCells: number
  proximityLinks: number
  /** Points that could not be placed: not finite, out of range, or at (0, 0). */
  skipped: number
  /**
   * Longitudes of the geometry run from `centralMeridian − 180` to `centralMeridian + 180`,
   * so a layer across the antimeridian (Fiji, the Bering Sea) is one piece, not two.
   */
  centralMeridian: number
}

/** A request that cannot make a usable layer; the message says what to change. */
export class H3LayerError extends Error {
  override readonly name = 'H3LayerError'
}

/** A point worth placing: finite, in range, and not the (0, 0) a failed geocoder writes. */
export function isPlaceable(p: H3Point): boolean {
  return (
    Number.isFinite(p.lon) &&
    Number.isFinite(p.lat) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lon) <= 180 &&
    !(p.lon === 0 && p.lat === 0)
  )
}

/** One resolution a planner may pick, with about how many cells it would make. */
export interface H3ResolutionOption {
  resolution: number
  /** Occupied cells, estimated from a sample (an upper bound; gap cells come on top). */
  cells: number
  /** Average cell area, km². */
  areaKm2: number
}

/**
 * The resolutions from 1 to 10 with the number of occupied cells each would make, and the
 * recommended one: the finest at which occupied cells hold at least
 * {@link H3_AUTO_ACCOUNTS_PER_CELL} accounts on average and there are at most
 * {@link H3_AUTO_MAX_CELLS} of them — fine enough to draw a border through a city, coarse
 * enough that each cell is worth moving. Counted on up to 50,000 points (an even sample).
 */
export function h3ResolutionOptions(points: readonly H3Point[]): {
  recommended: { resolution: number; reason: string }
  options: H3ResolutionOption[]
} {
  const valid = points.filter(isPlaceable)
  if (valid.length === 0)
    throw new H3LayerError(
      'No account has usable coordinates, so there is nothing to build cells around.',
    )
  const stride = Math.max(1, Math.ceil(valid.length / 50_000))
  const sample: H3Point[] = []
  for (let i = 0; i < valid.length; i += stride)
    sample.push(valid[i] as H3Point)
  const scale = valid.length / sample.length
  const options: H3ResolutionOption[] = []
  for (let res = 1; res <= 10; res++) {
    const cells = new Set<string>()
    for (const p of sample) cells.add(latLngToCell(p.lat, p.lon, res))
    // A sample sees fewer distinct cells than the whole set; scale up (an upper bound).
    options.push({
      resolution: res,
      cells: Math.min(valid.length, Math.round(cells.size * scale)),
      areaKm2: getHexagonAreaAvg(res, 'km2'),
    })
  }
  let chosen: H3ResolutionOption = options[0] as H3ResolutionOption
  for (const o of options) {
    if (
      valid.length / o.cells < H3_AUTO_ACCOUNTS_PER_CELL ||
      o.cells > H3_AUTO_MAX_CELLS
    )
      break
    chosen = o
  }
  return {
    recommended: {
      resolution: chosen.resolution,
      reason:
        `resolution ${chosen.resolution} (cells of about ${formatArea(chosen.areaKm2)}): the finest at which ` +
        `${valid.length.toLocaleString('en-US')} accounts fill about ` +
        `${chosen.cells.toLocaleString('en-US')} cells with ${H3_AUTO_ACCOUNTS_PER_CELL} or more each on average`,
    },
    options,
  }
}

/** The recommended resolution of {@link h3ResolutionOptions}. */
export function chooseH3Resolution(points: readonly H3Point[]): {
  resolution: number
  reason: string
} {
  return h3ResolutionOptions(points).recommended
}

/**
 * A unit layer of H3 cells covering `points`: every cell holding a point, plus the empty
 * cells that close gaps of up to `bridgeSteps` cells between groups (so a city and its
 * suburbs form one piece), with H3 neighbours as adjacency (shared border = the edge's
 * length) and proximity links joining what is still apart (islands, other countries) to
 * its nearest group, so the graph is connected like every other layer.
 */
export function buildH3Layer(
  points: readonly H3Point[],
  options: H3LayerOptions = {},
): H3Layer {
  const maxCells = Math.min(options.maxCells ?? H3_MAX_CELLS, H3_MAX_CELLS)
  const steps = options.bridgeSteps ?? H3_BRIDGE_STEPS
  let resolution: number
  let reason: string
  if (options.resolution === undefined) {
    ;({ resolution, reason } = chooseH3Resolution(points))
  } else {
    resolution = options.resolution
    if (
      !Number.isInteger(resolution) ||
      resolution < 0 ||
      resolution > H3_MAX_RESOLUTION
    )
      throw new H3LayerError(
        `The resolution must be a whole number from 0 to ${H3_MAX_RESOLUTION} (got ${String(resolution)}).`,
      )
    reason = `resolution ${resolution} (cells of about ${formatArea(getHexagonAreaAvg(resolution, 'km2'))}), as chosen`
  }

  // Occupied cells, and each point's cell.
  const pointCell: (string | null)[] = new Array<string | null>(points.length)
  const occupied = new Map<string, number>()
  let skipped = 0
  points.forEach((p, i) => {
    if (!isPlaceable(p)) {
      pointCell[i] = null
      skipped++
      return
    }
    const cell = latLngToCell(p.lat, p.lon, resolution)
    pointCell[i] = cell
    occupied.set(cell, (occupied.get(cell) ?? 0) + 1)
    if (occupied.size > maxCells) throw tooManyCells(resolution, maxCells)
  })
  if (occupied.size === 0)
    throw new H3LayerError(
      'No account has usable coordinates, so there is nothing to build cells around.',
    )

  const bridges = bridgeGaps(
    [...occupied.keys()].sort(),
    steps,
    maxCells,
    resolution,
  )
  const ids = [...occupied.keys(), ...bridges].sort()
  const index = new Map(ids.map((id, i) => [id, i]))

  const adjacency: UnitAdjacency[] = []
  for (let i = 0; i < ids.length; i++) {
    const a = ids[i] as string
    for (const b of gridDisk(a, 1)) {
      const j = index.get(b)
      if (j === undefined || j <= i) continue
      adjacency.push({
        a,
        b,
        sharedBorderKm: edgeLength(cellsToDirectedEdge(a, b), 'km'),
        kind: 'border',
      })
    }
  }

  const centres = ids.map((id) => {
    const [lat, lon] = cellToLatLng(id)
    return [lon, lat] as LonLat
  })
  const links = joinComponents(ids, centres, adjacency)
  adjacency.push(...links)
  adjacency.sort((x, y) => compare(x.a, y.a) || compare(x.b, y.b))

  const centralMeridian = centralMeridianOf(centres)
  const vertexCache = new Map<string, LonLat>()
  const rings = ids.map((id) => cellRing(id, centralMeridian, vertexCache))
  const names = nameCells(ids, options.places ?? [], resolution)
  const regionOf = options.region ?? (() => '')
  const units: Unit[] = ids.map((id, i) => {
    const ring = rings[i] as LonLat[]
    let perimeter = 0
    for (let k = 1; k < ring.length; k++) {
      const [x0, y0] = ring[k - 1] as LonLat
      const [x1, y1] = ring[k] as LonLat
      perimeter += haversineKmXY(x0, y0, x1, y1)
    }
    const centre = centres[i] as LonLat
    return {
      id,
      name: names[i] as string,
      region: regionOf(centre),
      centroid: [wrapTo(centre[0], centralMeridian), centre[1]],
      areaKm2: cellArea(id, 'km2'),
      perimeterKm: perimeter,
    }
  })

  const cells: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      id,
      properties: { name: (units[i] as Unit).name },
      geometry: { type: 'Polygon', coordinates: [rings[i] as LonLat[]] },
    })),
  }
  const topology = buildTopology(
    { cells },
    quantizationFor(rings, resolution),
  ) as unknown as Topology

  const pointUnit = new Int32Array(points.length).fill(-1)
  pointCell.forEach((cell, i) => {
    if (cell !== null) pointUnit[i] = index.get(cell) as number
  })
  return {
    resolution,
    resolutionReason: reason,
    units,
    adjacency,
    topology,
    pointUnit,
    occupiedCells: occupied.size,
    bridgeCells: bridges.length,
    proximityLinks: links.length,
    skipped,
    centralMeridian,
  }
}

/**
 * TopoJSON quantisation steps across the layer's extent: a 64th of a cell edge each, which
 * the eye cannot tell from exact and which keeps the file small (vertices are shared
 * exactly — one coordinate per H3 vertex — so any quantisation keeps neighbours' arcs one).
 */
export function quantizationFor(
  rings: readonly LonLat[][],
  resolution: number,
): number {
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
  const stepDeg = getHexagonEdgeLengthAvg(resolution, 'km') / 111 / 64
  const extent = Math.max(x1 - x0, y1 - y0, stepDeg)
  return Math.min(1e7, Math.max(1e4, Math.ceil(extent / stepDeg)))
}

function tooManyCells(resolution: number, maxCells: number): H3LayerError {
  return new H3LayerError(
    `At resolution ${resolution} these accounts need more than ${maxCells.toLocaleString('en-US')} cells, ` +
      `the most a layer can hold. Choose a coarser resolution (a smaller number), or let Tessera choose.`,
  )
}

/**
 * Empty cells that join groups of occupied cells separated by at most `steps` empty cells:
 * a breadth-first growth from every occupied cell at once, `steps` rings deep; where two
 * growths of different groups meet, the cells on both paths back to their origins are
 * added and the groups become one. Deterministic: cells are visited in sorted order.
 */
function bridgeGaps(
  occupied: readonly string[],
  steps: number,
  maxCells: number,
  resolution: number,
): string[] {
  const n = occupied.length
  const sets = new UnionFind(n)
  const origin = new Map<string, number>()
  const cameFrom = new Map<string, string>()
  occupied.forEach((c, i) => origin.set(c, i))
  for (let i = 0; i < n; i++)
    for (const nb of gridDisk(occupied[i] as string, 1)) {
      const j = origin.get(nb)
      if (j !== undefined) sets.union(i, j)
    }
  const added = new Set<string>()
  const pathHome = (cell: string): void => {
    let c: string | undefined = cell
    while (c !== undefined && !added.has(c) && cameFrom.has(c)) {
      added.add(c)
      c = cameFrom.get(c)
    }
  }
  let frontier = [...occupied]
  for (let step = 1; step <= steps && frontier.length > 0; step++) {
    const next: string[] = []
    for (const cell of frontier) {
      const from = origin.get(cell) as number
      for (const nb of gridDisk(cell, 1)) {
        const other = origin.get(nb)
        if (other === undefined) {
          origin.set(nb, from)
          cameFrom.set(nb, cell)
          next.push(nb)
          continue
        }
        if (sets.find(from) === sets.find(other)) continue
        pathHome(cell)
        pathHome(nb)
        sets.union(from, other)
        if (n + added.size > maxCells) throw tooManyCells(resolution, maxCells)
      }
    }
    frontier = next
  }
  return [...added].sort()
}

/**
 * Proximity links joining the connected components (over `edges`) into one graph: a
 * minimum spanning tree over the components' centres (Prim, O(components²)), each tree
 * edge made between the cell of one component nearest the other's centre and the cell of
 * the other nearest that cell.
 */
function joinComponents(
  ids: readonly string[],
  centres: readonly LonLat[],
  edges: readonly UnitAdjacency[],
): UnitAdjacency[] {
  const n = ids.length
  const index = new Map(ids.map((id, i) => [id, i]))
  const sets = new UnionFind(n)
  for (const e of edges)
    sets.union(index.get(e.a) as number, index.get(e.b) as number)
  const members = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const r = sets.find(i)
    const list = members.get(r)
    if (list) list.push(i)
    else members.set(r, [i])
  }
  const comps = [...members.values()]
  const m = comps.length
  if (m <= 1) return []
  // Component centres as unit vectors (the mean of its cells' on the sphere): the squared
  // chord between two is ordered like the great-circle distance, and costs a few flops, so
  // Prim stays quick with thousands of components.
  const vx = new Float64Array(m)
  const vy = new Float64Array(m)
  const vz = new Float64Array(m)
  const cx = new Float64Array(m)
  const cy = new Float64Array(m)
  comps.forEach((comp, k) => {
    let x = 0
    let y = 0
    let z = 0
    for (const i of comp) {
      const [lon, lat] = centres[i] as LonLat
      const p = (lat * Math.PI) / 180
      const l = (lon * Math.PI) / 180
      x += Math.cos(p) * Math.cos(l)
      y += Math.cos(p) * Math.sin(l)
      z += Math.sin(p)
    }
    const r = Math.hypot(x, y, z) || 1
    vx[k] = x / r
    vy[k] = y / r
    vz[k] = z / r
    cx[k] = (Math.atan2(y, x) * 180) / Math.PI
    cy[k] = (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI
  })
  const inTree = new Uint8Array(m)
  const best = new Float64Array(m).fill(Infinity)
  const bestFrom = new Int32Array(m).fill(-1)
  const links: UnitAdjacency[] = []
  let current = 0
  inTree[0] = 1
  for (let added = 1; added < m; added++) {
    let next = -1
    for (let k = 0; k < m; k++) {
      if (inTree[k]) continue
      const dx = (vx[current] as number) - (vx[k] as number)
      const dy = (vy[current] as number) - (vy[k] as number)
      const dz = (vz[current] as number) - (vz[k] as number)
      const d = dx * dx + dy * dy + dz * dz
      if (d < (best[k] as number)) {
        best[k] = d
        bestFrom[k] = current
      }
      if (next < 0 || (best[k] as number) < (best[next] as number)) next = k
    }
    const from = comps[bestFrom[next] as number] as number[]
    const to = comps[next] as number[]
    const u = nearest(from, centres, cx[next] as number, cy[next] as number)
    const [ux, uy] = centres[u] as LonLat
    const v = nearest(to, centres, ux, uy)
    const [a, b] = [ids[u] as string, ids[v] as string].sort() as [
      string,
      string,
    ]
    links.push({ a, b, sharedBorderKm: 0, kind: 'proximity' })
    inTree[next] = 1
    current = next
  }
  return links
}

function nearest(
  members: readonly number[],
  centres: readonly LonLat[],
  x: number,
  y: number,
): number {
  let best = -1
  let bestD = Infinity
  for (const i of members) {
    const [cx, cy] = centres[i] as LonLat
    const d = haversineKmXY(x, y, cx, cy)
    if (d < bestD) {
      bestD = d
      best = i
    }
  }
  return best
}

/**
 * The middle of the narrowest band of longitudes holding every centre: 0 for most layers,
 * about 180 for one across the antimeridian.
 */
function centralMeridianOf(centres: readonly LonLat[]): number {
  const lons = centres.map((c) => c[0]).sort((a, b) => a - b)
  if (lons.length === 0) return 0
  // The widest empty gap between consecutive longitudes (around the circle) is outside the band.
  let gap = (lons[0] as number) + 360 - (lons[lons.length - 1] as number)
  let start = lons[0] as number
  for (let i = 1; i < lons.length; i++) {
    const g = (lons[i] as number) - (lons[i - 1] as number)
    if (g > gap) {
      gap = g
      start = lons[i] as number
    }
  }
  const width = 360 - gap
  const middle = start + width / 2
  // Keep ordinary layers in ordinary longitudes: only shift when the band crosses ±180.
  return start + width <= 180 ? 0 : wrapTo(middle, 0)
}

/** `lon` moved by whole turns into [centre − 180, centre + 180). */
function wrapTo(lon: number, centre: number): number {
  return lon - 360 * Math.floor((lon - centre + 180) / 360)
}

/**
 * A cell's outline from its H3 vertices (each computed once and shared by every cell
 * around it, so neighbouring outlines have identical corners and TopoJSON finds the shared
 * arcs), closed, longitudes continuous around `centre`.
 */
function cellRing(
  cell: string,
  centre: number,
  cache: Map<string, LonLat>,
): LonLat[] {
  const ring: LonLat[] = []
  for (const v of cellToVertexes(cell)) {
    let p = cache.get(v)
    if (!p) {
      const [lat, lon] = vertexToLatLng(v)
      p = [wrapTo(lon, centre), lat]
      cache.set(v, p)
    }
    ring.push(p)
  }
  // A cell straddling the edge of the band keeps its corners together.
  const first = ring[0] as LonLat
  for (let k = 1; k < ring.length; k++) {
    const p = ring[k] as LonLat
    if (p[0] - first[0] > 180) ring[k] = [p[0] - 360, p[1]]
    else if (first[0] - p[0] > 180) ring[k] = [p[0] + 360, p[1]]
  }
  ring.push(first)
  return ring
}

/**
 * Cell names: the largest place inside the cell; repeats numbered ("Paris 2") in id order;
 * a cell with no place is named after the nearest named cell within three rings ("near
 * Lyon"), else by the end of its index.
 */
function nameCells(
  ids: readonly string[],
  places: readonly H3Place[],
  resolution: number,
): string[] {
  const byCell = new Map<string, H3Place>()
  for (const p of places) {
    if (!isPlaceable(p)) continue
    const cell = latLngToCell(p.lat, p.lon, resolution)
    const had = byCell.get(cell)
    if (!had || p.population > had.population) byCell.set(cell, p)
  }
  const base = ids.map((id) => byCell.get(id)?.name)
  const seen = new Map<string, number>()
  const total = new Map<string, number>()
  for (const b of base) if (b) total.set(b, (total.get(b) ?? 0) + 1)
  const named = base.map((b) => {
    if (!b) return undefined
    if ((total.get(b) as number) === 1) return b
    const k = (seen.get(b) ?? 0) + 1
    seen.set(b, k)
    return `${b} ${k}`
  })
  return ids.map((id, i) => {
    const own = named[i]
    if (own) return own
    for (let k = 1; k <= 3; k++) {
      const near = gridDisk(id, k)
        .map((c) => byCell.get(c))
        .filter((p): p is H3Place => p !== undefined)
        .sort(
          (a, b) => b.population - a.population || compare(a.name, b.name),
        )[0]
      if (near) return `near ${near.name}`
    }
    return `Cell ${id.replace(/f+$/, '').slice(-5)}`
  })
}

function formatArea(km2: number): string {
  return km2 >= 10
    ? `${Math.round(km2).toLocaleString('en-US')} km²`
    : `${km2.toFixed(km2 >= 1 ? 1 : 2)} km²`
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Which unit of an H3 layer holds a point: its cell at the layer's resolution, if that
 * cell is a unit (the point-in-polygon test, done by arithmetic).
 */
export function h3Locator(
  unitIds: Iterable<string>,
  resolution: number,
): (lon: number, lat: number) => string | null {
  const ids = new Set(unitIds)
  return (lon, lat) => {
    if (!isPlaceable({ lon, lat })) return null
    const cell = latLngToCell(lat, lon, resolution)
    return ids.has(cell) ? cell : null
  }
}

/**
 * The centres of the H3 cells whose centres lie inside `polygons` (GeoJSON rings of
 * [lon, lat], outer ring first), at `resolution`: points that make `buildH3Layer` cover
 * whole areas (counties split into ZIP areas) rather than only the cells holding accounts.
 * A polygon smaller than a cell still gets the cell under its first vertex.
 */
export function cellCentresCovering(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
  resolution: number,
): H3Point[] {
  const cells = new Set<string>()
  for (const polygon of polygons) {
    const rings = polygon.map((ring) =>
      ring.map((p) => [p[0] as number, p[1] as number]),
    )
    let inside: string[] = []
    try {
      inside = polygonToCells(rings, resolution, true)
    } catch {
      // H3 cannot fill some shapes (a ring across ±180, a degenerate sliver): such a
      // polygon is covered by the cell under its first corner, like a tiny one.
    }
    if (inside.length === 0) {
      const first = rings[0]?.[0]
      if (first)
        cells.add(
          latLngToCell(first[1] as number, first[0] as number, resolution),
        )
    }
    for (const c of inside) cells.add(c)
  }
  return [...cells].sort().map((c) => {
    const [lat, lon] = cellToLatLng(c)
    return { lon, lat }
  })
}

/** The finest resolution from `finest` down to `coarsest` at which `areaKm2` takes at most `maxCells` cells. */
export function resolutionForArea(
  areaKm2: number,
  maxCells: number,
  finest: number,
  coarsest: number,
): number {
  for (let r = finest; r > coarsest; r--)
    if (areaKm2 / getHexagonAreaAvg(r, 'km2') <= maxCells) return r
  return coarsest
}
