import type { Rep, TerritoryRecord, Unit } from '@tessera/domain'
import { useMemo, useRef } from 'react'
import { type ArcIndex, outlinePaths } from '../lib/arc-index'
import { densityGrid } from '../lib/density'
import type { Detail } from '../lib/fill-detail'
import {
  densityLayer,
  selectedUnitLayers,
  territoryLabelLayers,
} from '../lib/overlay-layers'
import type { TerritoryPaint } from '../lib/territory-paint'
import {
  type LabelState,
  labelsShownAt,
  placeTerritoryLabels,
} from '../lib/territory-labels'
import { type UnitGeometry, unitNeighbors } from '../lib/unit-geometry'
import type { UnitAnchors } from '../lib/unit-selection'
import type { UnitStat } from '../lib/unit-stats'

/**
 * Territory labels. Placement (a flood fill per territory) runs when the assignments or
 * names change; which labels fit runs per quarter zoom step; neither runs on a pan.
 */
export function useTerritoryLabels(
  geometry: UnitGeometry | undefined,
  anchors: UnitAnchors | null,
  paint: TerritoryPaint | null,
  territories: readonly TerritoryRecord[],
  reps: readonly Rep[],
  zoom: number,
) {
  const neighbors = useMemo(
    () => (geometry ? unitNeighbors(geometry) : null),
    [geometry],
  )
  // The last placement: the next one re-places only the territories an edit touched.
  const placed = useRef<LabelState | null>(null)
  const labels = useMemo(() => {
    if (!paint || !neighbors || !anchors) return []
    const byId = new Map(territories.map((t) => [t.id, t]))
    const repName = new Map(reps.map((r) => [r.id, r.name]))
    placed.current = placeTerritoryLabels(
      {
        territoryOfUnit: paint.territoryOfUnit,
        territoryIds: paint.territoryIds,
        neighbors,
        anchors,
        describe: (id) => {
          const t = byId.get(id)
          return t
            ? {
                name: t.name,
                repName: (t.repId && repName.get(t.repId)) || null,
              }
            : undefined
        },
      },
      placed.current,
    )
    return placed.current.labels
  }, [paint, neighbors, anchors, territories, reps])
  // Most edits move no label (a unit changes hands at a territory's edge): keep the same
  // array then, so the text layers are not rebuilt on every brush step.
  const signature = labels
    .map(
      (l) => `${l.territoryId}:${l.position.join(',')}:${l.name}:${l.repName}`,
    )
    .join('|')
  const stableLabels = useMemo(() => labels, [signature])
  const step = Math.floor(zoom * 4) / 4
  const layers = useMemo(() => {
    const shown = labelsShownAt(stableLabels, step)
    return territoryLabelLayers(
      stableLabels.filter((l) => shown.has(l.territoryId)),
    )
  }, [stableLabels, step])
  return { layers, labels: stableLabels }
}

/** The account density layer, rebuilt per whole zoom step (and only while it is on). */
export function useDensityLayer(
  enabled: boolean,
  units: readonly Unit[],
  unitStats: readonly UnitStat[],
  zoom: number,
) {
  const points = useMemo(() => {
    const counts = new Map(unitStats.map((s) => [s.unitId, s.accounts]))
    return units.map((u) => ({
      position: u.centroid,
      weight: counts.get(u.id) ?? 0,
    }))
  }, [units, unitStats])
  const z = Math.floor(zoom)
  const grid = useMemo(
    () => (enabled ? densityGrid(points, z) : null),
    [enabled, points, z],
  )
  const layer = useMemo(() => (grid ? densityLayer(grid) : null), [grid])
  return {
    layer,
    top: grid?.top ?? 0,
    clipped: grid ? grid.max > grid.top : false,
  }
}

/** The selected units' veil and outline, rebuilt when the selection changes. */
export function useSelectedUnitLayers(
  geometry: UnitGeometry | undefined,
  arcIndex: ArcIndex | null,
  detail: Detail | null,
  selectedUnitIds: ReadonlySet<string> | undefined,
) {
  return useMemo(() => {
    if (!geometry || !arcIndex || !detail) return []
    if (!selectedUnitIds || selectedUnitIds.size === 0) return []
    const inside = new Uint8Array(geometry.unitIds.length)
    const features = [...selectedUnitIds].flatMap((id) => {
      const i = geometry.indexOf.get(id)
      const f = i === undefined ? undefined : detail.features[i]
      if (i === undefined || !f) return []
      inside[i] = 1
      return [f]
    })
    const outline = outlinePaths(arcIndex, detail.arcs, (u) => inside[u] === 1)
    return selectedUnitLayers(features, outline)
  }, [geometry, arcIndex, detail, selectedUnitIds])
}
