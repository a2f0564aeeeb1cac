import type { BalanceMetric } from '@tessera/domain'
import { METRICS } from './scores.js'
import type { TerritoryInput } from './plan-types.js'

const K = METRICS.length

/**
 * Every per-territory column of a plan, as a struct of typed arrays indexed by territory
 * slot, so the hot loops read flat memory. Slots are never reused: a deleted territory
 * keeps its slot (alive = 0), and one known only from the published alignment gets a
 * "ghost" slot that is never alive. Columns grow by doubling, so callers must read them
 * through the table (not keep a column across an edit that may add a territory).
 */
export class TerritoryTable {
  /** Allocated slots; `ids.length` of them are in use. */
  private cap = 0
  readonly ids: string[] = []
  readonly index = new Map<string, number>()
  aliveCount = 0
  alive = new Uint8Array(0)
  locked = new Uint8Array(0)
  /** The rep's home in degrees (NaN without a rep) and in radians, with its latitude's cosine for haversine. */
  homeLon = new Float64Array(0)
  homeLat = new Float64Array(0)
  homeLatRad = new Float64Array(0)
  homeLonRad = new Float64Array(0)
  homeCosLat = new Float64Array(0)
  capacity = new Float64Array(0) // NaN = none
  explicitTarget = new Float64Array(0) // cap × K, NaN = none
  value = new Float64Array(0) // cap × K: accounts, potential, sales, workload, forecast
  /** Σ visit minutes × km to the rep (see travel.ts for when it lags). */
  travel = new Float64Array(0)
  area = new Float64Array(0)
  perim = new Float64Array(0)
  units = new Int32Array(0)
  pieces = new Int32Array(0)
  /** Accounts (and their potential) published in this territory that now sit elsewhere. */
  lostCount = new Float64Array(0)
  lostPotential = new Float64Array(0)
  penalty = new Float64Array(0) // cap × K
  inBand = new Uint8Array(0)

  constructor(capacity: number) {
    this.grow(capacity)
  }

  /** Territory slots, alive or not: indexes run 0 … slots − 1. */
  get slots(): number {
    return this.ids.length
  }

  /** The slot of a live territory, or undefined. */
  aliveIndex(id: string): number | undefined {
    const t = this.index.get(id)
    return t !== undefined && this.alive[t] ? t : undefined
  }

  /** Adds a territory, or revives the slot of a deleted or ghost one with the same id. */
  add(input: TerritoryInput): number {
    const t = this.slot(input.id)
    this.alive[t] = 1
    this.aliveCount++
    this.setAttributes(t, input)
    return t
  }

  /** Marks territory t deleted; its slot stays, so indexes held elsewhere remain valid. */
  remove(t: number): void {
    this.alive[t] = 0
    this.aliveCount--
  }

  /** A slot for a territory known only from the published alignment (for disruption). */
  ghost(id: string): number {
    return this.slot(id)
  }

  /** Sets everything about territory t that comes from its input rather than its units. */
  setAttributes(t: number, input: TerritoryInput): void {
    this.locked[t] = input.locked ? 1 : 0
    const home = input.repHome
    const ok =
      home !== null && Number.isFinite(home[0]) && Number.isFinite(home[1])
    this.homeLon[t] = ok ? home[0] : Number.NaN
    this.homeLat[t] = ok ? home[1] : Number.NaN
    this.homeLatRad[t] = (this.homeLat[t]! * Math.PI) / 180
    this.homeLonRad[t] = (this.homeLon[t]! * Math.PI) / 180
    this.homeCosLat[t] = Math.cos(this.homeLatRad[t]!)
    const c = input.capacityMinutes
    this.capacity[t] =
      c !== null && Number.isFinite(c) && c >= 0 ? c : Number.NaN
    METRICS.forEach((metric, k) => {
      const v = input.targets?.[metric]
      this.explicitTarget[t * K + k] =
        v !== undefined && Number.isFinite(v) && v >= 0 ? v : Number.NaN
    })
  }

  /** The live territories as inputs again (what they were created or last updated with). */
  inputs(): TerritoryInput[] {
    const out: TerritoryInput[] = []
    for (let t = 0; t < this.ids.length; t++) {
      if (!this.alive[t]) continue
      const targets: Partial<Record<BalanceMetric, number>> = {}
      METRICS.forEach((metric, k) => {
        const v = this.explicitTarget[t * K + k]!
        if (!Number.isNaN(v)) targets[metric] = v
      })
      out.push({
        id: this.ids[t]!,
        repHome: Number.isNaN(this.homeLon[t]!)
          ? null
          : [this.homeLon[t]!, this.homeLat[t]!],
        capacityMinutes: Number.isNaN(this.capacity[t]!)
          ? null
          : this.capacity[t]!,
        locked: this.locked[t] === 1,
        targets,
      })
    }
    return out
  }

  /** Zeroes the columns derived from the alignment, before a rebuild. */
  clearSums(): void {
    this.value.fill(0)
    this.travel.fill(0)
    this.area.fill(0)
    this.perim.fill(0)
    this.units.fill(0)
    this.pieces.fill(0)
    this.lostCount.fill(0)
    this.lostPotential.fill(0)
  }

  private slot(id: string): number {
    let t = this.index.get(id)
    if (t === undefined) {
      t = this.ids.length
      this.grow(t + 1)
      this.ids.push(id)
      this.index.set(id, t)
    }
    return t
  }

  private grow(min: number): void {
    if (min <= this.cap) return
    const cap = Math.max(min, this.cap * 2)
    const f64 = (old: Float64Array, per = 1, fillNaN = false) => {
      const next = new Float64Array(cap * per)
      if (fillNaN) next.fill(Number.NaN)
      next.set(old)
      return next
    }
    const i32 = (old: Int32Array) => {
      const next = new Int32Array(cap)
      next.set(old)
      return next
    }
    const u8 = (old: Uint8Array) => {
      const next = new Uint8Array(cap)
      next.set(old)
      return next
    }
    this.alive = u8(this.alive)
    this.locked = u8(this.locked)
    this.inBand = u8(this.inBand)
    this.homeLon = f64(this.homeLon, 1, true)
    this.homeLat = f64(this.homeLat, 1, true)
    this.homeLatRad = f64(this.homeLatRad, 1, true)
    this.homeLonRad = f64(this.homeLonRad, 1, true)
    this.homeCosLat = f64(this.homeCosLat, 1, true)
    this.capacity = f64(this.capacity, 1, true)
    this.explicitTarget = f64(this.explicitTarget, K, true)
    this.value = f64(this.value, K)
    this.penalty = f64(this.penalty, K)
    this.travel = f64(this.travel)
    this.area = f64(this.area)
    this.perim = f64(this.perim)
    this.lostCount = f64(this.lostCount)
    this.lostPotential = f64(this.lostPotential)
    this.units = i32(this.units)
    this.pieces = i32(this.pieces)
    this.cap = cap
  }
}
