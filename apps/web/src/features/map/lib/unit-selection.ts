import {
  type Point,
  geometryArea,
  interiorPoint,
  pointInRing,
  polygonTouchesBox,
  toMercator,
} from './planar'
import type { UnitGeometry } from './unit-geometry'
import type { Bounds } from './view'

/** Per-unit points and sizes, computed once per layer: lasso tests and label placement use them. */
export interface UnitAnchors {
  /** unit index → a point inside the unit (lon, lat) */
  points: Point[]
  /** unit index → relative area (comparable between units) */
  areas: Float64Array
}

export function buildUnitAnchors(
  geometry: Pick<UnitGeometry, 'features'>,
): UnitAnchors {
  const areas = new Float64Array(geometry.features.length)
  const points = geometry.features.map((f, i) => {
    areas[i] = geometryArea(f.geometry)
    return interiorPoint(f.geometry)
  })
  return { points, areas }
}

/** A box from two corners in any order. */
export function boxOf(a: Point, b: Point): Bounds {
  return [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
  ]
}

/**
 * Unit indices whose polygon touches the lon/lat box: an edge crossing it, a vertex inside,
 * or the box lying wholly inside the unit (a drag inside one big county still selects it).
 * On a north-up Mercator map a screen rectangle is exactly such a box.
 */
export function unitsInBox(
  geometry: Pick<UnitGeometry, 'bounds' | 'features'>,
  box: Bounds,
): number[] {
  const [w, s, e, n] = box
  const hit: number[] = []
  geometry.bounds.forEach(([bw, bs, be, bn], i) => {
    if (be < w || bw > e || bn < s || bs > n) return
    const inside = bw >= w && be <= e && bs >= s && bn <= n
    const feature = geometry.features[i]
    if (inside || (feature && polygonTouchesBox(feature.geometry, box)))
      hit.push(i)
  })
  return hit
}

/**
 * Unit indices whose anchor point lies inside the lasso (lon/lat vertices, closed
 * implicitly). The test runs in Mercator, where the drawn lasso is straight-edged.
 */
export function unitsInLasso(
  anchors: readonly Point[],
  lasso: readonly Point[],
): number[] {
  if (lasso.length < 3) return []
  const ring = lasso.map(toMercator)
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    w = Math.min(w, x)
    e = Math.max(e, x)
    s = Math.min(s, y)
    n = Math.max(n, y)
  }
  const hit: number[] = []
  anchors.forEach((p, i) => {
    if (p[0] < w || p[0] > e) return
    const q = toMercator(p)
    if (q[1] >= s && q[1] <= n && pointInRing(q, ring)) hit.push(i)
  })
  return hit
}

/**
 * The selection after a pick: `replace` swaps it, `add` unions, `toggle` flips each unit.
 * Returns the same set when nothing changes, so React skips the re-render.
 */
export function applyUnitSelection(
  current: ReadonlySet<string>,
  unitIds: readonly string[],
  mode: 'replace' | 'add' | 'toggle',
): ReadonlySet<string> {
  if (mode === 'replace')
    return unitIds.length === 0 && current.size === 0
      ? current
      : new Set(unitIds)
  if (unitIds.length === 0) return current
  const next = new Set(current)
  for (const id of unitIds)
    if (mode === 'toggle' && next.has(id)) next.delete(id)
    else next.add(id)
  return next
}
