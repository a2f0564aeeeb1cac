import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Bounds } from './view'
import type { UnitGeometry } from './unit-geometry'

const CELL_DEG = 0.5

/**
 * Which unit is under a point, on the CPU: a grid of half-degree cells lists the units whose
 * bounding box touches each cell, then turf's point-in-polygon settles the few candidates.
 * The brush asks this many times per stroke; GPU picking (a render per question) would be
 * far slower with a software renderer.
 */
export class UnitHitTest {
  private readonly cells = new Map<number, number[]>()

  constructor(private readonly geometry: UnitGeometry) {
    geometry.bounds.forEach((b, i) => {
      for (const key of cellKeys(b)) {
        const list = this.cells.get(key)
        if (list) list.push(i)
        else this.cells.set(key, [i])
      }
    })
  }

  /** The unit index under (lon, lat), or -1. */
  unitAt(lon: number, lat: number): number {
    const candidates = this.cells.get(cellKey(lon, lat))
    if (!candidates) return -1
    for (const i of candidates) {
      const [w, s, e, n] = this.geometry.bounds[i]!
      if (lon < w || lon > e || lat < s || lat > n) continue
      const feature = this.geometry.features[i]
      if (feature && booleanPointInPolygon([lon, lat], feature.geometry))
        return i
    }
    return -1
  }

  /** The units under `steps` + 1 evenly spaced points from `from` to `to` (a brush segment). */
  unitsAlong(
    from: [number, number],
    to: [number, number],
    steps: number,
  ): Set<number> {
    const hit = new Set<number>()
    const n = Math.max(1, Math.min(500, Math.ceil(steps)))
    for (let k = 0; k <= n; k++) {
      const t = k / n
      const i = this.unitAt(
        from[0] + (to[0] - from[0]) * t,
        from[1] + (to[1] - from[1]) * t,
      )
      if (i >= 0) hit.add(i)
    }
    return hit
  }
}

function cellKey(lon: number, lat: number): number {
  return (
    Math.floor((lat + 90) / CELL_DEG) * 10_000 +
    Math.floor((lon + 180) / CELL_DEG)
  )
}

function* cellKeys([w, s, e, n]: Bounds): Generator<number> {
  for (
    let y = Math.floor((s + 90) / CELL_DEG);
    y <= Math.floor((n + 90) / CELL_DEG);
    y++
  )
    for (
      let x = Math.floor((w + 180) / CELL_DEG);
      x <= Math.floor((e + 180) / CELL_DEG);
      x++
    )
      yield y * 10_000 + x
}

/** How near (CSS pixels) the pointer must be to an account's dot to be over it. */
export const ACCOUNT_HIT_PX = 6

/**
 * The account whose dot is nearest the screen point (x, y) and within `maxPx` of it, or
 * null. The map shows at most a thousand accounts at a time, so a pass over them is a small
 * fraction of a millisecond: cheaper than any GPU pick.
 */
export function nearestAccount<
  A extends { location: readonly [number, number] },
>(
  accounts: readonly A[],
  project: (lon: number, lat: number) => [number, number],
  x: number,
  y: number,
  maxPx = ACCOUNT_HIT_PX,
): A | null {
  let best: A | null = null
  let bestD = maxPx * maxPx
  for (const a of accounts) {
    const [ax, ay] = project(a.location[0], a.location[1])
    const d = (ax - x) ** 2 + (ay - y) ** 2
    if (d <= bestD) {
      bestD = d
      best = a
    }
  }
  return best
}
