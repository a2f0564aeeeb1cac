/**
 * Small planar geometry for the map's own hit tests and label placement. Everything runs on
 * the CPU over a few thousand county polygons, once per layer or once per gesture.
 */

export type Point = [number, number]

type Ring = GeoJSON.Position[]
type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon

const DEG = Math.PI / 180

/**
 * Web Mercator y in "degrees" (the same scale as longitude). A line the user draws on the
 * screen is straight in Mercator, not in lon/lat, so lasso tests run in this space.
 */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.05, Math.min(85.05, lat))
  return Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2)) / DEG
}

export function toMercator([lon, lat]: Point): Point {
  return [lon, mercatorY(lat)]
}

/** Signed shoelace area of a ring in its own units (positive when counter-clockwise). */
export function ringArea(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!
    const b = ring[i]!
    sum += (a[0]! - b[0]!) * (a[1]! + b[1]!)
  }
  return sum / 2
}

/** Even-odd point-in-ring (ray casting); fine for self-crossing lassos too. */
export function pointInRing([x, y]: Point, ring: readonly Point[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi)
      inside = !inside
  }
  return inside
}

function polygonsOf(geometry: Polygonal): Ring[][] {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates]
    : geometry.coordinates
}

/** Outer ring minus holes, in square degrees shrunk by cos(latitude): a relative area. */
function polygonArea(rings: Ring[]): number {
  const [outer, ...holes] = rings
  if (!outer || outer.length < 3) return 0
  const lat = outer.reduce((s, p) => s + p[1]!, 0) / outer.length
  const raw =
    Math.abs(ringArea(outer)) -
    holes.reduce((s, h) => s + Math.abs(ringArea(h)), 0)
  return Math.max(0, raw) * Math.cos(lat * DEG)
}

/** A polygon's relative area (comparable between units, not in km²). */
export function geometryArea(geometry: Polygonal): number {
  return polygonsOf(geometry).reduce((s, rings) => s + polygonArea(rings), 0)
}

function ringCentroid(ring: Ring): Point | null {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number]
    const [x1, y1] = ring[i] as [number, number]
    const f = x0 * y1 - x1 * y0
    a += f
    cx += (x0 + x1) * f
    cy += (y0 + y1) * f
  }
  return a === 0 ? null : [cx / (3 * a), cy / (3 * a)]
}

function inPolygon(p: Point, rings: Ring[]): boolean {
  const [outer, ...holes] = rings as Point[][]
  return (
    !!outer && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h))
  )
}

/**
 * The widest inside span of the polygon along the horizontal line y, as its midpoint; null
 * when the line misses it. Crossings use the half-open rule, so a vertex on the line counts
 * once and the spans pair up.
 */
function scanlineMidpoint(rings: Ring[], y: number): Point | null {
  const xs: number[] = []
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as [number, number]
      const [x1, y1] = ring[i] as [number, number]
      if (y0 <= y !== y1 <= y) xs.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0))
    }
  xs.sort((a, b) => a - b)
  let best: Point | null = null
  let widest = -1
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1]! - xs[k]!
    if (width > widest) {
      widest = width
      best = [(xs[k]! + xs[k + 1]!) / 2, y]
    }
  }
  return best
}

/**
 * A point inside the unit's largest piece, near its middle: the centroid when it falls
 * inside (most counties), otherwise the middle of the widest inside span through the
 * centroid's latitude (a crescent or an L-shaped county, whose centroid lies outside).
 */
export function interiorPoint(geometry: Polygonal): Point {
  const polygons = polygonsOf(geometry)
  let largest = polygons[0]
  let largestArea = -1
  for (const rings of polygons) {
    const area = polygonArea(rings)
    if (area > largestArea) {
      largest = rings
      largestArea = area
    }
  }
  const outer = largest?.[0]
  if (!largest || !outer || outer.length === 0) return [0, 0]
  const centroid = ringCentroid(outer)
  if (centroid && inPolygon(centroid, largest)) return centroid
  const ys = outer.map((p) => p[1]!)
  const midY = centroid ? centroid[1] : (Math.min(...ys) + Math.max(...ys)) / 2
  return (
    scanlineMidpoint(largest, midY) ??
    scanlineMidpoint(largest, (Math.min(...ys) + Math.max(...ys)) / 2) ?? [
      outer[0]![0]!,
      outer[0]![1]!,
    ]
  )
}

/**
 * Whether segment a–b touches the box (Liang–Barsky clipping): either end inside, or the
 * segment crossing it.
 */
export function segmentTouchesBox(
  [ax, ay]: GeoJSON.Position,
  [bx, by]: GeoJSON.Position,
  [w, s, e, n]: readonly [number, number, number, number],
): boolean {
  const dx = bx! - ax!
  const dy = by! - ay!
  const p = [-dx, dx, -dy, dy]
  const q = [ax! - w, e - ax!, ay! - s, n - ay!]
  let t0 = 0
  let t1 = 1
  for (let k = 0; k < 4; k++) {
    const pk = p[k]!
    const qk = q[k]!
    if (pk === 0) {
      if (qk < 0) return false
    } else {
      const r = qk / pk
      if (pk < 0) {
        if (r > t1) return false
        if (r > t0) t0 = r
      } else {
        if (r < t0) return false
        if (r < t1) t1 = r
      }
    }
  }
  return true
}

/** Whether a (multi)polygon and an axis-aligned box share any point. */
export function polygonTouchesBox(
  geometry: Polygonal,
  box: readonly [number, number, number, number],
): boolean {
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++)
        if (segmentTouchesBox(ring[i - 1]!, ring[i]!, box)) return true
    // No edge meets the box: it is either wholly inside this polygon or outside it.
    if (inPolygon([box[0], box[1]], rings)) return true
  }
  return false
}
