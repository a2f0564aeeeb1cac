import { booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf'
import { haversineKmXY } from './haversine.js'

/** A campaign's area: a radius around a point (a store), a drawn polygon, or both. */
export interface TargetAreaSpec {
  circle?: { lon: number; lat: number; radiusKm: number } | undefined
  /** [lon, lat] vertices, not closed (the first is not repeated at the end). */
  polygon?: readonly (readonly [number, number])[] | undefined
}

export interface TargetArea {
  /** [west, south, east, north] around the area, for a database range filter first. */
  bbox: [number, number, number, number] | null
  contains(lon: number, lat: number): boolean
  /** Great-circle km from the circle's centre (undefined without a circle). */
  distanceKm(lon: number, lat: number): number | undefined
}

const KM_PER_DEGREE_LAT = 111.32

/**
 * Tests points against a campaign area: inside the circle (great-circle distance) and/or
 * inside the polygon (turf's point-in-polygon); both given means both must hold. The
 * bounding box lets the caller fetch candidates by a range query first.
 */
export function targetArea(spec: TargetAreaSpec): TargetArea {
  const { circle, polygon } = spec
  let bbox: TargetArea['bbox'] = null
  const meet = (b: [number, number, number, number]) => {
    bbox = bbox
      ? [
          Math.max(bbox[0], b[0]),
          Math.max(bbox[1], b[1]),
          Math.min(bbox[2], b[2]),
          Math.min(bbox[3], b[3]),
        ]
      : b
  }
  if (circle) {
    const dLat = circle.radiusKm / KM_PER_DEGREE_LAT
    const cos = Math.cos((circle.lat * Math.PI) / 180)
    const dLon = cos > 1e-6 ? Math.min(180, dLat / cos) : 180
    meet([
      Math.max(-180, circle.lon - dLon),
      Math.max(-90, circle.lat - dLat),
      Math.min(180, circle.lon + dLon),
      Math.min(90, circle.lat + dLat),
    ])
  }
  const ring = polygon && polygon.length >= 3 ? [...polygon, polygon[0]!] : null
  const shape = ring ? turfPolygon([ring.map(([x, y]) => [x, y])]) : null
  if (ring) {
    const xs = ring.map((p) => p[0])
    const ys = ring.map((p) => p[1])
    meet([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)])
  }
  return {
    bbox,
    contains: (lon, lat) =>
      (!circle ||
        haversineKmXY(circle.lon, circle.lat, lon, lat) <= circle.radiusKm) &&
      (!shape || booleanPointInPolygon([lon, lat], shape)),
    distanceKm: (lon, lat) =>
      circle ? haversineKmXY(circle.lon, circle.lat, lon, lat) : undefined,
  }
}
