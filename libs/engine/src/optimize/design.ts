import { type BalanceSettings, createRng } from '@tessera/domain'
import { haversineKmXY } from '@tessera/geo'
import type { EngineModel } from '../model.js'
import { PlanState } from '../plan-state.js'
import { maxDeviationPct } from '../plan-input.js'
import { METRIC_INDEX } from '../scores.js'
import type { Infeasibility } from './feasibility.js'
import { rebalance } from './rebalance.js'

export interface DesignOptions {
  parts: number
  settings: BalanceSettings
  /** Seed of the deterministic random choices (the same seed gives the same plan). */
  seed: number
  /** Optional seed units (e.g. the units of the reps' home bases), one per part at most. */
  seedUnits?: readonly string[]
  /** Ids for the parts; defaults to `T1` … `TK`. */
  partIds?: readonly string[]
  maxSweeps?: number
  /** Progress after each improvement sweep; return false to cancel (the best plan so far is kept). */
  onProgress?: (p: { fraction: number; balanceScore: number }) => boolean | void
}

export interface DesignResult {
  state: PlanState
  assignments: Record<string, string>
  balanceScore: number
  /** Largest |deviation| over parts and balanced metrics, in percent. */
  maxDevPct: number
  contiguous: boolean
  cutEdges: number
  polsbyPopperMean: number
  cancelled: boolean
  infeasible:
    | Infeasibility
    | {
        code: 'DISCONNECTED' | 'MORE_TERRITORIES_THAN_UNITS' | 'NO_UNITS'
        message: string
        units: []
      }
    | null
}

/**
 * Auto-design of `parts` territories from scratch: seeds spread by weighted farthest-point
 * sampling (k-means++ on unit centroids, weights from the balanced metrics), grown together
 * over the adjacency graph — always the lightest territory takes its nearest free unit, so
 * parts stay contiguous and compact — then improved by {@link rebalance} with no disruption
 * cap. Deterministic for a given seed. Infeasible requests return the best plan found and a
 * typed reason.
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
  let infeasible: DesignResult['infeasible'] = null
  if (n === 0)
    infeasible = {
      code: 'NO_UNITS',
      message: 'infeasible because the graph has no units',
      units: [],
    }
  else if (k > n) {
    infeasible = {
      code: 'MORE_TERRITORIES_THAN_UNITS',
      message: `infeasible because ${k} territories cannot each get one of ${n} units`,
      units: [],
    }
  }
  const owner = new Int32Array(n).fill(-1)
  const components = componentsOf(model)
  if (components.count > k && k > 0) {
    infeasible = {
      code: 'DISCONNECTED',
      message: `infeasible because the graph has ${components.count} separate parts but only ${k} territories: some territory must span two`,
      units: [],
    }
  }
  const seeds =
    k > 0 && n > 0
      ? chooseSeeds(model, weight, components, Math.min(k, n), options)
      : []
  grow(model, weight, seeds, owner)
  // Units no seed could reach (more components than parts) join the nearest part by centroid.
  for (let u = 0; u < n; u++) {
    if (owner[u] !== -1 || seeds.length === 0) continue
    let best = 0
    let bestKm = Infinity
    seeds.forEach((s, t) => {
      const km = haversineKmXY(
        model.unitLon[u]!,
        model.unitLat[u]!,
        model.unitLon[s]!,
        model.unitLat[s]!,
      )
      if (km < bestKm) {
        bestKm = km
        best = t
      }
    })
    owner[u] = best
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
  const maxSweeps = options.maxSweeps ?? 100
  const result = rebalance(state, {
    maxDisruptedAccounts: Number.POSITIVE_INFINITY,
    maxSweeps,
    onProgress: (p) =>
      options.onProgress?.({
        fraction: Math.min(1, p.sweep / maxSweeps),
        balanceScore: p.balanceScore,
      }),
  })
  const plan = state.planScore()
  const territories = state.territoryScores()
  const maxDevPct = maxDeviationPct(plan)
  const final = state.currentAlignment().assignments
  return {
    state,
    assignments: final,
    balanceScore: plan.balanceScore,
    maxDevPct,
    contiguous: plan.noncontiguousTerritories === 0,
    cutEdges: plan.cutEdges,
    polsbyPopperMean: territories.length
      ? territories.reduce((s, t) => s + t.polsbyPopper, 0) / territories.length
      : 0,
    cancelled: result.stopped === 'cancelled',
    infeasible: infeasible ?? result.infeasible,
  }
}

/** Each unit's share of the plan, blending the balanced metrics by weight (each normalised by its total). */
function unitWeights(
  model: EngineModel,
  settings: BalanceSettings,
): Float64Array {
  const n = model.unitIds.length
  const sums = new Float64Array(n * 4)
  for (let a = 0; a < model.accountIds.length; a++) {
    const u = model.accUnit[a]!
    if (u < 0) continue
    sums[u * 4]! += 1
    sums[u * 4 + 1]! += model.accPotential[a]!
    sums[u * 4 + 2]! += model.accSales[a]!
    sums[u * 4 + 3]! += model.accWorkload[a]!
  }
  const totals = [0, 0, 0, 0]
  for (let u = 0; u < n; u++)
    for (let k = 0; k < 4; k++) totals[k]! += sums[u * 4 + k]!
  const w = new Float64Array(n)
  const wsum = settings.metrics.reduce((s, m) => s + m.weight, 0) || 1
  for (let u = 0; u < n; u++) {
    for (const { metric, weight } of settings.metrics) {
      const k = METRIC_INDEX[metric]
      if (totals[k]! > 0)
        w[u]! += (weight * sums[u * 4 + k]!) / totals[k]! / wsum
    }
  }
  return w
}

function componentsOf(model: EngineModel): { count: number; of: Int32Array } {
  const n = model.unitIds.length
  const of = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
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
    count++
  }
  return { count, of }
}

/** k-means++ seeding on unit centroids weighted by the metric share; each component first gets one seed. */
function chooseSeeds(
  model: EngineModel,
  weight: Float64Array,
  components: { count: number; of: Int32Array },
  k: number,
  options: DesignOptions,
): number[] {
  const n = model.unitIds.length
  const rng = createRng(options.seed)
  const seeds: number[] = []
  const taken = new Uint8Array(n)
  const add = (u: number) => {
    if (taken[u] || seeds.length >= k) return
    taken[u] = 1
    seeds.push(u)
  }
  for (const id of options.seedUnits ?? []) {
    const u = model.unitIndex.get(id)
    if (u !== undefined) add(u)
  }
  // One seed in every separate part of the graph, heaviest unit first, while seeds remain.
  const heaviest = new Int32Array(components.count).fill(-1)
  for (let u = 0; u < n; u++) {
    const c = components.of[u]!
    if (heaviest[c] === -1 || weight[u]! > weight[heaviest[c]!]!)
      heaviest[c] = u
  }
  const bySize = [...heaviest]
    .filter((u) => u >= 0)
    .sort((a, b) => weight[b]! - weight[a]! || a - b)
  for (const u of bySize)
    if (!seeds.some((s) => components.of[s] === components.of[u])) add(u)
  const nearest = new Float64Array(n).fill(Infinity)
  const refresh = (s: number) => {
    for (let u = 0; u < n; u++) {
      const km = haversineKmXY(
        model.unitLon[u]!,
        model.unitLat[u]!,
        model.unitLon[s]!,
        model.unitLat[s]!,
      )
      if (km < nearest[u]!) nearest[u] = km
    }
  }
  seeds.forEach(refresh)
  const floor = 1 / Math.max(1, n)
  while (seeds.length < k) {
    let total = 0
    const score = new Float64Array(n)
    for (let u = 0; u < n; u++) {
      if (taken[u]) continue
      const d = Number.isFinite(nearest[u]!) ? nearest[u]! : 1
      score[u] = (weight[u]! + floor) * d * d
      total += score[u]!
    }
    let x = rng.next() * total
    let pick = -1
    for (let u = 0; u < n && pick < 0; u++) {
      if (taken[u]) continue
      x -= score[u]!
      if (x <= 0) pick = u
    }
    if (pick < 0) pick = taken.indexOf(0)
    add(pick)
    refresh(pick)
  }
  return seeds
}

/** Multi-source growth: the lightest territory takes its nearest free frontier unit, until none is left. */
function grow(
  model: EngineModel,
  weight: Float64Array,
  seeds: readonly number[],
  owner: Int32Array,
): void {
  const k = seeds.length
  const load = new Float64Array(k)
  const frontier: { unit: number; km: number }[][] = seeds.map(() => [])
  const push = (t: number, u: number) => {
    const s = seeds[t]!
    const km = haversineKmXY(
      model.unitLon[u]!,
      model.unitLat[u]!,
      model.unitLon[s]!,
      model.unitLat[s]!,
    )
    heapPush(frontier[t]!, { unit: u, km })
  }
  const claim = (t: number, u: number) => {
    owner[u] = t
    load[t]! += weight[u]!
    for (let j = model.adjStart[u]!; j < model.adjStart[u + 1]!; j++) {
      const v = model.adjNbr[j]!
      if (owner[v] === -1) push(t, v)
    }
  }
  seeds.forEach((s, t) => claim(t, s))
  // Phase 1: grow the lightest territory, but only while it is below its share, so no
  // territory sweeps a whole region because its neighbours got enclosed early.
  let total = 0
  for (let u = 0; u < weight.length; u++) total += weight[u]!
  const share = k > 0 ? total / k : 0
  for (;;) {
    let best = -1
    for (let t = 0; t < k; t++) {
      const f = frontier[t]!
      while (f.length > 0 && owner[f[0]!.unit] !== -1) heapPop(f)
      if (f.length === 0 || load[t]! >= share) continue
      if (best === -1 || load[t]! < load[best]!) best = t
    }
    if (best === -1) break
    claim(best, heapPop(frontier[best]!)!.unit)
  }
  // Phase 2: what is left (behind full territories) goes, wave by wave, to the lightest
  // neighbouring territory, so every territory stays in one piece.
  for (let changed = true; changed;) {
    changed = false
    for (let u = 0; u < owner.length; u++) {
      if (owner[u] !== -1) continue
      let best = -1
      for (let j = model.adjStart[u]!; j < model.adjStart[u + 1]!; j++) {
        const t = owner[model.adjNbr[j]!]!
        if (t >= 0 && (best === -1 || load[t]! < load[best]!)) best = t
      }
      if (best >= 0) {
        owner[u] = best
        load[best]! += weight[u]!
        changed = true
      }
    }
  }
}

function heapPush(
  h: { unit: number; km: number }[],
  x: { unit: number; km: number },
): void {
  h.push(x)
  let i = h.length - 1
  while (i > 0) {
    const p = (i - 1) >> 1
    if (h[p]!.km < x.km || (h[p]!.km === x.km && h[p]!.unit <= x.unit)) break
    h[i] = h[p]!
    i = p
  }
  h[i] = x
}

function heapPop(
  h: { unit: number; km: number }[],
): { unit: number; km: number } | undefined {
  const top = h[0]
  const last = h.pop()
  if (h.length === 0 || !last) return top
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= h.length) break
    const r = l + 1
    const c =
      r < h.length &&
      (h[r]!.km < h[l]!.km ||
        (h[r]!.km === h[l]!.km && h[r]!.unit < h[l]!.unit))
        ? r
        : l
    if (h[c]!.km > last.km || (h[c]!.km === last.km && h[c]!.unit > last.unit))
      break
    h[i] = h[c]!
    i = c
  }
  h[i] = last
  return top
}
