import { merge } from 'topojson-client'
import {
  allPositions,
  DEFAULT_FIT,
  type FitOptions,
  fitView,
  geometryPath,
  lonLatBounds,
  shapeGeometry,
  type UnitShape,
  type UnitShapes,
} from '../../../lib/svg-map'

/**
 * The pure half of a rep's change map: which units are kept, gained and lost, and SVG paths
 * for the units and the old and new outlines (projection and paths: `lib/svg-map`).
 */

export type UnitChange = 'kept' | 'gained' | 'lost'

/**
 * Each unit of either side, by what happens to it: held before and after (kept), only after
 * (gained), only before (lost). Kept and gained come in `after`'s order, then the lost.
 */
export function classifyUnits(
  before: readonly string[],
  after: readonly string[],
): Map<string, UnitChange> {
  const was = new Set(before)
  const out = new Map<string, UnitChange>()
  for (const u of after) out.set(u, was.has(u) ? 'kept' : 'gained')
  for (const u of before) if (!out.has(u)) out.set(u, 'lost')
  return out
}

export interface ChangeMapUnit {
  id: string
  change: UnitChange
  d: string
}

export interface ChangeMapDrawing {
  width: number
  height: number
  /** Kept first, then lost, then gained: the changes' strokes are drawn over the rest. */
  units: ChangeMapUnit[]
  /** The old territory's outline (the before units merged), and the new one's. */
  beforeOutline: string
  afterOutline: string
  counts: Record<UnitChange, number>
  /** Unit ids the layer has no shape for: not drawn, only counted. */
  missing: string[]
}

const DRAW_ORDER: Record<UnitChange, number> = { kept: 0, lost: 1, gained: 2 }

/**
 * Everything the change map draws, or `null` when none of the units has a shape. Unit ids
 * the layer does not know are skipped (listed in `missing`), never an error.
 */
export function buildChangeMap(
  shapes: UnitShapes,
  unitsBefore: readonly string[],
  unitsAfter: readonly string[],
  options: FitOptions = DEFAULT_FIT,
): ChangeMapDrawing | null {
  const classes = classifyUnits(unitsBefore, unitsAfter)
  const missing: string[] = []
  const found: { id: string; change: UnitChange; shape: UnitShape }[] = []
  for (const [id, change] of classes) {
    const shape = shapes.byId.get(id)
    if (shape) found.push({ id, change, shape })
    else missing.push(id)
  }
  if (found.length === 0) return null
  const geometries = found.map((u) => shapeGeometry(shapes.topology, u.shape))
  const bounds = lonLatBounds(allPositions(geometries))
  if (!bounds) return null
  const view = fitView(bounds, options)
  const outline = (side: (c: UnitChange) => boolean) =>
    geometryPath(
      merge(
        shapes.topology,
        found.filter((u) => side(u.change)).map((u) => u.shape) as Parameters<
          typeof merge
        >[1],
      ),
      view.project,
    )
  const counts: Record<UnitChange, number> = { kept: 0, gained: 0, lost: 0 }
  const units = found
    .map((u, i) => {
      counts[u.change] += 1
      return {
        id: u.id,
        change: u.change,
        d: geometryPath(geometries[i]!, view.project),
      }
    })
    .sort((a, b) => DRAW_ORDER[a.change] - DRAW_ORDER[b.change])
  return {
    width: view.width,
    height: view.height,
    units,
    beforeOutline: outline((c) => c !== 'gained'),
    afterOutline: outline((c) => c !== 'lost'),
    counts,
    missing,
  }
}
