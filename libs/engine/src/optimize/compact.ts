import type { PlanState } from '../plan-state.js'

/**
 * Compactness polish: border units move to the neighbouring territory they share more
 * borders with (fewer cut edges; shorter perimeter on ties) when that costs no balance —
 * the balance score may not drop and no territory may leave the tolerance band — and the
 * donor stays in one piece. Locked territories and units are left alone. Returns the moves.
 */
export function compactBorders(
  state: PlanState,
  options: {
    lockedUnits?: ReadonlySet<string>
    maxSweeps?: number
    maxDisruptedAccounts?: number
    /** Share of the tolerance a move may use (default 0.8): a margin for later edits. */
    margin?: number
  } = {},
): number {
  const margin = (options.margin ?? 0.8) * state.balanceSettings.tolerance
  const m = state.model
  const n = m.unitIds.length
  const cap = options.maxDisruptedAccounts ?? Number.POSITIVE_INFINITY
  const counts = new Int32Array(state.territorySlots)
  const touched: number[] = []
  let moves = 0
  for (let sweep = 0; sweep < (options.maxSweeps ?? 8); sweep++) {
    let improved = 0
    for (let u = 0; u < n; u++) {
      const from = state.unitTer[u]!
      if (from < 0 || state.isLockedIndex(from)) continue
      if (options.lockedUnits?.has(m.unitIds[u]!)) continue
      touched.length = 0
      for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]!; k++) {
        const t = state.unitTer[m.adjNbr[k]!]!
        if (t < 0) continue
        if (counts[t] === 0) touched.push(t)
        counts[t]!++
      }
      const own = counts[from]!
      let best = -1
      let bestGain = 0
      let bestPerim = 0
      for (const t of touched) {
        if (t === from || state.isLockedIndex(t)) continue
        const gain = counts[t]! - own
        if (gain < 0 || (gain === 0 && best >= 0)) continue
        const p = state.previewMove(u, t, false)
        if (!p) continue
        if (p.balanceAfter < p.balanceBefore - 1e-12) continue
        // Perimeter change: a tie in cut edges still counts if the border gets shorter.
        const perim =
          p.fromPerimeter +
          p.toPerimeter -
          (state.perimeterAt(from) + state.perimeterAt(t))
        if (gain === 0 && perim >= -1e-9) continue
        if (state.disrupted + p.disruptedDelta > cap) continue
        if (!staysInMargin(state, u, from, t, margin)) continue
        if (gain > bestGain || (gain === bestGain && perim < bestPerim)) {
          if (state.previewMove(u, t, true)!.splitsDonor) continue
          best = t
          bestGain = gain
          bestPerim = perim
        }
      }
      for (const t of touched) counts[t] = 0
      if (best >= 0 && state.unitsAt(from) > 1) {
        state.moveUnit(u, best)
        moves++
        improved++
      }
    }
    if (improved === 0) break
  }
  return moves
}

/** Whether both territories end within ±margin of target on every balanced metric, or no further off than before. */
function staysInMargin(
  state: PlanState,
  u: number,
  from: number,
  to: number,
  margin: number,
): boolean {
  for (const { metric } of state.balanceSettings.metrics) {
    const target = state.targetAt(from, metric)
    if (!(target > 0)) continue
    const x = state.unitValue(u, metric)
    const f0 = Math.abs(state.valueAt(from, metric) / target - 1)
    const f1 = Math.abs((state.valueAt(from, metric) - x) / target - 1)
    const t0 = Math.abs(
      state.valueAt(to, metric) / state.targetAt(to, metric) - 1,
    )
    const t1 = Math.abs(
      (state.valueAt(to, metric) + x) / state.targetAt(to, metric) - 1,
    )
    if (f1 > margin && f1 > f0) return false
    if (t1 > margin && t1 > t0) return false
  }
  return true
}
