import type { Search } from './search.js'

/**
 * Swap and chain partners per facility pair: the items of b that lose least by moving to x
 * (a granular neighbourhood). Far fewer than a facility's items at account level, where a
 * facility has hundreds.
 */
const BORDER_ITEMS = 24

/**
 * Border lists, rebuilt at the start of each local-search pass: the free items at facility b that have
 * facility x among their K cheapest — at most BORDER_ITEMS of them, those that lose least
 * by moving to x, cheapest first — at pairStart[b·p + x] .. pairEnd[b·p + x]: the
 * partners that make room at b by leaving for x (stale entries are skipped). Needs p²
 * entries, fine for the hundreds of reps a plan has.
 */
export class BorderLists {
  readonly pairStart: Int32Array
  readonly pairEnd: Int32Array
  readonly pairItems: Int32Array
  private readonly keys = new Float64Array(BORDER_ITEMS)
  /** Per list, the least d_k · (c_kx − c_kb) of its items: the most a partner can give back. */
  readonly pairMin: Float64Array
  /** Per list, the largest demand of its items. */
  readonly pairMaxD: Float64Array

  constructor(n: number, p: number, K: number) {
    this.pairStart = new Int32Array(p * p + 1)
    this.pairEnd = new Int32Array(p * p)
    this.pairMin = new Float64Array(p * p)
    this.pairMaxD = new Float64Array(p * p)
    this.pairItems = new Int32Array(n * K)
  }

  /** Rebuilds every list from the search's current assignment. */
  build(s: Search): void {
    const { pairStart, pairEnd, pairItems, pairMin, pairMaxD, keys } = this
    const { asg, pin, d, c, near, n, p, K } = s
    pairStart.fill(0)
    for (let i = 0; i < n; i++) {
      if (pin[i]! >= 0 || d[i] === 0) continue
      const b = asg[i]!
      for (let t = i * K; t < i * K + K; t++)
        if (near[t] !== b) pairStart[b * p + near[t]! + 1]!++
    }
    for (let q = 0; q < p * p; q++) pairStart[q + 1]! += pairStart[q]!
    pairEnd.set(pairStart.subarray(0, p * p))
    for (let i = 0; i < n; i++) {
      if (pin[i]! >= 0 || d[i] === 0) continue
      const b = asg[i]!
      for (let t = i * K; t < i * K + K; t++)
        if (near[t] !== b) pairItems[pairEnd[b * p + near[t]!]!++] = i
    }
    // Keep the BORDER_ITEMS items of each list that lose least by moving (smallest
    // c_kx − c_kb), sorted, by insertion in place; then the lists' bounds.
    for (let pair = 0; pair < p * p; pair++) {
      const start = pairStart[pair]!
      const end = pairEnd[pair]!
      const b = Math.floor(pair / p)
      const x = pair - b * p
      let kept = 0
      for (let q = start; q < end; q++) {
        const k = pairItems[q]!
        const key = c[k * p + x]! - c[k * p + b]!
        if (kept === BORDER_ITEMS && key >= keys[kept - 1]!) continue
        let at = kept < BORDER_ITEMS ? kept++ : kept - 1
        while (at > 0 && keys[at - 1]! > key) {
          keys[at] = keys[at - 1]!
          pairItems[start + at] = pairItems[start + at - 1]!
          at--
        }
        keys[at] = key
        pairItems[start + at] = k
      }
      pairEnd[pair] = start + kept
      let min = Infinity
      let maxD = 0
      for (let q = 0; q < kept; q++) {
        const k = pairItems[start + q]!
        min = Math.min(min, d[k]! * keys[q]!)
        maxD = Math.max(maxD, d[k]!)
      }
      pairMin[pair] = min
      pairMaxD[pair] = maxD
    }
  }
}
