import { useMemo } from 'react'
import type { TerritoryPaint } from '../lib/territory-paint'
import { type MapTheme, type ThemeFill, buildThemeFill } from '../lib/themes'
import type { UnitGeometry } from '../lib/unit-geometry'
import type { UnitStat } from '../lib/unit-stats'

/**
 * The unit colours for a data theme, or null for the territory colours. Rebuilt when the
 * theme or its data changes; the balance theme also follows the assignments (a unit moving
 * takes its new territory's colour).
 */
export function useThemeFill(
  theme: MapTheme,
  geometry: UnitGeometry | undefined,
  paint: TerritoryPaint | null,
  unitStats: readonly UnitStat[],
  deviations: ReadonlyMap<string, number> | undefined,
  tolerance: number | undefined,
): ThemeFill | null {
  const stats = useMemo(
    () => new Map(unitStats.map((s) => [s.unitId, s])),
    [unitStats],
  )
  // Only the balance theme depends on who owns what and on the deviations: the others keep
  // their colours (and skip the rebuild) through edits and score updates.
  const balance = theme === 'balance'
  const owners = balance ? paint : null
  const fallback = paint
  const devs = balance ? deviations : undefined
  const tol = balance ? tolerance : undefined
  return useMemo(() => {
    const p = owners ?? fallback
    if (theme === 'territories' || !geometry || !p) return null
    return buildThemeFill(theme, {
      unitIds: geometry.unitIds,
      stats,
      paint: p,
      deviations: devs,
      tolerance: tol,
    })
  }, [theme, geometry, stats, owners, devs, tol])
}
