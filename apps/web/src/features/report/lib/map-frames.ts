import { neighbors } from 'topojson-client'
import type { GeometryObject } from 'topojson-specification'
import {
  allPositions,
  type LonLat,
  type LonLatBounds,
  lonLatBounds,
  type UnitShape,
  wrapped,
} from '../../../lib/svg-map'

/**
 * Which units a printed map draws in its main frame and which in insets. A US layer holds
 * Alaska, Hawaii, Puerto Rico and the Pacific islands: fitted into one box, the lower 48
 * would be a small patch in an empty Pacific. So, as atlases do, far-off groups of units get
 * insets of their own, and everything else is drawn at one scale.
 */

export interface FrameUnit {
  id: string
  shape: UnitShape
  geometry: GeoJSON.Geometry
}

export interface MapArea {
  /** Indexes into the units given. */
  units: number[]
  bounds: LonLatBounds
}

export interface FrameLayout {
  main: MapArea
  /** Largest first; empty when everything fits one frame. */
  insets: MapArea[]
}

/** A piece this close to the main area (as a share of its larger side) belongs to it. */
const NEAR = 0.05
/** More insets than this, or more of the units in them, and one frame reads better. */
const MAX_INSETS = 6
const MAX_INSET_SHARE = 0.25
/** When everything fits a box this much bigger than the main area's, no insets. */
const MAX_GROWTH = 1.6

/**
 * Four positions whose box is the box of all the positions given, whichever way it wraps
 * (see `lonLatBounds`): so areas can be joined without going over their positions again.
 */
function extremes(positions: Iterable<LonLat>): LonLat[] {
  let w = Infinity
  let e = -Infinity
  let ww = Infinity
  let ew = -Infinity
  let s = Infinity
  let n = -Infinity
  for (const [lon, lat] of positions) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue
    w = Math.min(w, lon)
    e = Math.max(e, lon)
    ww = Math.min(ww, wrapped(lon))
    ew = Math.max(ew, wrapped(lon))
    s = Math.min(s, lat)
    n = Math.max(n, lat)
  }
  if (w > e) return []
  const unwrap = (lon: number) => (lon > 180 ? lon - 360 : lon)
  return [
    [w, s],
    [e, n],
    [unwrap(ww), s],
    [unwrap(ew), n],
  ]
}

interface Group {
  units: number[]
  points: LonLat[]
  bounds: LonLatBounds
}

function group(units: number[], points: LonLat[]): Group {
  return { units, points, bounds: lonLatBounds(points)! }
}

const join = (a: Group, b: Group) =>
  group([...a.units, ...b.units], [...a.points, ...b.points])

/**
 * Degrees between two boxes (0 when they overlap): the larger of the east–west gap, taken
 * round the globe and shrunk by the cosine of the latitude, and the north–south gap.
 */
export function boxGap(a: LonLatBounds, b: LonLatBounds): number {
  let lonGap = Infinity
  for (const k of [-360, 0, 360])
    lonGap = Math.min(
      lonGap,
      Math.max(0, b.west + k - a.east, a.west - (b.east + k)),
    )
  const latGap = Math.max(0, b.south - a.north, a.south - b.north)
  const midLat = (Math.max(a.south, b.south) + Math.min(a.north, b.north)) / 2
  return Math.max(lonGap * Math.cos((midLat * Math.PI) / 180), latGap)
}

const area = (b: LonLatBounds) =>
  Math.max(b.east - b.west, 1e-9) * Math.max(b.north - b.south, 1e-9)

/**
 * The units in groups that touch (shared borders in the topology), the largest one's
 * neighbourhood as the main area and the other far-off groups as insets. Islands near the
 * coast stay in the main area; a layer whose pieces are all close together, or scattered in
 * too many or too large far-off groups, is drawn in one frame.
 */
export function frameLayout(units: readonly FrameUnit[]): FrameLayout | null {
  if (units.length === 0) return null
  const adjacent = neighbors(units.map((u) => u.shape) as GeometryObject[])
  const seen = new Uint8Array(units.length)
  const pieces: Group[] = []
  for (let start = 0; start < units.length; start++) {
    if (seen[start]) continue
    seen[start] = 1
    const members = [start]
    for (let i = 0; i < members.length; i++)
      for (const j of adjacent[members[i]!]!)
        if (!seen[j]) {
          seen[j] = 1
          members.push(j)
        }
    const points = extremes(
      allPositions(members.map((m) => units[m]!.geometry)),
    )
    if (points.length > 0) pieces.push(group(members, points))
  }
  if (pieces.length === 0) return null
  pieces.sort((a, b) => b.units.length - a.units.length)

  // The main area: the largest piece and whatever lies close to it (again and again, so a
  // chain of islands along a coast joins too).
  let main = pieces[0]!
  let rest = pieces.slice(1)
  const near = () =>
    NEAR *
    Math.max(
      main.bounds.east - main.bounds.west,
      main.bounds.north - main.bounds.south,
    )
  for (let grew = true; grew;) {
    grew = false
    const far: Group[] = []
    for (const p of rest)
      if (boxGap(main.bounds, p.bounds) <= near()) {
        main = join(main, p)
        grew = true
      } else far.push(p)
    rest = far
  }

  // The far pieces, joined into insets where they lie close to each other (an archipelago).
  const limit = near()
  const insets: Group[] = []
  for (const p of rest) {
    let into: Group = p
    for (let i = insets.length - 1; i >= 0; i--)
      if (boxGap(insets[i]!.bounds, into.bounds) <= limit) {
        into = join(insets[i]!, into)
        insets.splice(i, 1)
      }
    insets.push(into)
  }
  const all = pieces.reduce(join)
  const insetUnits = insets.reduce((n, g) => n + g.units.length, 0)
  if (
    insets.length === 0 ||
    insets.length > MAX_INSETS ||
    insetUnits > MAX_INSET_SHARE * units.length ||
    area(all.bounds) <= MAX_GROWTH * area(main.bounds)
  )
    return { main: { units: all.units, bounds: all.bounds }, insets: [] }
  insets.sort((a, b) => b.units.length - a.units.length)
  return {
    main: { units: main.units, bounds: main.bounds },
    insets: insets.map((g) => ({ units: g.units, bounds: g.bounds })),
  }
}
