import type { PlanState } from '../plan-state.js'

export interface FlowBalanceOptions {
  /** Most accounts that may sit away from the published alignment at the end. */
  maxDisruptedAccounts: number
  lockedUnits?: ReadonlySet<string>
  /** Whether accounts of border units may move as overrides once whole units are too big. */
  splitUnits: boolean
  /**
   * What to prefer among the units that could carry a flow: compact borders (design) or
   * the most balance per disrupted account (rebalance under a cap).
   */
  prefer: 'compact' | 'efficient'
  /** Flow/realise rounds at most. */
  rounds?: number
  /** Share of the tolerance to aim for (default 0.8 when compact, 0.95 when efficient). */
  margin?: number
  /** Called after each round; return false to stop (cancellation). */
  onRound?: (round: number) => boolean | void
}

export interface FlowBalanceResult {
  unitMoves: number
  accountMoves: number
  rounds: number
  cancelled: boolean
}

const BIG = 1e9

/**
 * Balancing guided by a transportation plan between territories: each round measures every
 * territory's load (its balanced metrics blended, relative to target), solves a min-cost flow
 * over the territory adjacency graph that brings every territory into the band with the
 * fewest border crossings (a surplus may pass through a neighbour to reach a deficit further
 * away), and then carries each flow across its border — whole border units first, and when
 * `splitUnits` allows and the units are too big, single accounts nearest the receiver. This
 * moves each surplus once, where plain local search would ripple it through many borders.
 */
export function flowBalance(
  state: PlanState,
  options: FlowBalanceOptions,
): FlowBalanceResult {
  const m = state.model
  const n = m.unitIds.length
  const settings = state.balanceSettings
  const tol = settings.tolerance
  const metrics = settings.metrics.filter((x) => x.weight > 0)
  const wsum = metrics.reduce((s, x) => s + x.weight, 0)
  const slots = state.territorySlots
  const res: FlowBalanceResult = {
    unitMoves: 0,
    accountMoves: 0,
    rounds: 0,
    cancelled: false,
  }
  if (wsum === 0 || n === 0) return res
  const unitLoad = new Float64Array(n)
  const accLoad = new Float64Array(m.accountIds.length)
  const load = new Float64Array(slots)
  // Aim inside the band: a margin for later edits when designing; under a disruption cap
  // every account counts, so aim just inside its edge.
  const margin = options.margin ?? (options.prefer === 'efficient' ? 0.95 : 0.8)
  const lo = 1 - margin * tol
  const hi = 1 + margin * tol
  const maxRounds = options.rounds ?? 12
  for (let round = 1; round <= maxRounds; round++) {
    res.rounds = round
    // Loads relative to target (1 = on target), blended over the balanced metrics.
    const inv: number[] = []
    for (const { metric, weight } of metrics) {
      let target = 0
      for (let t = 0; t < slots && target === 0; t++)
        if (state.territoryAt(t).alive) target = state.targetAt(t, metric)
      inv.push(target > 0 ? weight / wsum / target : 0)
    }
    const metricIdx = metrics.map((x) => x.metric)
    for (let u = 0; u < n; u++) {
      let l = 0
      for (let i = 0; i < metricIdx.length; i++)
        l += state.unitValue(u, metricIdx[i]!) * inv[i]!
      unitLoad[u] = l
    }
    accountLoads(state, accLoad)
    load.fill(0)
    for (let t = 0; t < slots; t++) {
      if (!state.territoryAt(t).alive) continue
      for (let i = 0; i < metricIdx.length; i++)
        load[t]! += state.valueAt(t, metricIdx[i]!) * inv[i]!
    }
    let outside = 0
    for (let t = 0; t < slots; t++)
      if (
        state.territoryAt(t).alive &&
        !state.isLockedIndex(t) &&
        (load[t]! > 1 + tol || load[t]! < 1 - tol)
      )
        outside++
    if (outside === 0) break
    const flows = transportPlan(
      state,
      load,
      lo,
      hi,
      options.prefer === 'efficient'
        ? (a, b) =>
            crossingCost(state, a, b, accLoad, unitLoad, options.splitUnits)
        : () => 1,
    )
    if (flows.length === 0) break
    let moved = 0
    // Carried path by path, worst source first, and each path from its far end back, so a
    // territory a surplus passes through gives before it receives and never overshoots; a
    // cap then runs out where the band is missed least.
    for (const path of flowPaths(flows, load, slots)) {
      // Upstream carries only what went on downstream: a pass-through territory stays even.
      let amount = path.amount
      for (let i = path.nodes.length - 1; i > 0 && amount > 1e-6; i--) {
        amount = carry(
          state,
          path.nodes[i - 1]!,
          path.nodes[i]!,
          amount,
          unitLoad,
          accLoad,
          options,
          res,
        )
        moved += amount
      }
    }
    if (options.onRound?.(round) === false) {
      res.cancelled = true
      break
    }
    if (moved === 0) break
  }
  return res
}

/**
 * Splits a flow into source → sink paths (each territory's net outflow walked along edges
 * with flow left until a territory with net inflow), the most-over sources first.
 */
function flowPaths(
  flows: readonly { from: number; to: number; amount: number }[],
  load: Float64Array,
  slots: number,
): { nodes: number[]; amount: number }[] {
  const left = new Map<number, number>()
  const out: number[][] = Array.from({ length: slots }, () => [])
  const net = new Float64Array(slots)
  for (const f of flows) {
    const key = f.from * slots + f.to
    left.set(key, (left.get(key) ?? 0) + f.amount)
    out[f.from]!.push(f.to)
    net[f.from]! += f.amount
    net[f.to]! -= f.amount
  }
  const sources = Array.from({ length: slots }, (_, t) => t)
    .filter((t) => net[t]! > 1e-9)
    .sort((a, b) => load[b]! - load[a]! || a - b)
  const paths: { nodes: number[]; amount: number }[] = []
  for (const s of sources) {
    for (let guard = 0; guard < 1000 && net[s]! > 1e-9; guard++) {
      const nodes = [s]
      let amount = net[s]!
      let at = s
      const seen = new Set([s])
      // Walk while the territory passes flow on (its own net is not negative).
      while (at === s || net[at]! >= -1e-9) {
        const next = out[at]!.find(
          (t) => (left.get(at * slots + t) ?? 0) > 1e-9 && !seen.has(t),
        )
        if (next === undefined) break
        amount = Math.min(amount, left.get(at * slots + next)!)
        nodes.push(next)
        seen.add(next)
        at = next
      }
      if (nodes.length < 2) break
      if (net[at]! < -1e-9) amount = Math.min(amount, -net[at]!)
      for (let i = 1; i < nodes.length; i++) {
        const key = nodes[i - 1]! * slots + nodes[i]!
        left.set(key, left.get(key)! - amount)
      }
      net[s]! -= amount
      net[at]! += amount
      paths.push({ nodes, amount })
    }
  }
  return paths
}

/** The min-cost flow between territories: who sends how much load to which neighbour. */
function transportPlan(
  state: PlanState,
  load: Float64Array,
  lo: number,
  hi: number,
  costOf: (from: number, to: number) => number,
): { from: number; to: number; amount: number }[] {
  const m = state.model
  const slots = state.territorySlots
  const active = (t: number) =>
    t >= 0 && state.territoryAt(t).alive && !state.isLockedIndex(t)
  // Nodes: territories 0…slots−1, source S = slots, sink T = slots + 1.
  const S = slots
  const T = slots + 1
  const graph = new FlowGraph(slots + 2)
  const pairs = new Set<number>()
  for (let u = 0; u < m.unitIds.length; u++) {
    const a = state.unitTer[u]!
    if (!active(a)) continue
    for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]!; k++) {
      const b = state.unitTer[m.adjNbr[k]!]!
      if (b === a || !active(b)) continue
      const key = a * slots + b
      if (pairs.has(key)) continue
      pairs.add(key)
      // Integer costs (hundredths): exact sums, so no rounding can fake a negative cycle.
      graph.addEdge(
        a,
        b,
        Number.POSITIVE_INFINITY,
        Math.max(1, Math.round(100 * costOf(a, b))),
      )
    }
  }
  const pairEdges = graph.edgeCount
  for (let t = 0; t < slots; t++) {
    if (!active(t)) continue
    const l = load[t]!
    if (l > hi) {
      graph.addEdge(S, t, l - hi, -BIG) // must leave
      graph.addEdge(S, t, hi - lo, 0) // may leave, down to the low edge
    } else if (l < lo) {
      graph.addEdge(t, T, lo - l, -BIG) // must arrive
      graph.addEdge(t, T, hi - lo, 0) // may arrive, up to the high edge
    } else {
      graph.addEdge(S, t, l - lo, 0)
      graph.addEdge(t, T, hi - l, 0)
    }
  }
  graph.minCostFlow(S, T)
  const out: { from: number; to: number; amount: number }[] = []
  for (let e = 0; e < pairEdges; e += 2) {
    // Net flow over a pair: both directions exist as separate edges; keep the net.
    const f = graph.flowOf(e)
    if (f > 1e-9)
      out.push({ from: graph.tail(e), to: graph.head(e), amount: f })
  }
  return out
}

/**
 * Carries `amount` of load from territory `from` to its neighbour `to`: border units whose
 * load fits what is left, then (when allowed) single accounts of border units. Returns the
 * load actually moved.
 */
function carry(
  state: PlanState,
  from: number,
  to: number,
  amount: number,
  unitLoad: Float64Array,
  accLoad: Float64Array,
  options: FlowBalanceOptions,
  res: FlowBalanceResult,
): number {
  if (options.prefer === 'efficient')
    return carryEfficiently(
      state,
      from,
      to,
      amount,
      unitLoad,
      accLoad,
      options,
      res,
    )
  const m = state.model
  const cap = options.maxDisruptedAccounts
  let left = amount
  const slack = 0.02
  let emptyMoves = 0
  // Whole units: repeatedly the best border unit of `from` next to `to` that fits.
  for (let guard = 0; guard < 10_000 && left > 1e-6; guard++) {
    let best = -1
    let bestScore = -Infinity
    for (let u = 0; u < m.unitIds.length; u++) {
      if (state.unitTer[u] !== from) continue
      const w = unitLoad[u]!
      // Empty units may go too (a few per flow): they often stand between the border and
      // the units that carry the load.
      if (w > left + slack || (w <= 0 && emptyMoves >= 20)) continue
      if (options.lockedUnits?.has(m.unitIds[u]!)) continue
      let shared = 0
      let own = 0
      for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]!; k++) {
        const t = state.unitTer[m.adjNbr[k]!]!
        if (t === to) shared++
        else if (t === from) own++
      }
      if (shared === 0) continue
      const p = state.previewMove(u, to, false)
      if (!p) continue
      if (state.disrupted + p.disruptedDelta > cap) continue
      const score = shared - own + w / (amount + 1e-12)
      if (score <= bestScore) continue
      if (state.unitsAt(from) <= 1) continue
      if (state.previewMove(u, to, true)!.splitsDonor) continue
      best = u
      bestScore = score
    }
    if (best < 0) break
    state.moveUnit(best, to)
    res.unitMoves++
    if (unitLoad[best]! <= 0) emptyMoves++
    left -= unitLoad[best]!
  }
  if (!options.splitUnits || left <= 1e-6) return amount - left
  // Single accounts of `from`'s units on the border with `to` (or in `to`'s own units).
  const cand: number[] = []
  const key: number[] = []
  let cx = 0
  let cy = 0
  let cw = 0
  for (let u = 0; u < m.unitIds.length; u++) {
    if (state.unitTer[u] !== to) continue
    cx += m.unitLon[u]!
    cy += m.unitLat[u]!
    cw++
  }
  if (cw > 0) {
    cx /= cw
    cy /= cw
  }
  for (let u = 0; u < m.unitIds.length; u++) {
    const owner = state.unitTer[u]!
    if (owner < 0 || options.lockedUnits?.has(m.unitIds[u]!)) continue
    let touches = owner === to
    for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]! && !touches; k++)
      touches = state.unitTer[m.adjNbr[k]!] === to
    if (!touches) continue
    for (let i = m.unitAccStart[u]!; i < m.unitAccStart[u + 1]!; i++) {
      const a = m.unitAccIdx[i]!
      if (state.territoryOfAccount(a) !== from) continue
      cand.push(a)
      const dx = m.accLon[a]! - cx
      const dy = m.accLat[a]! - cy
      key.push(dx * dx + dy * dy)
    }
  }
  const order = cand.map((_, i) => i).sort((x, y) => key[x]! - key[y]! || x - y)
  for (const i of order) {
    if (left <= 1e-6) break
    const a = cand[i]!
    const w = accLoad[a]!
    if (w > left + slack * 0.25 || w <= 0) continue
    const p = state.previewAccount(a, to)
    if (!p) continue
    if (state.disrupted + p.disruptedDelta > cap) continue
    const unit = m.accUnit[a]!
    state.overrideAccount(a, unit >= 0 && state.unitTer[unit] === to ? -1 : to)
    res.accountMoves++
    left -= w
  }
  return amount - left
}

/**
 * {@link carry} under a disruption cap: every border unit of `from` next to `to` and (with
 * `splitUnits`) every account of those units is a candidate, ranked by load carried per
 * disrupted account (moving something back where it was published is best of all), and
 * taken greedily while it fits the flow and the cap.
 */
function carryEfficiently(
  state: PlanState,
  from: number,
  to: number,
  amount: number,
  unitLoad: Float64Array,
  accLoad: Float64Array,
  options: FlowBalanceOptions,
  res: FlowBalanceResult,
): number {
  const m = state.model
  const cap = options.maxDisruptedAccounts
  let left = amount
  // Candidates: unit u as u, account a as −(a + 1). Units must touch `to`; accounts may sit
  // up to NEAR_HOPS units inside `from`, so the heaviest accounts near the border carry the
  // flow (the rep next door can still reach them; travel is the price, and it is reported).
  const cand: number[] = []
  const ratio: number[] = []
  const hops = nearBorder(state, from, to)
  for (const [u, depth] of hops) {
    if (options.lockedUnits?.has(m.unitIds[u]!)) continue
    if (depth === 1 && state.unitTer[u] === from && unitLoad[u]! > 0) {
      const p = state.previewMove(u, to, false)
      if (p) {
        cand.push(u)
        ratio.push(unitLoad[u]! / Math.max(0.25, p.disruptedDelta))
      }
    }
    if (!options.splitUnits) continue
    for (let i = m.unitAccStart[u]!; i < m.unitAccStart[u + 1]!; i++) {
      const a = m.accUnit[m.unitAccIdx[i]!]! >= 0 ? m.unitAccIdx[i]! : -1
      if (a < 0 || state.territoryOfAccount(a) !== from || accLoad[a]! <= 0)
        continue
      const pub = state.publishedTerritoryOfAccount(a)
      const d = pub === NONE ? 0 : (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)
      cand.push(-(a + 1))
      ratio.push(accLoad[a]! / Math.max(0.25, d))
    }
  }
  const order = cand
    .map((_, i) => i)
    .sort((x, y) => ratio[y]! - ratio[x]! || x - y)
  for (const i of order) {
    if (left <= 1e-6) break
    const c = cand[i]!
    if (c >= 0) {
      const w = unitLoad[c]!
      if (w > left || state.unitTer[c] !== from || state.unitsAt(from) <= 1)
        continue
      const p = state.previewMove(c, to, true)
      if (!p || p.splitsDonor) continue
      if (state.disrupted + p.disruptedDelta > cap) continue
      state.moveUnit(c, to)
      res.unitMoves++
      left -= w
    } else {
      const a = -c - 1
      const w = accLoad[a]!
      if (w > left || state.territoryOfAccount(a) !== from) continue
      const p = state.previewAccount(a, to)
      if (!p || state.disrupted + p.disruptedDelta > cap) continue
      const unit = m.accUnit[a]!
      state.overrideAccount(
        a,
        unit >= 0 && state.unitTer[unit] === to ? -1 : to,
      )
      res.accountMoves++
      left -= w
    }
  }
  return amount - left
}

const NONE = -1
export const NEAR_HOPS = 5

/**
 * Disrupted accounts per unit of load carried across the border from `from` to `to`: the
 * inverse of the mean load of the heaviest movable accounts (or units) there, so the flow
 * prefers borders where a few big accounts carry the surplus. Scaled so an average border
 * costs about 1; capped, so a border with nothing movable is merely expensive.
 */
function crossingCost(
  state: PlanState,
  from: number,
  to: number,
  accLoad: Float64Array,
  unitLoad: Float64Array,
  splitUnits: boolean,
): number {
  const m = state.model
  const loads: number[] = []
  for (const [u, depth] of nearBorder(state, from, to)) {
    if (depth === 0) continue
    const accounts = state.unitValue(u, 'accounts')
    if (!splitUnits) {
      if (depth === 1 && accounts > 0) loads.push(unitLoad[u]! / accounts)
      continue
    }
    for (let i = m.unitAccStart[u]!; i < m.unitAccStart[u + 1]!; i++) {
      const a = m.unitAccIdx[i]!
      if (state.territoryOfAccount(a) === from) loads.push(accLoad[a]!)
    }
  }
  if (loads.length === 0) return 50
  loads.sort((x, y) => y - x)
  const top = loads.slice(0, 40)
  const mean = top.reduce((s, x) => s + x, 0) / top.length
  // Loads are relative to a territory's target: an account of 1/400th of it costs ≈ 1.
  return Math.min(50, 1 / Math.max(1e-9, mean * 400))
}

/**
 * Units of `from` within NEAR_HOPS steps of territory `to` (1 = touching it), plus `to`'s
 * own units (depth 0: accounts overridden out of them may come back).
 */
export function nearBorder(
  state: PlanState,
  from: number,
  to: number,
): Map<number, number> {
  const m = state.model
  const depth = new Map<number, number>()
  let frontier: number[] = []
  for (let u = 0; u < m.unitIds.length; u++) {
    if (state.unitTer[u] !== to) continue
    depth.set(u, 0)
    frontier.push(u)
  }
  for (let d = 1; d <= NEAR_HOPS && frontier.length > 0; d++) {
    const next: number[] = []
    for (const u of frontier)
      for (let k = m.adjStart[u]!; k < m.adjStart[u + 1]!; k++) {
        const v = m.adjNbr[k]!
        if (depth.has(v) || state.unitTer[v] !== from) continue
        depth.set(v, d)
        next.push(v)
      }
    frontier = next
  }
  return depth
}

/**
 * Each account's load: its balanced metrics blended by weight, each relative to the mean
 * territory target (1 = a whole territory's worth). Written into `out`.
 */
export function accountLoads(
  state: PlanState,
  out = new Float64Array(state.model.accountIds.length),
): Float64Array {
  const m = state.model
  const metrics = state.balanceSettings.metrics.filter((x) => x.weight > 0)
  const wsum = metrics.reduce((s, x) => s + x.weight, 0)
  out.fill(0)
  if (wsum === 0) return out
  for (const { metric, weight } of metrics) {
    let target = 0
    for (let t = 0; t < state.territorySlots && target === 0; t++)
      if (state.territoryAt(t).alive) target = state.targetAt(t, metric)
    if (!(target > 0)) continue
    const f = weight / wsum / target
    const col =
      metric === 'potential'
        ? m.accPotential
        : metric === 'sales'
          ? m.accSales
          : metric === 'workload'
            ? m.accWorkload
            : metric === 'forecast'
              ? m.accForecast
              : null
    for (let a = 0; a < out.length; a++) out[a]! += (col ? col[a]! : 1) * f
  }
  return out
}

/** Edges on the path back from t to s, or −1 if the `via` pointers loop (never with exact costs). */
function pathLength(
  t: number,
  s: number,
  via: Int32Array,
  headOf: readonly number[],
): number {
  let steps = 0
  for (let v = t; v !== s; v = headOf[via[v]! ^ 1]!)
    if (via[v]! < 0 || ++steps > via.length) return -1
  return steps
}

/** A small min-cost flow (successive shortest paths with Bellman–Ford): territory graphs have tens to hundreds of nodes. */
class FlowGraph {
  private readonly headOf: number[] = []
  private readonly capOf: number[] = []
  private readonly costOf: number[] = []
  private readonly flow: number[] = []
  private readonly out: number[][]

  constructor(private readonly nodes: number) {
    this.out = Array.from({ length: nodes }, () => [])
  }

  get edgeCount(): number {
    return this.headOf.length
  }

  addEdge(a: number, b: number, cap: number, cost: number): void {
    this.out[a]!.push(this.headOf.length)
    this.headOf.push(b)
    this.capOf.push(cap)
    this.costOf.push(cost)
    this.flow.push(0)
    this.out[b]!.push(this.headOf.length)
    this.headOf.push(a)
    this.capOf.push(0)
    this.costOf.push(-cost)
    this.flow.push(0)
  }

  head(e: number): number {
    return this.headOf[e]!
  }

  tail(e: number): number {
    return this.headOf[e ^ 1]!
  }

  flowOf(e: number): number {
    return this.flow[e]!
  }

  /** Pushes flow along cheapest paths while they cost less than nothing. */
  minCostFlow(s: number, t: number): void {
    const n = this.nodes
    const dist = new Float64Array(n)
    const via = new Int32Array(n)
    for (let iter = 0; iter < 10_000; iter++) {
      dist.fill(Infinity)
      via.fill(-1)
      dist[s] = 0
      for (let pass = 0; pass < n; pass++) {
        let changed = false
        for (let a = 0; a < n; a++) {
          if (dist[a] === Infinity) continue
          for (const e of this.out[a]!) {
            if (this.capOf[e]! - this.flow[e]! <= 1e-12) continue
            const b = this.headOf[e]!
            const d = dist[a]! + this.costOf[e]!
            if (d < dist[b]! - 1e-12) {
              dist[b] = d
              via[b] = e
              changed = true
            }
          }
        }
        if (!changed) break
      }
      if (dist[t] === Infinity || dist[t]! >= 0) return
      if (pathLength(t, s, via, this.headOf) < 0) return
      let push = Infinity
      for (let v = t; v !== s; v = this.headOf[via[v]! ^ 1]!)
        push = Math.min(push, this.capOf[via[v]!]! - this.flow[via[v]!]!)
      if (!(push > 1e-12) || !Number.isFinite(push)) return
      for (let v = t; v !== s; v = this.headOf[via[v]! ^ 1]!) {
        this.flow[via[v]!]! += push
        this.flow[via[v]! ^ 1]! -= push
      }
    }
  }
}
