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
  /**
   * Largest connected group of units proposed as one move (default 4; 1 proposes single
   * units only). Groups are tried from the best border units of each heavier → lighter
   * pair of neighbours and kept when they beat every single-unit move they start from.
   */
  maxGroupSize?: number
}

/** One proposed move with its reasons: every number a planner needs to accept it or not. */
export interface Suggestion {
  /** The first (border) unit of the move; with a group, `unitIds` lists them all. */
  unitId: string
  /** Every unit that moves: one, or a small connected group. */
  unitIds: string[]
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
 * The best moves: every border unit to each neighbouring territory, previewed through the
 * incremental state (O(degree) each), keeping those that raise the balance score, keep the
 * donor in one piece, touch no locked territory or unit, and stay within the disruption
 * budget; then small connected groups grown from the best border units of each pair of
 * neighbours (previewed by moving them and back). Contiguity is checked only for moves good
 * enough to enter the top list, and travel only for the final few.
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
  const top: Candidate[] = []
  const worstKept = () =>
    top.length < limit ? minGain : top[top.length - 1]!.gain
  const keep = (c: Candidate) => {
    let i = top.length
    while (i > 0 && top[i - 1]!.gain < c.gain) i--
    top.splice(i, 0, c)
    if (top.length > limit) top.pop()
  }
  const seen = new Int32Array(16)
  const maxGroup = Math.max(1, Math.floor(options.maxGroupSize ?? 4))
  // The best group seeds per (donor, receiver) pair: border units whose single move most
  // evens the two out.
  const seeds = new Map<number, { u: number; spread: number; gain: number }[]>()
  const slots = state.territorySlots
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
      if (maxGroup > 1 && cheap.spreadDelta < 0) {
        const key = from * slots + to
        const list = seeds.get(key) ?? []
        if (list.length < 2 || cheap.spreadDelta < list[1]!.spread) {
          list.push({ u, spread: cheap.spreadDelta, gain })
          list.sort((x, y) => x.spread - y.spread || x.u - y.u)
          if (list.length > 2) list.pop()
          seeds.set(key, list)
        }
      }
      if (gain <= worstKept()) continue
      if (state.disrupted + cheap.disruptedDelta > budget) continue
      if (state.previewMove(u, to, true)!.splitsDonor) continue
      keep({ gain, units: [u], to })
    }
  }
  if (maxGroup > 1) {
    for (const [key, list] of seeds) {
      const from = Math.floor(key / slots)
      const to = key % slots
      for (const seed of list) {
        const group = growGroup(state, seed.u, from, to, maxGroup, locked)
        if (group.length < 2) continue
        const before = state.balanceScore()
        const piecesBefore = state.piecesAt(from)
        const r = state.withUnitsMoved(group, to, () => ({
          gain: state.balanceScore() - before,
          split: state.piecesAt(from) > piecesBefore,
          disrupted: state.disrupted,
        }))
        // A group must beat the single move it grew from, and everything kept so far.
        if (r.split || r.disrupted > budget) continue
        if (r.gain <= Math.max(worstKept(), seed.gain + 1e-9)) continue
        keep({ gain: r.gain, units: group, to })
      }
    }
  }
  return top.map((c) => describe(state, c))
}

interface Candidate {
  gain: number
  units: number[]
  to: number
}

/**
 * A connected group from `seed` (a unit of `from` touching `to`): units of `from` next to
 * the group are added, those with the most neighbours already in `to` or the group first
 * (compact), while the group's blended load stays under half the gap between the two
 * territories (what evens them out).
 */
function growGroup(
  state: PlanState,
  seed: number,
  from: number,
  to: number,
  maxSize: number,
  locked: ReadonlySet<string> | undefined,
): number[] {
  const m = state.model
  const metrics = state.balanceSettings.metrics
  const wsum = metrics.reduce((s, x) => s + x.weight, 0) || 1
  const load = (u: number) => {
    let l = 0
    for (const { metric, weight } of metrics) {
      const t = state.targetAt(from, metric)
      if (t > 0) l += (weight * state.unitValue(u, metric)) / t
    }
    return l / wsum
  }
  const dev = (t: number) => {
    let d = 0
    for (const { metric, weight } of metrics) {
      const target = state.targetAt(t, metric)
      if (target > 0) d += weight * (state.valueAt(t, metric) / target - 1)
    }
    return d / wsum
  }
  const room = (dev(from) - dev(to)) / 2
  if (!(room > 0)) return [seed]
  const group = [seed]
  const inGroup = new Set(group)
  let total = load(seed)
  while (group.length < maxSize) {
    let best = -1
    let bestScore = -Infinity
    for (const g of group) {
      for (let k = m.adjStart[g]!; k < m.adjStart[g + 1]!; k++) {
        const v = m.adjNbr[k]!
        if (inGroup.has(v) || state.unitTer[v] !== from) continue
        if (locked?.has(m.unitIds[v]!)) continue
        const lv = load(v)
        if (total + lv > room) continue
        let touching = 0
        for (let j = m.adjStart[v]!; j < m.adjStart[v + 1]!; j++) {
          const w = m.adjNbr[j]!
          if (inGroup.has(w) || state.unitTer[w] === to) touching++
        }
        const score = touching + lv / (room + 1e-12)
        if (score > bestScore || (score === bestScore && v < best)) {
          bestScore = score
          best = v
        }
      }
    }
    if (best < 0) break
    group.push(best)
    inGroup.add(best)
    total += load(best)
  }
  return group
}

/** A candidate with every number a planner needs to accept it or not. */
function describe(state: PlanState, c: Candidate): Suggestion {
  const m = state.model
  const from = state.unitTer[c.units[0]!]!
  const fromBefore = state.territoryScore(state.territoryAt(from).id)!
  const toBefore = state.territoryScore(state.territoryAt(c.to).id)!
  let fromTravel = 0
  let toTravel = 0
  let accounts = 0
  let potential = 0
  let workload = 0
  for (const u of c.units) {
    const t = state.previewTravel(u, c.to)
    fromTravel += t.fromDelta
    toTravel += t.toDelta
    accounts += state.unitValue(u, 'accounts')
    potential += state.unitValue(u, 'potential')
    workload += state.unitValue(u, 'workload')
  }
  const before = state.balanceScore()
  const disruptedBefore = state.disrupted
  const after = state.withUnitsMoved(c.units, c.to, () => ({
    balance: state.balanceScore(),
    disrupted: state.disrupted,
    fromPP: pp(state.areaAt(from), state.perimeterAt(from)),
    toPP: pp(state.areaAt(c.to), state.perimeterAt(c.to)),
  }))
  return {
    unitId: m.unitIds[c.units[0]!]!,
    unitIds: c.units.map((u) => m.unitIds[u]!),
    from: fromBefore.territoryId,
    to: toBefore.territoryId,
    balanceGain: after.balance - before,
    balanceBefore: before,
    balanceAfter: after.balance,
    accounts,
    potential,
    workloadMinutes: workload,
    travelDelta: fromTravel + toTravel,
    fromTravelDelta: fromTravel,
    toTravelDelta: toTravel,
    fromCompactness: [fromBefore.polsbyPopper, after.fromPP],
    toCompactness: [toBefore.polsbyPopper, after.toPP],
    disruptedDelta: after.disrupted - disruptedBefore,
  }
}
