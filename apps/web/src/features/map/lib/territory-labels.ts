import { type Point, mercatorY } from './planar'
import type { UnitAnchors } from './unit-selection'

/** One territory's label: its name, its rep, and a point well inside its main piece. */
export interface TerritoryLabel {
  territoryId: string
  name: string
  repName: string | null
  position: Point
  /** Area of the labelled piece (relative): larger territories win label collisions. */
  weight: number
}

interface LabelInput {
  /** unit index → territory index, -1 for none (TerritoryPaint's lookup) */
  territoryOfUnit: Int32Array
  /** territory index → id */
  territoryIds: readonly string[]
  /** unit index → neighbouring unit indices */
  neighbors: readonly (readonly number[])[]
  anchors: UnitAnchors
  describe: (
    territoryId: string,
  ) => { name: string; repName: string | null } | undefined
}

/** Where one territory's label sits: a unit of its largest piece, and that piece's area. */
interface Placement {
  unit: number
  area: number
}

/**
 * Label placement as it stood after an edit: what the next edit starts from, so that it
 * re-places only the territories it touched (see `placeTerritoryLabels`).
 */
export interface LabelState {
  input: LabelInput
  /** territory index → placement */
  placements: ReadonlyMap<number, Placement>
  labels: TerritoryLabel[]
}

/**
 * Where each territory's label goes. A territory can be in pieces (an exclave, an island):
 * the label marks the largest piece. Inside it, the unit closest to the piece's
 * area-weighted centre is chosen, preferring units not on the territory's edge, so the label
 * sits inside even a crescent-shaped territory whose centroid lies in a neighbour.
 *
 * Given the state after the previous call on the same units, only the territories whose
 * units changed hands are placed again (an edit touches two of forty): the rest keep their
 * placement, and every label is described anew (names and reps may have changed).
 */
export function placeTerritoryLabels(
  input: LabelInput,
  previous?: LabelState | null,
): LabelState {
  const touched = previous ? touchedTerritories(previous.input, input) : null
  const placements = touched
    ? new Map(previous!.placements)
    : new Map<number, Placement>()
  if (touched) for (const t of touched) placements.delete(t)
  const { territoryOfUnit: of, neighbors, anchors } = input
  const seen = new Uint8Array(of.length)
  for (let start = 0; start < of.length; start++) {
    const t = of[start]!
    if (t < 0 || seen[start] || (touched && !touched.has(t))) continue
    // Flood the piece of territory t that contains `start`.
    const units = [start]
    seen[start] = 1
    let area = 0
    for (let k = 0; k < units.length; k++) {
      const u = units[k]!
      area += anchors.areas[u] ?? 0
      for (const v of neighbors[u] ?? [])
        if (!seen[v] && of[v] === t) {
          seen[v] = 1
          units.push(v)
        }
    }
    const current = placements.get(t)
    if (!current || area > current.area)
      placements.set(t, { unit: centralUnit(units, t, input), area })
  }

  const labels: TerritoryLabel[] = []
  for (const [t, placement] of [...placements].sort((a, b) => a[0] - b[0])) {
    const territoryId = input.territoryIds[t]
    const text = territoryId ? input.describe(territoryId) : undefined
    if (!territoryId || !text) continue
    labels.push({
      territoryId,
      ...text,
      position: anchors.points[placement.unit]!,
      weight: placement.area,
    })
  }
  return { input, placements, labels }
}

/**
 * The territories (by index) whose units changed between two inputs over the same units
 * and territory indices; null when they differ otherwise (everything is placed anew).
 */
function touchedTerritories(
  before: LabelInput,
  now: LabelInput,
): Set<number> | null {
  if (
    before.neighbors !== now.neighbors ||
    before.anchors !== now.anchors ||
    before.territoryOfUnit.length !== now.territoryOfUnit.length ||
    before.territoryIds.length !== now.territoryIds.length ||
    before.territoryIds.some((id, i) => id !== now.territoryIds[i])
  )
    return null
  const touched = new Set<number>()
  const a = before.territoryOfUnit
  const b = now.territoryOfUnit
  for (let i = 0; i < b.length; i++)
    if (a[i] !== b[i]) {
      if (a[i]! >= 0) touched.add(a[i]!)
      if (b[i]! >= 0) touched.add(b[i]!)
    }
  return touched
}

function centralUnit(
  units: readonly number[],
  t: number,
  { territoryOfUnit: of, neighbors, anchors }: LabelInput,
): number {
  let sx = 0
  let sy = 0
  let sw = 0
  for (const u of units) {
    // A unit with no area (bad data) still counts, lightly.
    const w = Math.max(anchors.areas[u] ?? 0, 1e-9)
    const [x, y] = anchors.points[u]!
    sx += x * w
    sy += y * w
    sw += w
  }
  const cx = sx / sw
  const cy = sy / sw
  const kx = Math.cos((cy * Math.PI) / 180)
  const interior = units.filter((u) =>
    (neighbors[u] ?? []).every((v) => of[v] === t),
  )
  let pick = units[0]!
  let nearest = Infinity
  for (const u of interior.length > 0 ? interior : units) {
    const [x, y] = anchors.points[u]!
    const d = ((x - cx) * kx) ** 2 + (y - cy) ** 2
    if (d < nearest) {
      nearest = d
      pick = u
    }
  }
  return pick
}

/** Below this zoom the whole country is in view and 40 labels would bury the map. */
export const LABEL_MIN_ZOOM = 4.25
export const LABEL_NAME_PX = 13
export const LABEL_REP_PX = 11

/**
 * The labels that fit at a zoom, greedily, largest territory first: a label is dropped when
 * its box overlaps one already placed. North-up Mercator at a fixed zoom only translates
 * when the map pans, so the answer depends on the zoom alone (callers memoise per step).
 */
export function labelsShownAt(
  labels: readonly TerritoryLabel[],
  zoom: number,
): Set<string> {
  const shown = new Set<string>()
  if (zoom < LABEL_MIN_ZOOM) return shown
  const scale = (512 * 2 ** zoom) / 360
  const placed: [number, number, number, number][] = []
  for (const label of [...labels].sort((a, b) => b.weight - a.weight)) {
    const x = label.position[0] * scale
    const y = -mercatorY(label.position[1]) * scale
    // Rough text widths for the app's sans-serif at these sizes; a small gap around.
    const halfW =
      Math.max(
        label.name.length * LABEL_NAME_PX * 0.58,
        (label.repName?.length ?? 0) * LABEL_REP_PX * 0.55,
      ) /
        2 +
      4
    const halfH = label.repName ? 17 : 10
    const box: [number, number, number, number] = [
      x - halfW,
      y - halfH,
      x + halfW,
      y + halfH,
    ]
    if (
      placed.some(
        (p) => p[0] < box[2] && box[0] < p[2] && p[1] < box[3] && box[1] < p[3],
      )
    )
      continue
    placed.push(box)
    shown.add(label.territoryId)
  }
  return shown
}
