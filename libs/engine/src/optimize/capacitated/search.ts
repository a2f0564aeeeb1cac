import { BorderLists } from './borders.js'

/**
 * Swaps are tried toward an item's few cheapest facilities only: far swaps almost never pay,
 * and the limit keeps a pass near O(n × K × items per facility). Complete for p ≤ 6.
 */
const SWAP_NEIGHBOURS = 6
/** Local-search passes are bounded only as a guard: every accepted move strictly improves. */
export const MAX_PASSES = 10_000

/**
 * Total demand and capacity, and in `short` why no assignment can meet capacity — too
 * little in total, pinned items overloading their facility, an item bigger than every
 * facility — or null when one may. One rule serves both the search (no prices when it holds) and the reported
 * infeasibility, so the two cannot disagree.
 */
export interface CapacityCheck {
  demand: number
  capacity: number
  short:
    | { kind: 'total' }
    | { kind: 'pinned'; facility: number; load: number }
    | { kind: 'item'; item: number; maxCapacity: number }
    | null
}

/**
 * The search state: assignment and loads, with move evaluation under either a hard capacity
 * (lexicographic: minutes over capacity, then cost) or a soft one (cost + penalty × minutes over).
 */
export class Search {
  readonly n: number
  readonly p: number
  readonly asg: Int32Array
  readonly load: Float64Array
  readonly pin: Int32Array
  readonly epsCost: number
  readonly epsLoad: number
  /** Swap and chain partners for the local search, rebuilt at the start of each pass. */
  readonly borders: BorderLists
  /**
   * Facilities whose load changed in the previous local-search pass (`dirty`) and in this
   * one (`nextDirty`, set by {@link move}); the local search swaps the two after each pass.
   */
  dirty: Uint8Array
  nextDirty: Uint8Array
  readonly dirtyList: Int32Array
  /** Each item's K cheapest facilities (n × K, cheapest first): swap and chain targets. */
  readonly near: Int32Array
  readonly K: number

  constructor(
    readonly d: Float64Array,
    readonly c: Float64Array,
    readonly cap: Float64Array,
    readonly penalty: number,
    pinned: Int32Array | undefined,
  ) {
    this.n = d.length
    this.p = cap.length
    this.asg = new Int32Array(this.n).fill(-1)
    this.load = new Float64Array(this.p)
    this.pin = pinned ?? new Int32Array(this.n).fill(-1)
    let scale = 0
    let total = 0
    for (let i = 0; i < this.n; i++) {
      let max = 0
      for (let j = 0; j < this.p; j++) max = Math.max(max, c[i * this.p + j]!)
      scale += d[i]! * max
      total += d[i]!
    }
    this.epsCost = 1e-12 * scale
    this.epsLoad = 1e-9 * Math.max(1, total / Math.max(1, this.p))
    this.dirty = new Uint8Array(this.p)
    this.nextDirty = new Uint8Array(this.p)
    this.dirtyList = new Int32Array(this.p)
    this.K = Math.min(this.p, SWAP_NEIGHBOURS)
    this.near = nearest(c, this.n, this.p, this.K)
    this.borders = new BorderLists(this.n, this.p, this.K)
  }

  /** Whether (dOver, dCost) beats (bOver, bCost). */
  better(dOver: number, dCost: number, bOver: number, bCost: number): boolean {
    if (this.penalty === Infinity)
      return (
        dOver < bOver - this.epsLoad ||
        (dOver <= bOver + this.epsLoad && dCost < bCost - this.epsCost)
      )
    return (
      dCost + this.penalty * dOver <
      bCost + this.penalty * bOver - this.epsCost - this.penalty * this.epsLoad
    )
  }

  /** Change in facility j's minutes over capacity when its load changes by delta. */
  overDelta(j: number, delta: number): number {
    const l = this.load[j]!
    const cap = this.cap[j]!
    return Math.max(0, l + delta - cap) - Math.max(0, l - cap)
  }

  /** Moves item i from a to b and marks both facilities changed. */
  move(i: number, a: number, b: number): void {
    this.asg[i] = b
    this.load[a]! -= this.d[i]!
    this.load[b]! += this.d[i]!
    this.nextDirty[a] = 1
    this.nextDirty[b] = 1
  }

  /** Free items with demand: the ones a perturbation may move. */
  movableItems(): Int32Array {
    const out: number[] = []
    for (let i = 0; i < this.n; i++)
      if (this.pin[i]! < 0 && this.d[i]! > 0) out.push(i)
    return Int32Array.from(out)
  }

  /** See {@link CapacityCheck}. */
  capacityCheck(): CapacityCheck {
    const { n, p, d, cap, pin, epsLoad } = this
    let demand = 0
    for (let i = 0; i < n; i++) demand += d[i]!
    let capacity = 0
    let maxCap = 0
    for (let j = 0; j < p; j++) {
      capacity += cap[j]!
      maxCap = Math.max(maxCap, cap[j]!)
    }
    const check = (short: CapacityCheck['short']) => ({
      demand,
      capacity,
      short,
    })
    if (demand > capacity + epsLoad) return check({ kind: 'total' })
    const pinned = new Float64Array(p)
    for (let i = 0; i < n; i++) if (pin[i]! >= 0) pinned[pin[i]!]! += d[i]!
    for (let j = 0; j < p; j++)
      if (pinned[j]! > cap[j]! + epsLoad)
        return check({ kind: 'pinned', facility: j, load: pinned[j]! })
    // A pinned item this big already overloads its facility above: only free ones get here.
    for (let i = 0; i < n; i++)
      if (d[i]! > maxCap + epsLoad)
        return check({ kind: 'item', item: i, maxCapacity: maxCap })
    return check(null)
  }

  recomputeLoads(): void {
    this.load.fill(0)
    for (let i = 0; i < this.n; i++) this.load[this.asg[i]!]! += this.d[i]!
  }

  /** [Σ demand × cost, Σ minutes over capacity] of the current assignment. */
  totals(): [number, number] {
    let cost = 0
    for (let i = 0; i < this.n; i++)
      cost += this.d[i]! * this.c[i * this.p + this.asg[i]!]!
    let over = 0
    for (let j = 0; j < this.p; j++) {
      const o = this.load[j]! - this.cap[j]!
      if (o > this.epsLoad) over += o
    }
    return [cost, over]
  }
}

/** The k cheapest facilities of each item, cheapest first (n × k, row-major). */
function nearest(c: Float64Array, n: number, p: number, k: number): Int32Array {
  const out = new Int32Array(n * k)
  for (let i = 0; i < n; i++) {
    const row = i * p
    const base = i * k
    let size = 0
    for (let j = 0; j < p; j++) {
      const cj = c[row + j]!
      if (size === k && cj >= c[row + out[base + k - 1]!]!) continue
      let x = size < k ? size++ : k - 1
      while (x > 0 && c[row + out[base + x - 1]!]! > cj) {
        out[base + x] = out[base + x - 1]!
        x--
      }
      out[base + x] = j
    }
  }
  return out
}
