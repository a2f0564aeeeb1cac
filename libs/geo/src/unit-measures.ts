import type { LonLat } from '@tessera/domain'
import type { Position } from 'geojson'
import { area as turfArea, polygon as turfPolygon } from '@turf/turf'
import { pathLengthKm } from './haversine.js'

/** Geodesic area, area-weighted centroid and outer perimeter of a unit's polygons. */
export interface UnitMeasures {
  centroid: LonLat
  areaKm2: number
  perimeterKm: number
}

/**
 * Measures a unit made of one or more polygons. turf's `centerOfMass` is not used for the
 * centroid: it joins a polygon's holes into its outer ring and takes the convex hull of a
 * MultiPolygon, which puts a chain of islands' centroid in open water. Instead each part's
 * planar centroid (holes subtracted) is weighted by the part's geodesic area from turf.
 * Units split at the antimeridian (the Aleutians) have parts near +180 and -180; parts are
 * unwrapped next to the largest part before averaging so the centroid is not dragged to 0°.
 */
export function measurePolygons(
  polygons: readonly Position[][][],
): UnitMeasures {
  let areaKm2 = 0
  let perimeterKm = 0
  const parts: { lon: number; lat: number; w: number }[] = []
  for (const rings of polygons) {
    const km2 = turfArea(turfPolygon(rings as Position[][])) / 1e6
    areaKm2 += km2
    perimeterKm += pathLengthKm(rings[0] as Position[])
    const c = planarCentroid(rings)
    if (c) parts.push({ lon: c[0], lat: c[1], w: km2 })
  }
  return { centroid: combineCentroids(parts), areaKm2, perimeterKm }
}

/** Shoelace centroid of a polygon with holes in lon/lat (affine-invariant, so no projection is needed at county scale). */
function planarCentroid(rings: readonly Position[][]): LonLat | null {
  const first = rings[0]?.[0]
  if (!first) return null
  // Translate to the first vertex: keeps the cross products well-conditioned.
  const ox = first[0] as number
  const oy = first[1] as number
  let a = 0
  let cx = 0
  let cy = 0
  rings.forEach((ring, r) => {
    let ra = 0
    let rx = 0
    let ry = 0
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i] as Position
      const q = ring[i + 1] as Position
      const x0 = (p[0] as number) - ox
      const y0 = (p[1] as number) - oy
      const x1 = (q[0] as number) - ox
      const y1 = (q[1] as number) - oy
      const cross = x0 * y1 - x1 * y0
      ra += cross
      rx += (x0 + x1) * cross
      ry += (y0 + y1) * cross
    }
    // Outer ring counts positive and holes negative whatever the input winding.
    const sign = (r === 0 ? 1 : -1) * Math.sign(ra)
    a += sign * ra
    cx += sign * rx
    cy += sign * ry
  })
  if (a === 0) {
    // Degenerate (zero-area) ring: fall back to the vertex mean of the outer ring.
    const ring = rings[0] as Position[]
    let sx = 0
    let sy = 0
    for (const p of ring) {
      sx += p[0] as number
      sy += p[1] as number
    }
    return [sx / ring.length, sy / ring.length]
  }
  return [ox + cx / (3 * a), oy + cy / (3 * a)]
}

function combineCentroids(
  parts: readonly { lon: number; lat: number; w: number }[],
): LonLat {
  if (parts.length === 0) return [0, 0]
  let ref = parts[0] as { lon: number; lat: number; w: number }
  for (const p of parts) if (p.w > ref.w) ref = p
  let w = 0
  let sx = 0
  let sy = 0
  for (const p of parts) {
    // Zero-area parts still count a little, so a unit of slivers keeps a centroid.
    const pw = p.w > 0 ? p.w : 1e-12
    let lon = p.lon
    while (lon - ref.lon > 180) lon -= 360
    while (lon - ref.lon < -180) lon += 360
    w += pw
    sx += lon * pw
    sy += p.lat * pw
  }
  let lon = sx / w
  while (lon > 180) lon -= 360
  while (lon < -180) lon += 360
  return [lon, sy / w]
}
