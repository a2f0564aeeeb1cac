import { type BalanceSettings, createRng } from '@tessera/domain'
import { haversineKmXY } from '@tessera/geo'
import type { EngineModel } from '../model.js'
import { PlanState } from '../plan-state.js'
import { maxDeviationPct } from '../plan-input.js'
import { accountVector } from '../plan-parts.js'
import { METRICS, METRIC_INDEX, meanPolsbyPopper } from '../scores.js'
import { balanceByAccounts } from './account-moves.js'
import { compactBorders } from './compact.js'
import { flowBalance } from './flow-balance.js'
import { type Infeasibility, balanceInfeasibility } from './feasibility.js'
import { localSearch } from './rebalance.js'
import { TreeSplitter, recombine, treePartition } from './tree-partition.js'

export interface DesignOptions {
  parts: number
  settings: BalanceSettings
  /** Seed of the deterministic random choices (the same seed gives the same plan). */
  seed: number
  /** Optional seed units (e.g. the units of the reps' home bases): no part gets two. */
  seedUnits?: readonly string[]
  /**
   * Whether accounts of border units may move as overrides when whole units cannot reach
   * the band (default true; a plain graph with one weight per node sets it false).
   */
  splitUnits?: boolean
  /** Ids for the parts; defaults to `T1` … `TK`. */
  partIds?: readonly string[]
  maxSweeps?: number
  /** Progress after each improvement sweep; return false to cancel (the best plan so far is kept). */
  onProgress?: (p: { fraction: number; balanceScore: number }) => boolean | void
}

export interface DesignResult {
  state: PlanState
  assignments: Record<string, string>
  /** Accounts placed away from their unit's territory (units split below the unit). */
  overrides: Record<string, string>
  splitAccounts: number
  balanceScore: number
  /** Largest |deviation| over parts and balanced metrics, in percent. */
  maxDevPct: number
  contiguous: boolean
  /** Connected pieces over all territories (= parts when contiguous). */
  pieces: number
  cutEdges: number
  polsbyPopperMean: number
  cancelled: boolean
  infeasible: DesignInfeasibility | null
}

export type DesignInfeasibility =
  | Infeasibility
  | {
      code:
        | 'DISCONNECTED'
        | 'MORE_TERRITORIES_THAN_UNITS'
        | 'NO_UNITS'
        | 'NO_PARTS'
        | 'BAND_NOT_REACHED'
      message: string
      units: Infeasibility['units']
    }

/**
 * Auto-design of `parts` territories from scratch, in four deterministic steps (the same seed
 * gives the same plan):
 * 1. recursive bipartition of each connected component by random spanning-tree cuts, each
 *    side's mean part weight as close to the ideal as the trees allow (seed units, when
 *    given, end up one per part);
 * 2. ReCom recombination: adjacent pairs are merged and re-split while that improves their
 *    balance, or their cut edges within the band;
 * 3. unit-level local search ({@link rebalance}) and a compactness polish
 *    ({@link compactBorders}) that never leaves the band;
 * 4. when whole units cannot reach the band and `splitUnits` allows it, accounts of border
 *    units move as overrides ({@link balanceByAccounts}) — how a metro county heavier than
 *    a whole territory gets shared between reps.
 * Infeasible requests return the best plan found and a typed reason.
 */
export function designPlan(
  model: EngineModel,
  options: DesignOptions,
): DesignResult {
  const n = model.unitIds.length
  const k = Math.max(0, Math.floor(options.parts))
  const ids =
    options.partIds?.slice(0, k) ??
    Array.from({ length: k }, (_, i) => `T${i + 1}`)
  const weight = unitWeights(model, options.settings)
  const tol = options.settings.tolerance
  let infeasible: DesignResult['infeasible'] = null
  if (n === 0)
    infeasible = {
      code: 'NO_UNITS',
      message: 'infeasible because the graph has no units',
      units: [],
    }
  else if (k === 0)
    infeasible = {
      code: 'NO_PARTS',
      message: 'infeasible because at least one territory is needed',
      units: [],
    }
  else if (k > n) {
    infeasible = {
      code: 'MORE_TERRITORIES_THAN_UNITS',
      message: `infeasible because ${k} territories cannot each get one of ${n} units`,
      units: [],
    }
  }
  const components = componentsOf(model)
  if (components.count > k && k > 0) {
    infeasible = {
      code: 'DISCONNECTED',
      message: `infeasible because the graph has ${components.count} separate parts but only ${k} territories: some territory must span two`,
      units: [],
    }
  }
  const rng = createRng(options.seed)
  const progress = (fraction: number, balanceScore: number) =>
    options.onProgress?.({ fraction, balanceScore }) !== false
  let cancelled = false
  const owner = new Int32Array(n).fill(-1)
  const seedUnits = (options.seedUnits ?? [])
    .map((id) => model.unitIndex.get(id))
    .filter((u): u is number => u !== undefined)
  // 1. Parts per component by weight (largest remainder, at least one each while parts last).
  const partsOf = allocateParts(components, weight, Math.min(k, n))
  const graph = { adjStart: model.adjStart, adjNbr: model.adjNbr }
  const splitter = new TreeSplitter(graph, weight, rng)
  const frozen = new Uint8Array(Math.max(1, k))
  let base = 0
  for (let c = 0; c < components.count; c++) {
    const kc = partsOf[c]!
    const nodes = components.members[c]!
    if (kc === 0) continue
    treePartition(
      graph,
      nodes,
      {
        parts: kc,
        weight,
        tolerance: tol,
        rng,
        seeds: seedUnits.filter((u) => components.of[u] === c),
      },
      owner,
      base,
      splitter,
    )
    if (kc === 1) frozen[base] = 1
    base += kc
  }
  // Components left without a part (more components than parts) join the nearest part.
  attachOrphans(model, owner)
  cancelled = !progress(0.25, 0)
  // 2. Recombination over the whole plan (parts of different components never touch).
  let total = 0
  for (let u = 0; u < n; u++) total += weight[u]!
  if (!cancelled && base > 1) {
    // Many recombinations on small graphs (cheap, and where whole-unit balance is hardest),
    // a few hundred on large ones: ≈ 0.1–0.3 s either way.
    const iterations = Math.min(1500, Math.max(2 * base, Math.floor(1.3e6 / n)))
    recombine(
      graph,
      owner,
      base,
      {
        weight,
        ideal: total / base,
        tolerance: tol,
        rng,
        iterations,
        maxTrees: n > 2000 ? 40 : 60,
        frozen,
        seeds: seedUnits,
        onIteration: (i) => {
          if (i % 50 !== 0) return true
          const ok = progress(0.25 + (0.35 * i) / iterations, 0)
          if (!ok) cancelled = true
          return ok
        },
      },
      splitter,
    )
  }
  const assignments: Record<string, string> = {}
  owner.forEach((t, u) => {
    if (t >= 0) assignments[model.unitIds[u]!] = ids[t]!
  })
  const state = new PlanState(model, {
    territories: ids.map((id) => ({
      id,
      repHome: null,
      capacityMinutes: null,
      locked: false,
    })),
    assignments,
    overrides: {},
    settings: options.settings,
  })
  // 3. Transport surpluses to deficits across borders (whole units, then accounts of units
  // too big to move whole), then local search and a compactness polish inside the band.
  const split = options.splitUnits !== false
  let splitAccounts = 0
  let result: ReturnType<typeof localSearch> | null = null
  if (!cancelled) {
    const f = flowBalance(state, {
      maxDisruptedAccounts: Number.POSITIVE_INFINITY,
      splitUnits: split,
      prefer: 'compact',
      onRound: (r) => {
        const ok = progress(0.6 + 0.02 * r, state.balanceScore())
        if (!ok) cancelled = true
        return ok
      },
    })
    splitAccounts += f.accountMoves
  }
  if (!cancelled) compactBorders(state)
  if (!cancelled && maxDeviationPct(state.planScore()) > 100 * tol) {
    const maxSweeps = options.maxSweeps ?? 100
    result = localSearch(state, {
      maxDisruptedAccounts: Number.POSITIVE_INFINITY,
      maxSweeps,
      onProgress: (p) => {
        const ok = progress(0.85 + (0.05 * p.sweep) / maxSweeps, p.balanceScore)
        if (!ok) cancelled = true
        return ok
      },
    })
    if (!cancelled) compactBorders(state)
  }
  // 4. The last percent below the unit.
  if (!cancelled && split && maxDeviationPct(state.planScore()) > 100 * tol) {
    const r = balanceByAccounts(state, {
      maxDisruptedAccounts: Number.POSITIVE_INFINITY,
      order: 'nearest',
      onProgress: (p) => {
        const ok = progress(0.9 + (0.1 * p.sweep) / 60, p.balanceScore)
        if (!ok) cancelled = true
        return ok
      },
    })
    splitAccounts += r.moves
  }
  const plan = state.planScore()
  progress(1, plan.balanceScore)
  const territories = state.territoryScores()
  const maxDevPct = maxDeviationPct(plan)
  const alignment = state.currentAlignment()
  const bandInfeasible =
    maxDevPct > 100 * tol + 1e-9
      ? (result?.infeasible ??
        balanceInfeasibility(
          state,
          options.settings.metrics.map((x) => x.metric),
          tol,
        ))
      : null
  return {
    state,
    assignments: alignment.assignments,
    overrides: alignment.overrides,
    splitAccounts,
    balanceScore: plan.balanceScore,
    maxDevPct,
    contiguous: plan.noncontiguousTerritories === 0,
    pieces: territories.reduce((s, t) => s + t.pieces, 0),
    cutEdges: plan.cutEdges,
    polsbyPopperMean: meanPolsbyPopper(territories),
    cancelled,
    infeasible:
      infeasible ??
      (bandInfeasible && options.splitUnits === false
        ? bandInfeasible
        : null) ??
      (maxDevPct > 100 * tol + 1e-9
        ? {
            code: 'BAND_NOT_REACHED',
            message: `infeasible within the search: the best plan found is ${maxDevPct.toFixed(1)} % off target (band ±${(100 * tol).toFixed(1)} %)${bandInfeasible ? `; ${bandInfeasible.message}` : ''}`,
            units: bandInfeasible?.units ?? [],
          }
        : null),
  }
}

/** Parts per component: proportional to weight, at least one per component while parts last. */
function allocateParts(
  components: { count: number; members: Int32Array[] },
  weight: Float64Array,
  k: number,
): Int32Array {
  const c = components.count
  const out = new Int32Array(c)
  const w = components.members.map((nodes) => {
    let s = 0
    for (let i = 0; i < nodes.length; i++) s += weight[nodes[i]!]!
    return s
  })
  // Heaviest (then largest) components first get their one part.
  const order = Array.from({ length: c }, (_, i) => i).sort(
    (a, b) =>
      w[b]! - w[a]! ||
      components.members[b]!.length - components.members[a]!.length ||
      a - b,
  )
  let left = k
  for (const i of order) {
    if (left === 0) break
    out[i] = 1
    left--
  }
  const total = w.reduce((s, x) => s + x, 0)
  while (left > 0) {
    // The component whose parts are heaviest on average gets the next one.
    let best = -1
    let bestAvg = -1
    for (const i of order) {
      if (out[i]! >= components.members[i]!.length) continue
      const avg =
        (total > 0 ? w[i]! : components.members[i]!.length) / (out[i]! + 1)
      if (avg > bestAvg) {
        bestAvg = avg
        best = i
      }
    }
    if (best < 0) break
    out[best]!++
    left--
  }
  return out
}

/** Units still without a part (their component got none) join the part of the nearest assigned unit. */
function attachOrphans(model: EngineModel, owner: Int32Array): void {
  const n = owner.length
  for (let u = 0; u < n; u++) {
    if (owner[u] !== -1) continue
    let best = -1
    let bestKm = Infinity
    for (let v = 0; v < n; v++) {
      if (owner[v]! < 0) continue
      const km = haversineKmXY(
        model.unitLon[u]!,
        model.unitLat[u]!,
        model.unitLon[v]!,
        model.unitLat[v]!,
      )
      if (km < bestKm) {
        bestKm = km
        best = owner[v]!
      }
    }
    if (best >= 0) owner[u] = best
  }
}

/** Each unit's share of the plan, blending the balanced metrics by weight (each normalised by its total). */
function unitWeights(
  model: EngineModel,
  settings: BalanceSettings,
): Float64Array {
  const n = model.unitIds.length
  const K = METRICS.length
  const sums = new Float64Array(n * K)
  const vector = new Float64Array(K)
  for (let a = 0; a < model.accountIds.length; a++) {
    const u = model.accUnit[a]!
    if (u < 0) continue
    accountVector(model, a, vector)
    for (let k = 0; k < K; k++) sums[u * K + k]! += vector[k]!
  }
  const totals = new Float64Array(K)
  for (let u = 0; u < n; u++)
    for (let k = 0; k < K; k++) totals[k]! += sums[u * K + k]!
  const w = new Float64Array(n)
  const wsum = settings.metrics.reduce((s, m) => s + m.weight, 0) || 1
  for (let u = 0; u < n; u++) {
    for (const { metric, weight } of settings.metrics) {
      const k = METRIC_INDEX[metric]
      if (totals[k]! > 0)
        w[u]! += (weight * sums[u * K + k]!) / totals[k]! / wsum
    }
  }
  return w
}

function componentsOf(model: EngineModel): {
  count: number
  of: Int32Array
  members: Int32Array[]
} {
  const n = model.unitIds.length
  const of = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  const members: Int32Array[] = []
  let count = 0
  for (let s = 0; s < n; s++) {
    if (of[s] !== -1) continue
    of[s] = count
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const u = queue[head++]!
      for (let k = model.adjStart[u]!; k < model.adjStart[u + 1]!; k++) {
        const v = model.adjNbr[k]!
        if (of[v] === -1) {
          of[v] = count
          queue[tail++] = v
        }
      }
    }
    members.push(queue.slice(0, tail))
    count++
  }
  return { count, of, members }
}
