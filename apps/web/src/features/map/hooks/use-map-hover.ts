import type { PickingInfo } from '@deck.gl/core'
import type { Account, Rep, TerritoryRecord, Unit } from '@tessera/domain'
import { useCallback, useMemo, useState } from 'react'
import type { TooltipData } from '../components/map-tooltip'
import { type TerritoryPaint, territoryIdOfUnit } from '../lib/territory-paint'
import type { UnitFeature, UnitGeometry } from '../lib/unit-geometry'
import type { UnitStat } from '../lib/unit-stats'

export type { UnitStat } from '../lib/unit-stats'

export interface Hover {
  x: number
  y: number
  data: TooltipData
  /** The unit under the pointer, if it is a unit (the map highlights it). */
  unitIndex?: number
}

interface HoverSources {
  geometry: UnitGeometry | undefined
  paint: TerritoryPaint | null
  territories: readonly TerritoryRecord[]
  reps: readonly Rep[]
  units: readonly Unit[]
  unitStats: readonly UnitStat[]
  territoryDeviations?: ReadonlyMap<string, number>
}

/** What the pointer is over — a unit or an account — described for the tooltip. */
export function useMapHover({
  geometry,
  paint,
  territories,
  reps,
  units,
  unitStats,
  territoryDeviations,
}: HoverSources) {
  const statsByUnit = useMemo(
    () => new Map(unitStats.map((s) => [s.unitId, s])),
    [unitStats],
  )
  const unitsById = useMemo(() => new Map(units.map((u) => [u.id, u])), [units])
  const territoriesById = useMemo(
    () => new Map(territories.map((t) => [t.id, t])),
    [territories],
  )
  const repsById = useMemo(() => new Map(reps.map((r) => [r.id, r])), [reps])

  const [hover, setHover] = useState<Hover | null>(null)
  const onHover = useCallback(
    (info: PickingInfo) => {
      if (!info.picked || !info.object || !geometry || !paint) {
        setHover(null)
        return
      }
      if (info.layer?.id === 'accounts') {
        const account = info.object as Account
        setHover({ x: info.x, y: info.y, data: { kind: 'account', account } })
        return
      }
      const feature = info.object as UnitFeature
      const unitId = feature.id
      const territoryId = territoryIdOfUnit(paint, feature.properties.unitIndex)
      const territory = territoryId
        ? territoriesById.get(territoryId)
        : undefined
      const unit = unitsById.get(unitId)
      const stat = statsByUnit.get(unitId)
      setHover({
        x: info.x,
        y: info.y,
        unitIndex: feature.properties.unitIndex,
        data: {
          kind: 'unit',
          name: unit?.name ?? feature.properties.name,
          area: geometry.stateNames.get(unit?.region ?? unitId.slice(0, 2)),
          territoryName: territory?.name,
          territoryColor: territory?.color,
          repName: territory?.repId
            ? repsById.get(territory.repId)?.name
            : undefined,
          accounts: stat?.accounts ?? 0,
          potential: stat?.potential ?? 0,
          sales: stat?.sales,
          topIndustry: stat?.topIndustry ?? undefined,
          deviation: territoryId
            ? territoryDeviations?.get(territoryId)
            : undefined,
        },
      })
    },
    [
      geometry,
      paint,
      territoriesById,
      unitsById,
      statsByUnit,
      repsById,
      territoryDeviations,
    ],
  )
  return { hover, onHover }
}
