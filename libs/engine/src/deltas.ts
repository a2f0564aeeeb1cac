import type { TerritoryDelta } from './plan-types.js'
import { NONE } from './plan-types.js'
import { METRICS } from './scores.js'
import type { TerritoryTable } from './territory-table.js'

const K = METRICS.length

/**
 * Reports what an edit changed, per territory: the columns of each territory are
 * snapshotted the first time the edit touches it and compared after. Outside an edit
 * (`active` false) nothing is captured, so the optimizer's hot path pays one branch.
 */
export class DeltaTracker {
  /** Territory columns before the current edit touched them; set only while tracking. */
  private before: Map<number, Float64Array> | undefined

  constructor(private readonly tt: TerritoryTable) {}

  get active(): boolean {
    return this.before !== undefined
  }

  /** Snapshots territory t unless it is NONE, already captured, or no edit is tracked. */
  capture(t: number): void {
    if (t !== NONE && this.before && !this.before.has(t))
      this.before.set(t, this.columns(t))
  }

  /** Runs an edit and reports the deltas of the territories it touched. */
  track(edit: () => void): TerritoryDelta[] {
    const before = new Map<number, Float64Array>()
    this.before = before
    try {
      edit()
    } finally {
      this.before = undefined
    }
    const out: TerritoryDelta[] = []
    for (const [t, b] of before) {
      const a = this.columns(t)
      out.push({
        territoryId: this.tt.ids[t]!,
        units: a[0]! - b[0]!,
        accounts: a[1]! - b[1]!,
        potential: a[2]! - b[2]!,
        sales: a[3]! - b[3]!,
        workloadMinutes: a[4]! - b[4]!,
        forecast: a[5]! - b[5]!,
        pieces: a[6]! - b[6]!,
      })
    }
    return out
  }

  private columns(t: number): Float64Array {
    const { units, value, pieces } = this.tt
    const o = t * K
    return Float64Array.of(
      units[t]!,
      value[o]!,
      value[o + 1]!,
      value[o + 2]!,
      value[o + 3]!,
      value[o + 4]!,
      pieces[t]!,
    )
  }
}
