import { EARTH_RADIUS_KM } from '@tessera/geo'
import type { EngineModel } from './model.js'
import { NONE } from './plan-types.js'
import type { TerritoryTable } from './territory-table.js'

/**
 * Visit minutes × great-circle km from territory t's rep to account a (haversine, with
 * the radians and cosines of both ends precomputed: this runs once per account moved).
 */
export function visitKm(
  m: EngineModel,
  tt: TerritoryTable,
  t: number,
  a: number,
): number {
  const hLat = tt.homeLatRad[t]!
  if (Number.isNaN(hLat)) return 0
  const sLat = Math.sin((m.accLatRad[a]! - hLat) / 2)
  const sLon = Math.sin((m.accLonRad[a]! - tt.homeLonRad[t]!) / 2)
  const h = sLat * sLat + tt.homeCosLat[t]! * m.accCosLat[a]! * sLon * sLon
  return (
    m.accWorkload[a]! *
    2 *
    EARTH_RADIUS_KM *
    Math.asin(Math.min(1, Math.sqrt(h)))
  )
}

/**
 * The travel of each unit's geographic accounts (those without an override) to its
 * territory's rep, kept so a move can subtract the donor's share in O(1). The receiver's
 * share needs a distance per account, so it is deferred: moved units are queued and their
 * travel is added on the next read ({@link flush}); `balanceScore()` never waits for it.
 * `tt.travel` is exact only after a flush.
 */
export class TravelLedger {
  /** Travel the unit's geographic accounts add to its territory; valid unless the unit is pending. */
  readonly byUnit: Float64Array
  /** Units moved since travel was last read: their travel is added lazily, on read. */
  private readonly pending: Uint8Array
  private readonly pendingList: Int32Array
  private pendingCount = 0

  constructor(
    private readonly m: EngineModel,
    private readonly tt: TerritoryTable,
    private readonly unitTer: Int32Array,
    private readonly accOverride: Int32Array,
  ) {
    const n = m.unitIds.length
    this.byUnit = new Float64Array(n)
    this.pending = new Uint8Array(n)
    this.pendingList = new Int32Array(n)
  }

  /** Unit u is leaving territory `from`: take its travel out now, add the receiver's later. */
  moved(u: number, from: number): void {
    if (this.pending[u]) return
    if (from !== NONE) this.tt.travel[from]! -= this.byUnit[u]!
    this.pending[u] = 1
    this.pendingList[this.pendingCount++] = u
  }

  /** Adds the deferred travel of units moved since the last read. */
  flush(): void {
    const { travel } = this.tt
    for (let i = 0; i < this.pendingCount; i++) {
      const u = this.pendingList[i]!
      this.pending[u] = 0
      const t = this.unitTer[u]!
      const load = this.unitLoad(u, t)
      this.byUnit[u] = load
      if (t !== NONE) travel[t]! += load
    }
    this.pendingCount = 0
  }

  /** Travel of one unit's geographic accounts to territory t's rep. O(accounts in u). */
  unitLoad(u: number, t: number): number {
    const tt = this.tt
    if (t === NONE || Number.isNaN(tt.homeLon[t]!)) return 0
    const m = this.m
    let load = 0
    for (
      let k = m.unitAccStart[u]!, end = m.unitAccStart[u + 1]!;
      k < end;
      k++
    ) {
      const a = m.unitAccIdx[k]!
      if (this.accOverride[a] === NONE) load += visitKm(m, tt, t, a)
    }
    return load
  }

  /** Account a joins (sign 1) or leaves (−1) unit u's geographic accounts. */
  addAccount(u: number, a: number, sign: 1 | -1): void {
    const t = this.unitTer[u]!
    this.byUnit[u]! += sign * (t === NONE ? 0 : visitKm(this.m, this.tt, t, a))
  }

  /** Recomputes territory t's travel from scratch, after its rep moved. O(units + accounts). */
  rehome(t: number): void {
    this.flush()
    let load = 0
    for (let u = 0; u < this.unitTer.length; u++) {
      if (this.unitTer[u] !== t) continue
      this.byUnit[u] = this.unitLoad(u, t)
      load += this.byUnit[u]!
    }
    for (let a = 0; a < this.accOverride.length; a++) {
      if (this.accOverride[a] === t) load += visitKm(this.m, this.tt, t, a)
    }
    this.tt.travel[t] = load
  }

  /**
   * Rebuilds every unit's travel and adds it to its territory (whose travel must hold the
   * overridden accounts' share only). Inlined over local arrays: one distance per account
   * is the build's hot loop.
   */
  load(): void {
    this.pending.fill(0)
    this.pendingCount = 0
    const { unitAccStart, unitAccIdx, accWorkload } = this.m
    const { accLatRad, accLonRad, accCosLat } = this.m
    const { homeLatRad, homeLonRad, homeCosLat, travel } = this.tt
    const { byUnit, unitTer, accOverride: override } = this
    const twoR = 2 * EARTH_RADIUS_KM
    for (let u = 0; u < unitTer.length; u++) {
      const t = unitTer[u]!
      let load = 0
      if (t !== NONE && !Number.isNaN(homeLatRad[t]!)) {
        const hLat = homeLatRad[t]!
        const hLon = homeLonRad[t]!
        const hCos = homeCosLat[t]!
        for (
          let k = unitAccStart[u]!, end = unitAccStart[u + 1]!;
          k < end;
          k++
        ) {
          const a = unitAccIdx[k]!
          if (override[a] !== NONE) continue
          const sLat = Math.sin((accLatRad[a]! - hLat) / 2)
          const sLon = Math.sin((accLonRad[a]! - hLon) / 2)
          const h = sLat * sLat + hCos * accCosLat[a]! * sLon * sLon
          load += accWorkload[a]! * twoR * Math.asin(Math.min(1, Math.sqrt(h)))
        }
        travel[t]! += load
      }
      byUnit[u] = load
    }
  }
}
