import { hexToRgb, territoryColor } from '@tessera/domain'
import type { TerritoryRecord } from '@tessera/domain'

export type Rgba = [number, number, number, number]

/**
 * Unit colours as a lookup, not as per-polygon data: `territoryOfUnit[unitIndex]` points at a
 * territory, `colors[territory]` is its colour. A unit moving to another territory changes one
 * number, and the fill layer recomputes only its colour attribute (`updateTriggers`), never
 * the polygons.
 */
export interface TerritoryPaint {
  /** territory index → territory id */
  territoryIds: string[]
  territoryIndex: Map<string, number>
  /** unit index → territory index, or -1 for a unit no territory owns */
  territoryOfUnit: Int32Array
  /** territory index → RGB */
  colors: [number, number, number][]
  /**
   * Set when this paint was made from another by moving a few units (`paintAfterDelta`):
   * which one, and the units that moved, so colours can follow those units alone.
   */
  moved?: { from: TerritoryPaint; units: readonly number[] }
}

export const UNASSIGNED_COLOR: Rgba = [214, 219, 226, 255]
const FILL_ALPHA = 215
const DIMMED_ALPHA = 70

export function buildTerritoryPaint(
  unitIds: readonly string[],
  assignments: Readonly<Record<string, string>>,
  territories: readonly TerritoryRecord[],
): TerritoryPaint {
  const territoryIds: string[] = []
  const territoryIndex = new Map<string, number>()
  const colors: [number, number, number][] = []
  for (const t of territories) {
    if (t.kind !== 'territory' || territoryIndex.has(t.id)) continue
    territoryIndex.set(t.id, territoryIds.length)
    colors.push(
      /^#[0-9a-f]{6}$/i.test(t.color)
        ? hexToRgb(t.color)
        : hexToRgb(territoryColor(territoryIds.length)),
    )
    territoryIds.push(t.id)
  }
  const territoryOfUnit = new Int32Array(unitIds.length).fill(-1)
  unitIds.forEach((unitId, i) => {
    const territoryId = assignments[unitId]
    const index =
      territoryId === undefined ? undefined : territoryIndex.get(territoryId)
    if (index !== undefined) territoryOfUnit[i] = index
  })
  return { territoryIds, territoryIndex, territoryOfUnit, colors }
}

/**
 * The paint after the assignments changed in a few keys (`keys`, unit ids): the previous
 * paint's tables with those units' territories looked up again, O(changed units) rather than
 * O(all units). The territories must be the same as `prev` was built with.
 */
export function paintAfterDelta(
  prev: TerritoryPaint,
  indexOf: ReadonlyMap<string, number>,
  keys: ReadonlySet<string>,
  assignments: Readonly<Record<string, string>>,
): TerritoryPaint {
  const moves: [number, string | undefined][] = []
  for (const unitId of keys) {
    const u = indexOf.get(unitId)
    if (u !== undefined) moves.push([u, assignments[unitId]])
  }
  return movedPaint(prev, moves)
}

/**
 * The paint after one unit moves (a live edit): a new object, so React and deck.gl see the
 * change, sharing everything but the one typed array.
 */
export function withUnitMoved(
  paint: TerritoryPaint,
  unitIndex: number,
  territoryId: string | null,
): TerritoryPaint {
  return movedPaint(paint, [[unitIndex, territoryId ?? undefined]])
}

/** `prev` with each unit moved to a territory (undefined or unknown: none), `moved` set. */
function movedPaint(
  prev: TerritoryPaint,
  moves: readonly (readonly [number, string | undefined])[],
): TerritoryPaint {
  const territoryOfUnit = prev.territoryOfUnit.slice()
  for (const [u, territoryId] of moves) {
    territoryOfUnit[u] =
      territoryId === undefined
        ? -1
        : (prev.territoryIndex.get(territoryId) ?? -1)
  }
  // The hint reaches back one step: the predecessor lets go of its own, or every paint of a
  // session would stay reachable through the chain.
  prev.moved = undefined
  return {
    territoryIds: prev.territoryIds,
    territoryIndex: prev.territoryIndex,
    colors: prev.colors,
    territoryOfUnit,
    moved: { from: prev, units: moves.map(([u]) => u) },
  }
}

/** The territory id owning a unit, by unit index. */
export function territoryIdOfUnit(
  paint: TerritoryPaint,
  unitIndex: number,
): string | undefined {
  const t = paint.territoryOfUnit[unitIndex]
  return t === undefined || t < 0 ? undefined : paint.territoryIds[t]
}

/**
 * A unit's fill. With a territory selected, every other territory fades so the selection
 * reads at a glance.
 */
export function unitFill(
  paint: TerritoryPaint,
  unitIndex: number,
  selectedTerritory = -1,
): Rgba {
  const t = paint.territoryOfUnit[unitIndex] ?? -1
  if (t < 0) return UNASSIGNED_COLOR
  const [r, g, b] = paint.colors[t] as [number, number, number]
  const alpha =
    selectedTerritory >= 0 && t !== selectedTerritory
      ? DIMMED_ALPHA
      : FILL_ALPHA
  return [r, g, b, alpha]
}
