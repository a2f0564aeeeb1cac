import type { PlanState } from '../plan-state.js'

export interface AccountMoveOptions {
  /** Most accounts that may sit away from the published alignment at the end. */
  maxDisruptedAccounts: number
  lockedUnits?: ReadonlySet<string>
  maxSweeps?: number
  /**
   * Which accounts of a border unit go first: the ones nearest the receiving territory (a
   * clean geographic split of the unit) or the heaviest (most balance per moved account,
   * for a disruption cap).
   */
  order: 'nearest' | 'heaviest'
  /** Only moves that lower the band penalty (none that merely even out deviations inside it). */
  bandOnly?: boolean
  /**
   * Only units at least this share of a territory's target (on some balanced metric) are
   * split: whole-unit moves handle the rest, so plans keep few overrides. Default 0.
   */
  minUnitShare?: number
  onProgress?: (p: { sweep: number; balanceScore: number }) => boolean | void
}

const SPREAD_WEIGHT = 0.5

/**
 * Balancing below the unit: accounts of a border unit move, as named-account overrides, to
 * a territory next to that unit (or back to the unit's own territory). This is how a unit
 * heavier than a whole territory's share (a metro county) is split between reps. Each move
 * is previewed through the incremental state and made when it lowers the band penalty, or
 * at no cost to it the squared deviations; locked territories and units are left alone, and
 * disruption stays within the cap. Returns how many accounts moved.
 */
export function balanceByAccounts(
  state: PlanState,
  options: AccountMoveOptions,
): { moves: number; cancelled: boolean } {
  const m = state.model
  const n = m.unitIds.length
  const maxSweeps = options.maxSweeps ?? 60
  const slots = state.territorySlots
  const cx = new Float64Array(slots)
  const cy = new Float64Array(slots)
  const cw = new Float64Array(slots)
  const dest = new Int32Array(64)
  const accBuf: number[] = []
  const keyBuf: number[] = []
  let moves = 0
  const metrics = state.balanceSettings.metrics.map((x) => x.metric)
  const minShare = options.minUnitShare ?? 0
  const splittable = (u: number, t: number) => {
    if (minShare <= 0) return true
    for (const metric of metrics) {
      const target = state.targetAt(t, metric)
      if (target > 0 && state.unitValue(u, metric) >= minShare * target)
        return true
    }
    return false
  }
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    // Territory centroids (by unit area) this sweep: where "nearest the receiver" points.
    cx.fill(0)
    cy.fill(0)
    cw.fill(0)
    for (let u = 0; u < n; u++) {
      const t = state.unitTer[u]!
      if (t < 0) continue
      const w = m.unitArea[u]! || 1
      cx[t]! += m.unitLon[u]! * w
      cy[t]! += m.unitLat[u]! * w
      cw[t]! += w
    }
    let improved = 0
    for (let u = 0; u < n; u++) {
      const own = state.unitTer[u]!
      if (own < 0 || state.isLockedIndex(own)) continue
      if (options.lockedUnits?.has(m.unitIds[u]!)) continue
      if (!splittable(u, own)) continue
      const start = m.unitAccStart[u]!
      const end = m.unitAccStart[u + 1]!
      if (end === start) continue
      // Destinations: territories next to u, and u's own (to undo an override).
      let nd = 0
      dest[nd++] = own
      for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]!; k++) {
        const t = state.unitTer[m.adjNbr[k]!]!
        if (t < 0 || state.isLockedIndex(t)) continue
        let dup = false
        for (let i = 0; i < nd; i++) if (dest[i] === t) dup = true
        if (!dup && nd < dest.length) dest[nd++] = t
      }
      if (nd === 1) {
        // An interior unit: only undoing overrides can apply.
        let any = false
        for (let i = start; i < end && !any; i++)
          any = state.territoryOfAccount(m.unitAccIdx[i]!) !== own
        if (!any) continue
      }
      for (let d = 0; d < nd; d++) {
        const to = dest[d]!
        // Candidates: this unit's accounts not already in `to`, in the chosen order.
        accBuf.length = 0
        keyBuf.length = 0
        for (let i = start; i < end; i++) {
          const a = m.unitAccIdx[i]!
          const t = state.territoryOfAccount(a)
          if (t === to || t < 0 || state.isLockedIndex(t)) continue
          accBuf.push(a)
          if (options.order === 'heaviest') keyBuf.push(-m.accWorkload[a]!)
          else {
            const dx = m.accLon[a]! - cx[to]! / (cw[to]! || 1)
            const dy = m.accLat[a]! - cy[to]! / (cw[to]! || 1)
            keyBuf.push(dx * dx + dy * dy)
          }
        }
        if (accBuf.length === 0) continue
        const idx = accBuf
          .map((_, i) => i)
          .sort((x, y) => keyBuf[x]! - keyBuf[y]!)
        let misses = 0
        for (const i of idx) {
          const a = accBuf[i]!
          const p = state.previewAccount(a, to)
          if (!p) continue
          const before = state.balanceScore()
          const scoreGain = p.balanceAfter - before
          const ok = options.bandOnly
            ? scoreGain > 1e-9
            : scoreGain > -1e-12 &&
              scoreGain - SPREAD_WEIGHT * p.spreadDelta > 1e-9
          if (
            !ok ||
            state.disrupted + p.disruptedDelta > options.maxDisruptedAccounts
          ) {
            // A few misses in a row: the rest of this unit's list would not help either.
            if (++misses >= 8) break
            continue
          }
          misses = 0
          state.overrideAccount(a, to === own ? -1 : to)
          moves++
          improved++
        }
      }
    }
    const cont = options.onProgress?.({
      sweep,
      balanceScore: state.balanceScore(),
    })
    if (cont === false) return { moves, cancelled: true }
    if (improved === 0) break
  }
  return { moves, cancelled: false }
}
