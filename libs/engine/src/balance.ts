import type { BalanceSettings } from '@tessera/domain'
import { NONE } from './plan-types.js'
import {
  METRICS,
  METRIC_INDEX,
  balancePenalty,
  deviation,
  totalWeight,
} from './scores.js'
import type { TerritoryTable } from './territory-table.js'

const K = METRICS.length

/**
 * The plan's metric sums (assigned and unassigned) and the balance penalties derived from
 * them. A territory's penalty depends on its values and its target; targets depend on the
 * assigned totals and the territory count, so a change to either marks every penalty stale
 * and they are re-derived once, on the next read, instead of on every edit.
 */
export class BalanceLedger {
  readonly weightSum: number
  private readonly metricWeight = new Float64Array(K)
  /** Σ of each metric over live territories (what mean targets divide). */
  readonly total = new Float64Array(K)
  readonly unassigned = new Float64Array(K)
  private readonly penaltySum = new Float64Array(K)
  inBandCount = 0
  /** Targets depend on totals and the territory count; when those change, re-derive penalties. */
  stale = true

  constructor(
    readonly settings: BalanceSettings,
    private readonly tt: TerritoryTable,
  ) {
    this.weightSum = totalWeight(settings)
    for (const { metric, weight } of settings.metrics)
      this.metricWeight[METRIC_INDEX[metric]] = weight
  }

  /**
   * Moves the metric vector `vals[o … o+K)` from territory `from` to `to` (either may be
   * NONE, the unassigned pool). Penalties are left to {@link touch} or a stale refresh.
   */
  transfer(from: number, to: number, vals: Float64Array, o: number): void {
    const value = this.tt.value
    if (from === NONE) {
      for (let k = 0; k < K; k++) {
        this.unassigned[k]! -= vals[o + k]!
        this.total[k]! += vals[o + k]!
      }
      this.stale = true
    } else {
      const f = from * K
      for (let k = 0; k < K; k++) value[f + k]! -= vals[o + k]!
    }
    if (to === NONE) {
      for (let k = 0; k < K; k++) {
        this.unassigned[k]! += vals[o + k]!
        this.total[k]! -= vals[o + k]!
      }
      this.stale = true
    } else {
      const t = to * K
      for (let k = 0; k < K; k++) value[t + k]! += vals[o + k]!
    }
  }

  targetOf(t: number, k: number): number {
    if (this.settings.target === 'explicit') {
      const v = this.tt.explicitTarget[t * K + k]!
      if (!Number.isNaN(v)) return v
    }
    const alive = this.tt.aliveCount
    return alive ? this.total[k]! / alive : 0
  }

  /** Re-derives one territory's penalties and band flag after its values changed. */
  touch(t: number): void {
    const tt = this.tt
    if (this.stale || !tt.alive[t]) return
    const { value, penalty } = tt
    let inBand = 1
    for (const { metric } of this.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const d = deviation(value[t * K + k]!, this.targetOf(t, k))
      const pen = balancePenalty(d, this.settings.tolerance)
      this.penaltySum[k]! += pen - penalty[t * K + k]!
      penalty[t * K + k] = pen
      if (Math.abs(d) > this.settings.tolerance) inBand = 0
    }
    this.inBandCount += inBand - tt.inBand[t]!
    tt.inBand[t] = inBand
  }

  /** Re-derives every penalty if targets moved since the last read. */
  refresh(): void {
    if (!this.stale) return
    this.stale = false
    const tt = this.tt
    this.penaltySum.fill(0)
    tt.penalty.fill(0)
    tt.inBand.fill(0)
    this.inBandCount = 0
    for (let t = 0; t < tt.slots; t++) if (tt.alive[t]) this.touch(t)
  }

  /** The composite balance score: O(metrics) unless targets moved. */
  score(): number {
    this.refresh()
    const alive = this.tt.aliveCount
    if (alive === 0 || this.weightSum === 0) return 100
    let p = 0
    for (let k = 0; k < K; k++)
      p += (this.metricWeight[k]! * this.penaltySum[k]!) / alive
    return 100 * (1 - p / this.weightSum)
  }

  /**
   * The plan's balance penalty (weighted, per territory) and the change in the weighted
   * squared deviations if `vals[o … o+K)` moved from territory `from` to `to`. Penalties
   * must be fresh ({@link refresh}).
   */
  transferEffect(
    from: number,
    to: number,
    vals: Float64Array,
    o: number,
  ): { penalty: number; spread: number } {
    const { value, penalty } = this.tt
    const alive = this.tt.aliveCount
    let p = 0
    let spread = 0
    const tol = this.settings.tolerance
    for (const { metric, weight } of this.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const dFrom0 = deviation(value[from * K + k]!, this.targetOf(from, k))
      const dTo0 = deviation(value[to * K + k]!, this.targetOf(to, k))
      const dFrom = deviation(
        value[from * K + k]! - vals[o + k]!,
        this.targetOf(from, k),
      )
      const dTo = deviation(
        value[to * K + k]! + vals[o + k]!,
        this.targetOf(to, k),
      )
      const sum =
        this.penaltySum[k]! -
        penalty[from * K + k]! -
        penalty[to * K + k]! +
        balancePenalty(dFrom, tol) +
        balancePenalty(dTo, tol)
      p += (weight * sum) / alive
      spread +=
        weight * (dFrom * dFrom + dTo * dTo - dFrom0 * dFrom0 - dTo0 * dTo0)
    }
    return { penalty: p, spread }
  }

  /** The balance score a preview's penalty stands for. */
  scoreOf(penalty: number): number {
    return this.weightSum ? 100 * (1 - penalty / this.weightSum) : 100
  }
}
