import type { EngineModel } from './model.js'
import { type AlignmentInput, NONE } from './plan-types.js'
import type { TerritoryTable } from './territory-table.js'

/**
 * The published alignment disruption is measured against, and the disruption bookkeeping.
 * It is kept per account (`accPub`), and, for moves, per unit as a CSR of the distinct
 * published territories among the unit's geographic accounts (usually one) with their
 * count and potential: a unit move then updates disruption in O(published groups), not
 * O(accounts). Per-territory losses are columns of the territory table (they grow with it).
 */
export class PublishedGroups {
  /** The published territory of each account, NONE for none. */
  readonly accPub: Int32Array
  /** CSR per unit: groups `start[u] … start[u+1]` of `ter`, `count`, `potential`. */
  start = new Int32Array(0)
  ter = new Int32Array(0)
  count = new Float64Array(0)
  potential = new Float64Array(0)
  disruptedCount = 0
  disruptedPotential = 0
  publishedCount = 0
  publishedPotential = 0

  constructor(
    private readonly m: EngineModel,
    private readonly tt: TerritoryTable,
  ) {
    this.accPub = new Int32Array(m.accountIds.length).fill(NONE)
  }

  /**
   * Sets each account's published territory from `published`, giving territories known
   * only there a ghost slot. Without one, `current(a)` (the plan itself) is published.
   */
  assign(
    published: AlignmentInput | undefined,
    current: (a: number) => number,
  ): void {
    const { m, tt } = this
    const accPub = this.accPub
    accPub.fill(NONE)
    if (!published) {
      for (let a = 0; a < m.accountIds.length; a++) accPub[a] = current(a)
      return
    }
    const pubUnit = new Int32Array(m.unitIds.length).fill(NONE)
    for (const [unitId, terId] of Object.entries(published.assignments)) {
      const u = m.unitIndex.get(unitId)
      if (u !== undefined) pubUnit[u] = tt.ghost(terId)
    }
    for (let a = 0; a < m.accountIds.length; a++) {
      const u = m.accUnit[a]!
      accPub[a] = u === NONE ? NONE : pubUnit[u]!
    }
    for (const [accountId, terId] of Object.entries(published.overrides)) {
      const a = m.accountIndex.get(accountId)
      if (a !== undefined) accPub[a] = tt.ghost(terId)
    }
  }

  /** Zeroes the plan's disruption totals, before a rebuild that {@link tally}s every account. */
  clearTotals(): void {
    this.disruptedCount = 0
    this.disruptedPotential = 0
    this.publishedCount = 0
    this.publishedPotential = 0
  }

  /** Counts account a (potential p, now in territory t) into the totals, during a rebuild. */
  tally(a: number, t: number, p: number): void {
    const pub = this.accPub[a]!
    if (pub === NONE) return
    this.publishedCount++
    this.publishedPotential += p
    if (t !== pub) {
      this.tt.lostCount[pub]!++
      this.tt.lostPotential[pub]! += p
      this.disruptedCount++
      this.disruptedPotential += p
    }
  }

  /** Builds the per-unit groups: the distinct published territories of each unit's accounts. */
  buildGroups(): void {
    const { unitAccStart, unitAccIdx, unitIds } = this.m
    const n = unitIds.length
    const accPub = this.accPub
    const starts = new Int32Array(n + 1)
    let ters = new Int32Array(Math.max(16, n))
    let size = 0
    for (let u = 0; u < n; u++) {
      starts[u] = size
      for (let k = unitAccStart[u]!, end = unitAccStart[u + 1]!; k < end; k++) {
        const pub = accPub[unitAccIdx[k]!]!
        if (pub === NONE) continue
        let g = starts[u]!
        while (g < size && ters[g] !== pub) g++
        if (g < size) continue
        if (size === ters.length) {
          const bigger = new Int32Array(size * 2)
          bigger.set(ters)
          ters = bigger
        }
        ters[size++] = pub
      }
    }
    starts[n] = size
    this.start = starts
    this.ter = ters.subarray(0, size)
    this.count = new Float64Array(size)
    this.potential = new Float64Array(size)
  }

  /** The group of account a inside its unit u, −1 for none. */
  groupOf(a: number, u: number): number {
    const pub = this.accPub[a]!
    for (let g = this.start[u]!, end = this.start[u + 1]!; g < end; g++) {
      if (this.ter[g] === pub) return g
    }
    return -1
  }

  /** Account a (potential p) joins (sign 1) or leaves (−1) unit u's geographic accounts. */
  addAccount(a: number, u: number, sign: 1 | -1, p: number): void {
    const g = this.groupOf(a, u)
    if (g >= 0) {
      this.count[g]! += sign
      this.potential[g]! += sign * p
    }
  }

  /** Disruption follows unit u's geographic accounts from `from` to `to`. O(groups of u). */
  moveUnit(u: number, from: number, to: number): void {
    const { lostCount, lostPotential } = this.tt
    for (let g = this.start[u]!, end = this.start[u + 1]!; g < end; g++) {
      const pub = this.ter[g]!
      const change = (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)
      if (change === 0) continue
      const c = this.count[g]!
      const p = this.potential[g]!
      lostCount[pub]! += change * c
      lostPotential[pub]! += change * p
      this.disruptedCount += change * c
      this.disruptedPotential += change * p
    }
  }

  /** The change in disrupted accounts if unit u moved from `from` to `to`, without moving it. */
  unitChange(u: number, from: number, to: number): number {
    let delta = 0
    for (let g = this.start[u]!, end = this.start[u + 1]!; g < end; g++) {
      const pub = this.ter[g]!
      delta += ((to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)) * this.count[g]!
    }
    return delta
  }

  /** The change in disrupted accounts if account a moved from `from` to `to`. */
  accountChange(a: number, from: number, to: number): number {
    const pub = this.accPub[a]!
    return pub === NONE ? 0 : (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)
  }

  /** Disruption follows account a (potential p) from `from` to `to`. */
  moveAccount(a: number, p: number, from: number, to: number): void {
    const change = this.accountChange(a, from, to)
    if (change === 0) return
    const pub = this.accPub[a]!
    const tt = this.tt
    tt.lostCount[pub]! += change
    tt.lostPotential[pub]! += change * p
    this.disruptedCount += change
    this.disruptedPotential += change * p
  }

  /** The published alignment as ids; kept per account, so reported as overrides (exact). */
  alignment(ids: readonly string[]): AlignmentInput {
    const overrides: Record<string, string> = {}
    this.accPub.forEach((t, a) => {
      if (t !== NONE) overrides[this.m.accountIds[a]!] = ids[t]!
    })
    return { assignments: {}, overrides }
  }
}
