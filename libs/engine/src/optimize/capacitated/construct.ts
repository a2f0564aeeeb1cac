import { DemandHeap, RegretHeap } from './heaps.js'
import type { Search } from './search.js'

/**
 * Regret greedy: items are placed in order of the largest regret — the extra cost of their
 * second-best facility with room over their best — heaviest first on ties; an item with a
 * single facility left goes first. Only items whose best or second-best facility just ran
 * out of room are re-evaluated (watch lists), so the whole build is O(n·p·log n) at worst.
 * Items that fit nowhere go last, each where it adds the least overload.
 */
export function construct(s: Search, price?: Float64Array): void {
  const { n, p, d, c, asg, load, pin } = s
  const lam = price ?? new Float64Array(p)
  asg.fill(-1)
  load.fill(0)
  const resid = new Float64Array(s.cap)
  for (let i = 0; i < n; i++) {
    if (pin[i]! < 0) continue
    asg[i] = pin[i]!
    load[pin[i]!]! += d[i]!
    resid[pin[i]!]! -= d[i]!
  }
  // Zero-demand items cost nothing anywhere: they go to their cheapest facility.
  for (let i = 0; i < n; i++) {
    if (asg[i]! >= 0 || d[i]! > 0) continue
    let best = 0
    for (let j = 1; j < p; j++) if (c[i * p + j]! < c[i * p + best]!) best = j
    asg[i] = best
  }
  const fb = new Int32Array(n)
  const fs = new Int32Array(n)
  const ver = new Int32Array(n)
  const heap = new RegretHeap(d)
  const watch = Array.from({ length: p }, () => new DemandHeap(d))
  const { near, K } = s
  const two = new BestTwo()
  const evaluate = (i: number) => {
    const row = i * p
    const di = d[i]!
    two.reset()
    // Nearest facilities first: prices are ≥ 0, so once a facility's plain cost reaches
    // the second-best priced cost no later one can place; else fall back to all of them.
    let t = 0
    for (; t < K; t++) {
      const j = near[i * K + t]!
      const cj = c[row + j]!
      if (cj >= two.v2) break
      if (di > resid[j]! + s.epsLoad) continue
      two.offer(j, cj + lam[j]!)
    }
    if (t === K && K < p) {
      two.reset()
      for (let j = 0; j < p; j++) {
        if (di > resid[j]! + s.epsLoad) continue
        two.offer(j, c[row + j]! + lam[j]!)
      }
    }
    const { b1, b2, v1, v2 } = two
    fb[i] = b1
    fs[i] = b2
    ver[i]!++
    if (b1 < 0) return
    heap.push(i, b2 < 0 ? Infinity : di * (v2 - v1), ver[i]!)
    watch[b1]!.push(i)
    if (b2 >= 0) watch[b2]!.push(i)
  }
  for (let i = 0; i < n; i++) if (asg[i]! < 0) evaluate(i)
  while (heap.size > 0) {
    const i = heap.topItem()
    const v = heap.topVer()
    heap.pop()
    if (asg[i]! >= 0 || v !== ver[i]) continue
    const j = fb[i]!
    asg[i] = j
    load[j]! += d[i]!
    resid[j]! -= d[i]!
    // Items that counted on j and no longer fit there are re-evaluated: the heaviest come
    // off j's heap first, so each is seen once; stale entries go as they surface.
    const w = watch[j]!
    while (w.size > 0) {
      const k = w.top()
      if (asg[k]! >= 0 || (fb[k] !== j && fs[k] !== j)) w.pop()
      else if (d[k]! > resid[j]! + s.epsLoad) {
        w.pop()
        evaluate(k)
      } else break
    }
  }
  const left: number[] = []
  for (let i = 0; i < n; i++) if (asg[i]! < 0) left.push(i)
  left.sort((a, b) => d[b]! - d[a]! || a - b)
  for (const i of left) {
    let best = -1
    let bo = 0
    let bc = 0
    for (let j = 0; j < p; j++) {
      const o = s.overDelta(j, d[i]!)
      const cost = d[i]! * c[i * p + j]!
      if (best < 0 || s.better(o, cost, bo, bc)) {
        best = j
        bo = o
        bc = cost
      }
    }
    asg[i] = best
    load[best]! += d[i]!
  }
}

/**
 * Lagrangian relaxation of the capacities: with a price λ_j ≥ 0 per minute at facility j
 * (at most the penalty when capacity is soft), each free item goes to its cheapest
 * c_ij + λ_j, and L(λ) = Σ d_i · min_j (c_ij + λ_j) − Σ λ_j · cap_j (pinned items fixed) is
 * a lower bound on any assignment's cost. Subgradient ascent (Held–Karp steps toward the
 * `upper` estimate, halved when the bound stalls) returns the best bound and its prices.
 */
export function lagrangian(
  s: Search,
  iterations: number,
  upper: number,
): { bound: number; price: Float64Array } {
  const { n, p, d, c, pin, cap, near, K } = s
  const lam = new Float64Array(p)
  const price = new Float64Array(p)
  const load = new Float64Array(p)
  const pinnedLoad = new Float64Array(p)
  let fixed = 0
  for (let i = 0; i < n; i++) {
    if (pin[i]! < 0) continue
    fixed += d[i]! * c[i * p + pin[i]!]!
    pinnedLoad[pin[i]!]! += d[i]!
  }
  let bound = -Infinity
  let theta = 2
  let stall = 0
  for (let it = 0; it < iterations; it++) {
    load.set(pinnedLoad)
    let l = fixed
    for (let i = 0; i < n; i++) {
      if (pin[i]! >= 0 || d[i] === 0) continue
      const row = i * p
      let bj = -1
      let bv = Infinity
      let t = 0
      // Nearest first, stopping once plain cost alone reaches the best priced cost.
      for (; t < K; t++) {
        const j = near[i * K + t]!
        const cj = c[row + j]!
        if (cj >= bv) break
        const v = cj + lam[j]!
        if (v < bv) {
          bv = v
          bj = j
        }
      }
      if (t === K && K < p) {
        for (let j = 0; j < p; j++) {
          const v = c[row + j]! + lam[j]!
          if (v < bv) {
            bv = v
            bj = j
          }
        }
      }
      l += d[i]! * bv
      load[bj]! += d[i]!
    }
    let g2 = 0
    for (let j = 0; j < p; j++) {
      l += lam[j]! * (pinnedLoad[j]! - cap[j]!)
      const g = load[j]! - cap[j]!
      // Projected: a price at a bound that the step would push further out stays put.
      if ((lam[j] === 0 && g < 0) || (lam[j] === s.penalty && g > 0))
        load[j] = cap[j]!
      else g2 += g * g
    }
    if (l > bound) {
      if (l > bound + s.epsCost) stall = 0
      bound = l
      price.set(lam)
    } else if (++stall >= 10) {
      theta /= 2
      stall = 0
    }
    if (g2 === 0) break
    const step = (theta * Math.max(upper - l, 1e-3 * Math.abs(l))) / g2
    for (let j = 0; j < p; j++) {
      const v = lam[j]! + step * (load[j]! - cap[j]!)
      lam[j] = Math.min(s.penalty, Math.max(0, v))
    }
  }
  return { bound, price }
}

/** The best and second-best (least) values offered, with their facilities; −1 for none. */
class BestTwo {
  b1 = -1
  b2 = -1
  v1 = Infinity
  v2 = Infinity

  reset(): void {
    this.b1 = this.b2 = -1
    this.v1 = this.v2 = Infinity
  }

  offer(j: number, v: number): void {
    if (v < this.v1) {
      this.b2 = this.b1
      this.v2 = this.v1
      this.b1 = j
      this.v1 = v
    } else if (v < this.v2) {
      this.b2 = j
      this.v2 = v
    }
  }
}
