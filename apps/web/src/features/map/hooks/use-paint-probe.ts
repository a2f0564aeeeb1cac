import { useCallback, useRef } from 'react'
import { markMapDrawn } from '../../../lib/map-drawn'
import { paintLog, wallNow } from '../../../lib/perf-probe'
import type { TerritoryPaint } from '../lib/territory-paint'

/**
 * Reports the map's frames: it tells the page the map has drawn (lib/map-drawn), and, when a
 * bench listens (see lib/perf-probe), logs the units whose colour a frame just drew
 * differently from the last frame, with when. The first frame with a plan is logged as `*`.
 * Costs nothing without a listener.
 *
 * Two reporters: `afterDeck` for deck.gl's frames, `afterBase` for the 2D base map's. While
 * the base shows the fill (`baseShown`), a deck.gl frame draws no unit colours and reports
 * none.
 */
export function usePaintProbe(
  unitIds: readonly string[] | undefined,
  paint: TerritoryPaint | null,
) {
  const drawn = useRef<TerritoryPaint | null>(null)
  const afterBase = useCallback(() => {
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
  const afterDeck = useCallback(
    (baseShown: boolean) => {
      if (paint) markMapDrawn()
      if (!baseShown) afterBase()
    },
    [paint, afterBase],
  )
  return { afterDeck, afterBase }
}
