import type { LonLat } from '@tessera/domain'

/** Mean Earth radius (IUGG), the radius turf uses for its distances. */
export const EARTH_RADIUS_KM = 6371.0088

const RAD = Math.PI / 180

/** Great-circle distance between two points in kilometres (haversine formula). */
export function haversineKm(a: LonLat, b: LonLat): number {
  return haversineKmXY(a[0], a[1], b[0], b[1])
}

/** {@link haversineKm} on bare numbers, for hot loops that should not allocate tuples. */
export function haversineKmXY(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)))
}

/** Great-circle length of a path of positions (a ring counts its closing segment only if repeated). */
export function pathLengthKm(path: ArrayLike<ArrayLike<number>>): number {
  let km = 0
  for (let i = 1; i < path.length; i++) {
    const p = path[i - 1] as ArrayLike<number>
    const q = path[i] as ArrayLike<number>
    km += haversineKmXY(
      p[0] as number,
      p[1] as number,
      q[0] as number,
      q[1] as number,
    )
  }
  return km
}
