import { useCallback, useMemo } from 'react'
import {
  type UnitGeometry,
  territoryBorders,
  territoryOutline,
} from '../lib/unit-geometry'

/**
 * The lines and shapes drawn from the assignments: territory borders, the selected
 * territory's outline, collaborators' selections and a proposed move. Each is rebuilt only
 * when its own inputs change.
 */
export function usePlanOutlines(
  geometry: UnitGeometry | undefined,
  assignments: Readonly<Record<string, string>>,
  selectedTerritoryId: string | null,
  remoteSelections:
    | readonly { territoryId: string; color: [number, number, number] }[]
    | undefined,
  preview: { unitIds: readonly string[] } | null | undefined,
) {
  const territoryOf = useCallback(
    (unitId: string) => assignments[unitId],
    [assignments],
  )
  const borders = useMemo(
    () => (geometry ? territoryBorders(geometry, territoryOf) : null),
    [geometry, territoryOf],
  )
  const selectedOutline = useMemo(
    () =>
      geometry && selectedTerritoryId
        ? territoryOutline(geometry, territoryOf, selectedTerritoryId)
        : null,
    [geometry, territoryOf, selectedTerritoryId],
  )
  const remoteOutlines = useMemo(
    () =>
      geometry && remoteSelections
        ? remoteSelections
            .filter((r) => r.territoryId !== selectedTerritoryId)
            .map((r) => ({
              ...r,
              outline: territoryOutline(geometry, territoryOf, r.territoryId),
            }))
        : [],
    [geometry, territoryOf, remoteSelections, selectedTerritoryId],
  )
  const previewFeatures = useMemo(
    () =>
      geometry && preview
        ? preview.unitIds.flatMap((id) => {
            const i = geometry.indexOf.get(id)
            const f = i === undefined ? undefined : geometry.features[i]
            return f ? [f] : []
          })
        : [],
    [geometry, preview],
  )
  return { borders, selectedOutline, remoteOutlines, previewFeatures }
}
