import type { PlanState } from '../plan-state.js'

export interface SuggestOptions {
  /** How many suggestions to return (best first). */
  limit?: number
  /** Upper bound on accounts away from the published alignment after the move. */
  maxDisruptedAccounts?: number
  /** Units the planner locked: never proposed. */
  lockedUnits?: ReadonlySet<string>
  /** Ignore improvements smaller than this many balance points. */
  minGain?: number
}

/** One proposed move with its reasons: every number a planner needs to accept it or not. */
export interface Suggestion {
  unitId: string
  from: string
  to: string
  /** Balance score points gained (after − before). */
  balanceGain: number
  balanceBefore: number
  balanceAfter: number
  /** The moved unit's accounts, potential and workload (what changes hands). */
  accounts: number
  potential: number
  workloadMinutes: number
  /** Travel change in visit-minute km for the donor (≤ 0) and the receiver (≥ 0), and in total. */
  travelDelta: number
  fromTravelDelta: number
  toTravelDelta: number
  /** Polsby–Popper of both territories before and after. */
  fromCompactness: [number, number]
  toCompactness: [number, number]
  /** Change in accounts away from the published alignment (negative: the move undoes disruption). */
  disruptedDelta: number
}

const pp = (area: number, perimeter: number) =>
  perimeter > 0
    ? Math.min(1, (4 * Math.PI * area) / (perimeter * perimeter))
    : 0

/**
 * The best single-unit moves: every border unit to each neighbouring territory, previewed
 * through the incremental state (O(degree) each), keeping those that raise the balance
 * score, keep the donor in one piece, touch no locked territory or unit, and stay within
 * the disruption budget. Contiguity is checked only for moves good enough to enter the
 * top list, and travel only for the final few.
 */
export function suggestMoves(
  state: PlanState,
  options: SuggestOptions = {},
): Suggestion[] {
  const limit = options.limit ?? 10
  const minGain = options.minGain ?? 1e-9
  const m = state.model
  const locked = options.lockedUnits
  const budget = options.maxDisruptedAccounts ?? Infinity
  const top: { gain: number; u: number; to: number }[] = []
  const worstKept = () =>
    top.length < limit ? minGain : top[top.length - 1]!.gain
  const seen = new Int32Array(16)
  for (let u = 0; u < m.unitIds.length; u++) {
    const from = state.unitTer[u]!
    if (from < 0 || state.isLockedIndex(from)) continue
    if (locked?.has(m.unitIds[u]!)) continue
    let distinct = 0
    for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
      const to = state.unitTer[m.adjNbr[k]!]!
      if (to < 0 || to === from || state.isLockedIndex(to)) continue
      let dup = false
      for (let i = 0; i < distinct; i++) if (seen[i] === to) dup = true
      if (dup || distinct >= seen.length) continue
      seen[distinct++] = to
      const cheap = state.previewMove(u, to, false)
      if (!cheap) continue
      const gain = cheap.balanceAfter - cheap.balanceBefore
      if (gain <= worstKept()) continue
      if (state.disrupted + cheap.disruptedDelta > budget) continue
      if (state.previewMove(u, to, true)!.splitsDonor) continue
      // Insert in order; the list stays at most `limit` long.
      let i = top.length
      while (i > 0 && top[i - 1]!.gain < gain) i--
      top.splice(i, 0, { gain, u, to })
      if (top.length > limit) top.pop()
    }
  }
  return top.map(({ u, to }) => {
    const p = state.previewMove(u, to, false)!
    const travel = state.previewTravel(u, to)
    const fromBefore = state.territoryScore(state.territoryAt(p.from).id)!
    const toBefore = state.territoryScore(state.territoryAt(to).id)!
    return {
      unitId: m.unitIds[u]!,
      from: fromBefore.territoryId,
      to: toBefore.territoryId,
      balanceGain: p.balanceAfter - p.balanceBefore,
      balanceBefore: p.balanceBefore,
      balanceAfter: p.balanceAfter,
      accounts: state.unitValue(u, 'accounts'),
      potential: state.unitValue(u, 'potential'),
      workloadMinutes: state.unitValue(u, 'workload'),
      travelDelta: travel.fromDelta + travel.toDelta,
      fromTravelDelta: travel.fromDelta,
      toTravelDelta: travel.toDelta,
      fromCompactness: [
        fromBefore.polsbyPopper,
        pp(p.fromArea, p.fromPerimeter),
      ],
      toCompactness: [toBefore.polsbyPopper, pp(p.toArea, p.toPerimeter)],
      disruptedDelta: p.disruptedDelta,
    }
  })
}
