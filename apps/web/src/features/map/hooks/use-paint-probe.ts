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
  /** `shown`: the paint a frame drew (the base map reports its own, which may lag). */
  const afterBase = useCallback(
    (_drawn: unknown, shown: TerritoryPaint | null) => {
      const log = paintLog()
      if (!log || !shown || !unitIds || drawn.current === shown) return
      const at = wallNow()
      const before = drawn.current
      drawn.current = shown
      if (!before) {
        log.push({ unitId: '*', territoryId: '*', at })
        return
      }
      const now = shown.territoryOfUnit
      const then = before.territoryOfUnit
      for (let i = 0; i < now.length; i++) {
        const t = now[i]!
        if (t === then[i] && shown.territoryIds[t] === before.territoryIds[t])
          continue
        log.push({
          unitId: unitIds[i]!,
          territoryId: t >= 0 ? shown.territoryIds[t]! : '',
          at,
        })
      }
    },
    [unitIds],
  )
  const afterDeck = useCallback(
    (baseShown: boolean) => {
      if (paint) markMapDrawn()
      if (!baseShown) afterBase(null, paint)
    },
    [paint, afterBase],
  )
  return { afterDeck, afterBase }
}
