import { useCallback, useRef } from 'react'
import { markMapDrawn } from '../../../lib/map-drawn'
import { paintLog, wallNow } from '../../../lib/perf-probe'
import type { TerritoryPaint } from '../lib/territory-paint'

/**
 * An `onAfterRender` for the map: it tells the page the map has drawn (lib/map-drawn), and,
 * when a bench listens (see lib/perf-probe), logs the
 * units whose colour the frame just drew differently from the last frame, with when. The
 * first frame with a plan is logged as `*`. Costs nothing without a listener.
 */
export function usePaintProbe(
  unitIds: readonly string[] | undefined,
  paint: TerritoryPaint | null,
) {
  const drawn = useRef<TerritoryPaint | null>(null)
  return useCallback(() => {
    if (paint) markMapDrawn()
    const log = paintLog()
    if (!log || !paint || !unitIds || drawn.current === paint) return
    const at = wallNow()
    const before = drawn.current
    drawn.current = paint
    if (!before) {
      log.push({ unitId: '*', territoryId: '*', at })
      return
    }
    const now = paint.territoryOfUnit
    const then = before.territoryOfUnit
    for (let i = 0; i < now.length; i++) {
      const t = now[i]!
      if (t === then[i] && paint.territoryIds[t] === before.territoryIds[t])
        continue
      log.push({
        unitId: unitIds[i]!,
        territoryId: t >= 0 ? paint.territoryIds[t]! : '',
        at,
      })
    }
  }, [unitIds, paint])
}
