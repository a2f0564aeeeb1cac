import { whiteSpaceOf } from '../lib/unit-stats'
import type { PickingInfo } from '@deck.gl/core'
import type { Account, Rep, TerritoryRecord, Unit } from '@tessera/domain'
import { useCallback, useMemo, useState } from 'react'
import type { TooltipData } from '../components/map-tooltip'
import { type TerritoryPaint, territoryIdOfUnit } from '../lib/territory-paint'
import type { UnitHitTest } from '../lib/hit-test'
import type { UnitGeometry } from '../lib/unit-geometry'
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
  /** Which unit is at a place (CPU; see UnitHitTest). */
  hitTest: UnitHitTest | null
  /** Which account's dot is at a screen point, if any. */
  accountAt: (x: number, y: number) => Account | null
  paint: TerritoryPaint | null
  territories: readonly TerritoryRecord[]
  reps: readonly Rep[]
  units: readonly Unit[]
  unitStats: readonly UnitStat[]
  territoryDeviations?: ReadonlyMap<string, number>
  /** Region names the layer does not carry itself (countries, states of the base map). */
  areaNames?: ReadonlyMap<string, string> | undefined
}

interface Spot {
  x: number
  y: number
  account?: Account
  unitIndex?: number
}

/**
 * What the pointer is over — an account's dot or a unit — described for the tooltip. Found
 * on the CPU from the pointer's place, not by WebGL picking (see TerritoryMap).
 */
export function useMapHover({
  geometry,
  hitTest,
  accountAt,
  paint,
  territories,
  reps,
  units,
  unitStats,
  territoryDeviations,
  areaNames,
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

  // What is under the pointer is kept, and described from the current plan at each render:
  // a unit painted or moved by someone else while the pointer rests on it shows its new
  // territory at once.
  const [spot, setSpot] = useState<Spot | null>(null)
  const onHover = useCallback(
    (info: PickingInfo) => {
      const c = info.coordinate
      if (!c || c.length < 2 || !geometry) {
        setSpot(null)
        return
      }
      const account = accountAt(info.x, info.y)
      if (account) {
        setSpot({ x: info.x, y: info.y, account })
        return
      }
      const unitIndex = hitTest ? hitTest.unitAt(c[0]!, c[1]!) : -1
      setSpot(unitIndex >= 0 ? { x: info.x, y: info.y, unitIndex } : null)
    },
    [geometry, hitTest, accountAt],
  )
  const hover = useMemo((): Hover | null => {
    if (!spot || !geometry || !paint) return null
    if (spot.account) {
      // Its unit's territory: the card shows money in that territory's currency.
      const at = spot.account.unitId
        ? geometry.indexOf.get(spot.account.unitId)
        : undefined
      return {
        x: spot.x,
        y: spot.y,
        data: {
          kind: 'account',
          account: spot.account,
          territoryId:
            at === undefined
              ? undefined
              : (territoryIdOfUnit(paint, at) ?? undefined),
        },
      }
    }
    const unitIndex = spot.unitIndex ?? -1
    const unitId = geometry.unitIds[unitIndex]
    if (unitId === undefined) return null
    const territoryId = territoryIdOfUnit(paint, unitIndex)
    const territory = territoryId ? territoriesById.get(territoryId) : undefined
    const unit = unitsById.get(unitId)
    const stat = statsByUnit.get(unitId)
    return {
      x: spot.x,
      y: spot.y,
      unitIndex,
      data: {
        kind: 'unit',
        name: unit?.name ?? unitId,
        area: unit?.region
          ? (geometry.stateNames.get(unit.region) ??
            areaNames?.get(unit.region) ??
            unit.region)
          : geometry.stateNames.get(unitId.slice(0, 2)),
        territoryId: territoryId ?? undefined,
        territoryName: territory?.name,
        territoryColor: territory?.color,
        repName: territory?.repId
          ? repsById.get(territory.repId)?.name
          : undefined,
        accounts: stat?.accounts ?? 0,
        potential: stat?.potential ?? 0,
        sales: stat?.sales,
        topIndustry: stat?.topIndustry ?? undefined,
        ...(stat?.forecast !== undefined
          ? {
              whiteSpace: whiteSpaceOf(stat),
              coverage:
                stat.accounts > 0
                  ? (stat.activeAccounts ?? 0) / stat.accounts
                  : undefined,
            }
          : {}),
        deviation: territoryId
          ? territoryDeviations?.get(territoryId)
          : undefined,
      },
    }
  }, [
    spot,
    geometry,
    paint,
    territoriesById,
    unitsById,
    statsByUnit,
    repsById,
    territoryDeviations,
    areaNames,
  ])
  return { hover, onHover }
}
