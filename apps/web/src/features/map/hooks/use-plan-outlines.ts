import { useMemo } from 'react'
import { type ArcIndex, borderSegments, outlinePaths } from '../lib/arc-index'
import type { Detail } from '../lib/fill-detail'
import type { TerritoryPaint } from '../lib/territory-paint'
import type { UnitGeometry } from '../lib/unit-geometry'

const NO_OUTLINES: never[] = []

/**
 * The lines and shapes drawn from the assignments: territory borders, the selected
 * territory's outline, collaborators' selections and a proposed move. Each is rebuilt only
 * when its own inputs change, from the arc index (no re-stitching of the topology).
 */
export function usePlanOutlines(
  geometry: UnitGeometry | undefined,
  arcIndex: ArcIndex | null,
  detail: Detail | null,
  paint: TerritoryPaint | null,
  selectedTerritoryId: string | null,
  remoteSelections:
    | readonly { territoryId: string; color: [number, number, number] }[]
    | undefined,
  preview: { unitIds: readonly string[] } | null | undefined,
) {
  const borders = useMemo(
    () =>
      arcIndex && detail && paint
        ? borderSegments(arcIndex, detail.arcs, paint.territoryOfUnit)
        : new Float64Array(0),
    [arcIndex, detail, paint],
  )
  const outlineOf = useMemo(() => {
    if (!arcIndex || !detail || !paint) return null
    return (territoryId: string) => {
      const t = paint.territoryIndex.get(territoryId) ?? -2
      return outlinePaths(
        arcIndex,
        detail.arcs,
        (u) => paint.territoryOfUnit[u] === t,
      )
    }
  }, [arcIndex, detail, paint])
  const selectedOutline = useMemo(
    () =>
      outlineOf && selectedTerritoryId ? outlineOf(selectedTerritoryId) : null,
    [outlineOf, selectedTerritoryId],
  )
  const remoteOutlines = useMemo(() => {
    const shown = (remoteSelections ?? []).filter(
      (r) => r.territoryId !== selectedTerritoryId,
    )
    // No selection to outline: the same empty list every time, so an edit leaves the map's
    // layer list as it is.
    return outlineOf && shown.length > 0
      ? shown.map((r) => ({ ...r, outline: outlineOf(r.territoryId) }))
      : NO_OUTLINES
  }, [outlineOf, remoteSelections, selectedTerritoryId])
  const previewFeatures = useMemo(
    () =>
      geometry && detail && preview
        ? preview.unitIds.flatMap((id) => {
            const i = geometry.indexOf.get(id)
            const f = i === undefined ? undefined : detail.features[i]
            return f ? [f] : []
          })
        : [],
    [geometry, detail, preview],
  )
  return { borders, selectedOutline, remoteOutlines, previewFeatures }
}
