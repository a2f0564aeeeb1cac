import { PlanState } from '../plan-state.js'
import { balanceByAccounts } from './account-moves.js'
import { type Infeasibility, balanceInfeasibility } from './feasibility.js'
import { compressMoves } from './compress.js'
import { flowBalance } from './flow-balance.js'

const lockedOf = (o: RebalanceOptions) =>
  o.lockedUnits ? { lockedUnits: o.lockedUnits } : {}

export interface RebalanceOptions {
  /** Most accounts that may sit away from the published alignment at the end. */
  maxDisruptedAccounts: number
  /** Units the planner locked. */
  lockedUnits?: ReadonlySet<string>
  /** Sweeps over the border before giving up (each sweep tries every border move once). */
  maxSweeps?: number
  /**
   * Whether accounts of border units may move as named-account overrides when whole units
   * cannot reach the band (a metro county heavier than a territory). Default true.
   */
  splitUnits?: boolean
  /** Called after each sweep; return false to stop (cancellation). */
  onProgress?: (p: {
    sweep: number
    balanceScore: number
    disruptedAccounts: number
  }) => boolean | void
}

export interface RebalanceResult {
  /** Units moved (by the transport step and the local search). */
  moves: number
  /** Accounts moved alone, as overrides. */
  accountMoves: number
  sweeps: number
  balanceBefore: number
  balanceAfter: number
  disruptedAccounts: number
  stopped: 'converged' | 'sweeps' | 'cancelled'
  /** Set when no whole-unit plan can meet the band: the result is then the best plan found. */
  infeasible: Infeasibility | null
}

/** Weight of the smooth spread against the band penalty, in balance points per unit of spread. */
const SPREAD_WEIGHT = 0.5

/**
 * Improves an existing plan in place, within a cap on disrupted accounts: first a transport
 * step ({@link flowBalance}) sends each territory's surplus over the fewest borders to the
 * territories short of target, preferring the units (and, with `splitUnits`, the accounts)
 * that carry the most balance per disrupted account; then local search over border moves
 * ({@link localSearch}) and single-account moves polish what is left. Locked territories
 * and units stay as they are. Deterministic.
 */
export function rebalance(
  state: PlanState,
  options: RebalanceOptions,
): RebalanceResult {
  const balanceBefore = state.balanceScore()
  const split = options.splitUnits !== false
  const locked = allLocked(state, options)
  if (locked)
    return {
      moves: 0,
      accountMoves: 0,
      sweeps: 0,
      balanceBefore,
      balanceAfter: balanceBefore,
      disruptedAccounts: state.disrupted,
      stopped: 'converged',
      infeasible: locked,
    }
  // Under a finite cap the transport's aim matters (a margin inside the band costs budget,
  // none leaves no room for the polish), and small changes ripple: try a few aims on copies
  // and keep the plan whose worst territory is closest to target.
  const aims =
    split && Number.isFinite(options.maxDisruptedAccounts)
      ? [0.95, 0.9, 0.93, 0.97]
      : [0.95]
  let best: {
    copy: PlanState
    result: Omit<RebalanceResult, 'balanceBefore'>
    worst: number
  } | null = null
  let cancelled = false
  for (const aim of aims) {
    const copy = aims.length === 1 ? state : cloneState(state)
    const result = attempt(copy, options, aim, () => {
      const ok =
        options.onProgress?.({
          sweep: 0,
          balanceScore: (best?.copy ?? copy).balanceScore(),
          disruptedAccounts: copy.disrupted,
        }) !== false
      if (!ok) cancelled = true
      return ok
    })
    const worst = worstDeviation(copy)
    if (
      !best ||
      worst < best.worst - 1e-9 ||
      (worst <= best.worst + 1e-9 &&
        copy.balanceScore() > best.copy.balanceScore())
    )
      best = { copy, result, worst }
    if (cancelled) break
  }
  if (best!.copy !== state) adopt(state, best!.copy)
  return {
    ...best!.result,
    balanceBefore,
    balanceAfter: state.balanceScore(),
    disruptedAccounts: state.disrupted,
    stopped: cancelled ? 'cancelled' : best!.result.stopped,
    infeasible: cancelled
      ? null
      : split
        ? outOfBand(state, options)
        : best!.result.infeasible,
  }
}

/** One rebalance with the transport aiming at `aim` × the band. */
function attempt(
  state: PlanState,
  options: RebalanceOptions,
  aim: number,
  progress: () => boolean,
): Omit<RebalanceResult, 'balanceBefore'> {
  const split = options.splitUnits !== false
  const flow = flowBalance(state, {
    maxDisruptedAccounts: options.maxDisruptedAccounts,
    ...lockedOf(options),
    splitUnits: split,
    prefer: 'efficient',
    margin: aim,
    onRound: () => progress(),
  })
  if (flow.cancelled)
    return {
      moves: flow.unitMoves,
      accountMoves: flow.accountMoves,
      sweeps: flow.rounds,
      balanceAfter: state.balanceScore(),
      disruptedAccounts: state.disrupted,
      stopped: 'cancelled',
      infeasible: null,
    }
  // Under a cap: send home what costs nothing, swap groups of light moved accounts for
  // single heavy ones, and spend what that frees on another transport round.
  let accountMoves = flow.accountMoves
  let unitMoves = flow.unitMoves
  for (let pass = 0; pass < 4 && split; pass++) {
    if (state.disrupted < options.maxDisruptedAccounts) break
    const freed = compressMoves(state, lockedOf(options))
    if (freed === 0) break
    const more = flowBalance(state, {
      maxDisruptedAccounts: options.maxDisruptedAccounts,
      ...lockedOf(options),
      splitUnits: split,
      prefer: 'efficient',
      margin: aim,
    })
    accountMoves += more.accountMoves
    unitMoves += more.unitMoves
  }
  const local = localSearch(state, options)
  if (split && local.stopped !== 'cancelled') {
    accountMoves += balanceByAccounts(state, {
      maxDisruptedAccounts: options.maxDisruptedAccounts,
      ...lockedOf(options),
      order: 'heaviest',
      bandOnly: true,
      maxSweeps: 10,
    }).moves
  }
  return {
    ...local,
    moves: local.moves + unitMoves,
    accountMoves,
  }
}

/** A copy of the state (same model, territories, alignment, published alignment, settings). */
function cloneState(state: PlanState): PlanState {
  return new PlanState(state.model, {
    territories: state.territoryInputs(),
    ...state.currentAlignment(),
    published: state.publishedAlignment(),
    settings: state.balanceSettings,
  })
}

/** Makes `state` hold `from`'s alignment: every unit and override that differs. */
function adopt(state: PlanState, from: PlanState): void {
  const m = state.model
  for (let u = 0; u < m.unitIds.length; u++) {
    const id =
      from.unitTer[u]! < 0 ? null : from.territoryAt(from.unitTer[u]!).id
    const t = id === null ? -1 : state.territoryIndexOf(id)!
    if (state.unitTer[u] !== t) state.moveUnit(u, t)
  }
  for (let a = 0; a < m.accountIds.length; a++) {
    const o = from.accOverride[a]!
    const t = o < 0 ? -1 : state.territoryIndexOf(from.territoryAt(o).id)!
    if (state.accOverride[a] !== t) state.overrideAccount(a, t)
  }
}

/** The largest |deviation| over unlocked territories and balanced metrics. */
function worstDeviation(state: PlanState): number {
  return worstUnlocked(state).deviation
}

/** The unlocked territory furthest from target on any balanced metric, and how far (|dev|). */
function worstUnlocked(state: PlanState): {
  deviation: number
  territoryId: string
} {
  let deviation = 0
  let territoryId = ''
  for (const t of state.territoryScores()) {
    if (t.locked) continue
    for (const d of Object.values(t.deviations))
      if (Math.abs(d) > deviation) {
        deviation = Math.abs(d)
        territoryId = t.territoryId
      }
  }
  return { deviation, territoryId }
}

/**
 * Local search over border moves: each move is previewed through the incremental state and
 * made when it lowers the band penalty (the balance score) or, at no cost to it, the
 * squared deviations that lead territories toward their targets; it must keep the donor in
 * one piece, leave locked territories and units alone, and keep disrupted accounts within
 * the cap. Deterministic: units are swept in order.
 */
export function localSearch(
  state: PlanState,
  options: RebalanceOptions,
): RebalanceResult {
  const m = state.model
  const maxSweeps = options.maxSweeps ?? 200
  const balanceBefore = state.balanceScore()
  let moves = 0
  let sweep = 0
  let stopped: RebalanceResult['stopped'] = 'sweeps'
  const tried = new Int32Array(16)
  const order = Int32Array.from({ length: m.unitIds.length }, (_, i) => i)
  while (sweep < maxSweeps) {
    sweep++
    let improved = 0
    // Worst territories first, so the disruption budget goes where balance is furthest off.
    const excess = new Map(
      state
        .territoryScores()
        .map((t) => [
          t.territoryId,
          Math.max(0, ...Object.values(t.deviations).map(Math.abs)),
        ]),
    )
    const excessOf = (u: number) => {
      const t = state.unitTer[u]!
      return t < 0 ? -1 : (excess.get(state.territoryAt(t).id) ?? 0)
    }
    const keys = Float64Array.from(order, (u) => excessOf(u))
    order.sort((a, b) => keys[b]! - keys[a]! || a - b)
    for (const u of order) {
      const from = state.unitTer[u]!
      if (from < 0 || state.isLockedIndex(from)) continue
      if (options.lockedUnits?.has(m.unitIds[u]!)) continue
      let best = -1
      let bestGain = 1e-9
      let distinct = 0
      for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
        const to = state.unitTer[m.adjNbr[k]!]!
        if (to < 0 || to === from || state.isLockedIndex(to)) continue
        let dup = false
        for (let i = 0; i < distinct; i++) if (tried[i] === to) dup = true
        if (dup || distinct >= tried.length) continue
        tried[distinct++] = to
        const p = state.previewMove(u, to, false)
        if (!p) continue
        const scoreGain = p.balanceAfter - p.balanceBefore
        if (scoreGain < -1e-12) continue
        const gain = scoreGain - SPREAD_WEIGHT * p.spreadDelta
        if (gain <= bestGain) continue
        if (state.disrupted + p.disruptedDelta > options.maxDisruptedAccounts)
          continue
        if (state.previewMove(u, to, true)!.splitsDonor) continue
        best = to
        bestGain = gain
      }
      if (best >= 0) {
        state.moveUnit(u, best)
        moves++
        improved++
      }
    }
    const cont = options.onProgress?.({
      sweep,
      balanceScore: state.balanceScore(),
      disruptedAccounts: state.disrupted,
    })
    if (cont === false) {
      stopped = 'cancelled'
      break
    }
    if (improved === 0) {
      stopped = 'converged'
      break
    }
  }
  const settings = state.balanceSettings
  return {
    moves,
    accountMoves: 0,
    sweeps: sweep,
    balanceBefore,
    balanceAfter: state.balanceScore(),
    disruptedAccounts: state.disrupted,
    stopped,
    infeasible:
      settings.target === 'mean'
        ? balanceInfeasibility(
            state,
            settings.metrics.map((x) => x.metric),
            settings.tolerance,
          )
        : null,
  }
}

/** Why a rebalance that may split units still ends outside the band: the cap, or the search. */
function outOfBand(
  state: PlanState,
  options: RebalanceOptions,
): Infeasibility | null {
  const tol = state.balanceSettings.tolerance
  const { deviation: worst, territoryId: worstId } = worstUnlocked(state)
  if (worst <= tol + 1e-9) return null
  const capped = state.disrupted >= options.maxDisruptedAccounts - 1
  return {
    code: capped ? 'DISRUPTION_CAP' : 'BAND_NOT_REACHED',
    message: capped
      ? `infeasible within the cap: ${state.disrupted} accounts moved (the cap) and ${worstId} is still ${(100 * worst).toFixed(1)} % off target (band ±${(100 * tol).toFixed(1)} %); allow more disruption or a wider band`
      : `the search stopped with ${worstId} ${(100 * worst).toFixed(1)} % off target (band ±${(100 * tol).toFixed(1)} %); locked territories or units may be in the way`,
    units: [],
  }
}

/** Nothing may move: every territory is locked, or every unit of the unlocked ones is. */
function allLocked(
  state: PlanState,
  options: RebalanceOptions,
): Infeasibility | null {
  const m = state.model
  let unlockedTerritories = 0
  for (let t = 0; t < state.territorySlots; t++)
    if (state.territoryAt(t).alive && !state.isLockedIndex(t))
      unlockedTerritories++
  if (unlockedTerritories === 0)
    return {
      code: 'ALL_LOCKED',
      message:
        'infeasible because every territory is locked: unlock one to rebalance',
      units: [],
    }
  if (!options.lockedUnits || options.lockedUnits.size === 0) return null
  for (let u = 0; u < m.unitIds.length; u++) {
    const t = state.unitTer[u]!
    if (
      t >= 0 &&
      !state.isLockedIndex(t) &&
      !options.lockedUnits.has(m.unitIds[u]!)
    )
      return null
  }
  return {
    code: 'ALL_LOCKED',
    message:
      'infeasible because every unit of the unlocked territories is locked',
    units: [],
  }
}
