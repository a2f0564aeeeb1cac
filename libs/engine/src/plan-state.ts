import type { BalanceMetric, BalanceSettings, LonLat } from '@tessera/domain'
import { type Result, err, ok } from '@tessera/domain'
import { GroupCounter } from './contiguity.js'
import { EARTH_RADIUS_KM } from '@tessera/geo'
import type { EngineModel } from './model.js'
import {
  METRICS,
  METRIC_INDEX,
  type PlanScore,
  type TerritoryScore,
  balancePenalty,
  deviation,
  totalWeight,
} from './scores.js'

/** A territory as the engine scores it. */
export interface TerritoryInput {
  id: string
  /** The rep's home base; null when no rep is assigned (no travel is scored). */
  repHome: LonLat | null
  capacityMinutes: number | null
  locked: boolean
  targets?: Partial<Record<BalanceMetric, number>> | undefined
}

export interface AlignmentInput {
  /** unitId → territoryId; units left out are unassigned. */
  assignments: Readonly<Record<string, string>>
  /** accountId → territoryId: named-account exceptions that ignore geography. */
  overrides: Readonly<Record<string, string>>
}

export interface PlanInput extends AlignmentInput {
  territories: readonly TerritoryInput[]
  /** The published alignment disruption is measured against; defaults to this plan itself. */
  published?: AlignmentInput | undefined
  settings: BalanceSettings
}

export interface Move {
  unitId: string
  /** null unassigns the unit. */
  to: string | null
}

/** What one edit changed in one territory, so a UI repaints just that row and its units. */
export interface TerritoryDelta {
  territoryId: string
  units: number
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  pieces: number
}

/** The effect of a move not yet made (see {@link PlanState.previewMove}). */
export interface MovePreview {
  unit: number
  from: number
  to: number
  balanceBefore: number
  balanceAfter: number
  /**
   * Change in the weighted sum of squared deviations of the two territories: a smooth
   * measure that still improves inside the tolerance band, for search to follow.
   */
  spreadDelta: number
  /** Change in accounts away from the published alignment. */
  disruptedDelta: number
  splitsDonor: boolean
  fromPerimeter: number
  toPerimeter: number
  fromArea: number
  toArea: number
}

export interface PlanWarning {
  kind: 'unknown-territory' | 'unknown-unit' | 'unknown-account'
  id: string
  detail: string
}

const NONE = -1
/** Per-territory columns that an edit changes, snapshotted to report deltas. */
const K = METRICS.length

/**
 * The incremental scoring state of one plan. Moving a unit touches only its accounts, its
 * neighbours and the two territories involved: sums, travel, disruption, area and perimeter
 * (via shared borders, O(degree)), cut edges, contiguity (a bounded search inside the donor
 * and receiver), and the plan's balance penalty sums. Worst deviation is found on read.
 *
 * Floating sums drift by rounding only (documented epsilon in the README);
 * {@link PlanState.resync} recomputes everything from scratch when a caller wants to reset it.
 */
export class PlanState {
  private readonly m: EngineModel
  private settings: BalanceSettings
  private weightSum: number
  private readonly metricWeight = new Float64Array(K)
  private readonly groups: GroupCounter
  private readonly seedBuf: Int32Array
  private readonly accBuf = new Float64Array(K)

  // unit and account state
  readonly unitTer: Int32Array
  readonly accOverride: Int32Array
  private readonly accPub: Int32Array

  // territory table (struct of arrays, grown by doubling)
  private cap = 0
  private ids: string[] = []
  private readonly index = new Map<string, number>()
  private alive = new Uint8Array(0)
  private locked = new Uint8Array(0)
  private homeLon = new Float64Array(0)
  private homeLat = new Float64Array(0)
  private homeLatRad = new Float64Array(0)
  private homeLonRad = new Float64Array(0)
  private homeCosLat = new Float64Array(0)
  private capacity = new Float64Array(0)
  private explicitTarget = new Float64Array(0) // cap × K, NaN = none
  private value = new Float64Array(0) // cap × K: accounts, potential, sales, workload
  private travel = new Float64Array(0)
  private area = new Float64Array(0)
  private perim = new Float64Array(0)
  private units = new Int32Array(0)
  private pieces = new Int32Array(0)
  private lostCount = new Float64Array(0)
  private lostPotential = new Float64Array(0)
  private penalty = new Float64Array(0) // cap × K
  private inBand = new Uint8Array(0)

  // per-unit aggregates of the accounts that follow geography (no override)
  private readonly uValue: Float64Array // n × K
  /** Travel those accounts add to the unit's territory; valid unless the unit is pending. */
  private readonly uTravel: Float64Array
  /** Units moved since travel was last read: their travel is added lazily, on read. */
  private readonly pending: Uint8Array
  private readonly pendingList: Int32Array
  private pendingCount = 0
  /** CSR per unit: the published territories of its accounts, with count and potential. */
  private unitPubStart = new Int32Array(0)
  private unitPubTer = new Int32Array(0)
  private unitPubCount = new Float64Array(0)
  private unitPubPot = new Float64Array(0)

  // plan aggregates
  private aliveCount = 0
  private readonly total = new Float64Array(K)
  private readonly unassignedValue = new Float64Array(K)
  private unassignedUnits = 0
  private readonly penaltySum = new Float64Array(K)
  private inBandCount = 0
  private cutEdges = 0
  private disruptedCount = 0
  private disruptedPotential = 0
  private publishedCount = 0
  private publishedPotential = 0
  /** Targets depend on totals and the territory count; when those change, re-derive penalties. */
  private penaltiesStale = true
  readonly warnings: PlanWarning[] = []

  constructor(model: EngineModel, plan: PlanInput) {
    this.m = model
    const n = model.unitIds.length
    this.settings = plan.settings
    this.weightSum = totalWeight(plan.settings)
    for (const { metric, weight } of plan.settings.metrics)
      this.metricWeight[METRIC_INDEX[metric]] = weight
    this.groups = new GroupCounter(model.adjStart, model.adjNbr, n)
    let maxDegree = 0
    for (let u = 0; u < n; u++)
      maxDegree = Math.max(
        maxDegree,
        model.adjStart[u + 1]! - model.adjStart[u]!,
      )
    this.seedBuf = new Int32Array(maxDegree)
    this.unitTer = new Int32Array(n).fill(NONE)
    this.uValue = new Float64Array(n * K)
    this.uTravel = new Float64Array(n)
    this.pending = new Uint8Array(n)
    this.pendingList = new Int32Array(n)
    this.accOverride = new Int32Array(model.accountIds.length).fill(NONE)
    this.accPub = new Int32Array(model.accountIds.length).fill(NONE)
    this.grow(Math.max(8, plan.territories.length))
    for (const t of plan.territories) {
      if (this.index.has(t.id)) {
        this.warnings.push({
          kind: 'unknown-territory',
          id: t.id,
          detail: 'listed twice; first kept',
        })
        continue
      }
      this.addTerritory(t)
    }
    this.load(plan)
  }

  // ───────────────────────────── reading ─────────────────────────────

  territoryIds(): string[] {
    return this.ids.filter((_, t) => this.alive[t])
  }

  territoryScore(territoryId: string): TerritoryScore | undefined {
    const t = this.index.get(territoryId)
    if (t === undefined || !this.alive[t]) return undefined
    this.refreshPenalties()
    this.flushTravel()
    return this.score(t)
  }

  territoryScores(): TerritoryScore[] {
    this.refreshPenalties()
    this.flushTravel()
    const out: TerritoryScore[] = []
    for (let t = 0; t < this.ids.length; t++)
      if (this.alive[t]) out.push(this.score(t))
    return out
  }

  /** The composite balance score alone: O(metrics) unless targets moved. */
  balanceScore(): number {
    this.refreshPenalties()
    if (this.aliveCount === 0 || this.weightSum === 0) return 100
    let p = 0
    for (let k = 0; k < K; k++)
      p += (this.metricWeight[k]! * this.penaltySum[k]!) / this.aliveCount
    return 100 * (1 - p / this.weightSum)
  }

  planScore(): PlanScore {
    this.refreshPenalties()
    this.flushTravel()
    let worst: PlanScore['worstDeviation'] = null
    let travelLoad = 0
    let travelWeight = 0
    let noncontiguous = 0
    for (let t = 0; t < this.ids.length; t++) {
      if (!this.alive[t]) continue
      if (this.pieces[t]! > 1) noncontiguous++
      if (!Number.isNaN(this.homeLon[t]!)) {
        travelLoad += this.travel[t]!
        travelWeight += this.value[t * K + 3]!
      }
      for (const { metric } of this.settings.metrics) {
        const k = METRIC_INDEX[metric]
        const d = deviation(this.value[t * K + k]!, this.targetOf(t, k))
        if (!worst || Math.abs(d) > Math.abs(worst.deviation))
          worst = { territoryId: this.ids[t]!, metric, deviation: d }
      }
    }
    return {
      territories: this.aliveCount,
      units: this.m.unitIds.length,
      accounts: this.total[0]! + this.unassignedValue[0]!,
      potential: this.total[1]! + this.unassignedValue[1]!,
      sales: this.total[2]! + this.unassignedValue[2]!,
      workloadMinutes: this.total[3]! + this.unassignedValue[3]!,
      balanceScore: this.balanceScore(),
      inBandShare: this.aliveCount ? this.inBandCount / this.aliveCount : 1,
      worstDeviation: worst,
      totalTravelLoad: travelLoad,
      meanTravelKm: travelWeight > 0 ? travelLoad / travelWeight : null,
      disruptedAccounts: this.disruptedCount,
      disruptedPotential: this.disruptedPotential,
      disruptedShare: this.publishedCount
        ? this.disruptedCount / this.publishedCount
        : 0,
      disruptedPotentialShare: this.publishedPotential
        ? this.disruptedPotential / this.publishedPotential
        : 0,
      cutEdges: this.cutEdges,
      noncontiguousTerritories: noncontiguous,
      unassigned: {
        units: this.unassignedUnits,
        accounts: this.unassignedValue[0]!,
        potential: this.unassignedValue[1]!,
      },
    }
  }

  territoryIndexOf(territoryId: string): number | undefined {
    const t = this.index.get(territoryId)
    return t !== undefined && this.alive[t] ? t : undefined
  }

  // ───────────────────────────── edits ─────────────────────────────

  /**
   * Moves units (all or nothing: every move is checked before any is applied) and returns
   * the deltas of the territories that changed.
   */
  applyMoves(moves: readonly Move[]): Result<TerritoryDelta[]> {
    const resolved = new Int32Array(moves.length * 2)
    for (let i = 0; i < moves.length; i++) {
      const mv = moves[i]!
      const u = this.m.unitIndex.get(mv.unitId)
      if (u === undefined) return err('NOT_FOUND', `unknown unit ${mv.unitId}`)
      const to = mv.to === null ? NONE : this.index.get(mv.to)
      if (to === undefined || (to !== NONE && !this.alive[to]))
        return err('NOT_FOUND', `unknown territory ${String(mv.to)}`)
      resolved[2 * i] = u
      resolved[2 * i + 1] = to
    }
    return ok(
      this.tracking(() => {
        for (let i = 0; i < moves.length; i++)
          this.moveUnit(resolved[2 * i]!, resolved[2 * i + 1]!)
      }),
    )
  }

  /** The hot path: move unit index `u` to territory index `to` (−1 unassigns). O(accounts in u + degree). */
  moveUnit(u: number, to: number): void {
    const from = this.unitTer[u]!
    if (from === to) return
    if (this.before) {
      this.capture(from)
      this.capture(to)
    }
    const m = this.m
    this.moveUnitAccounts(u, from, to)
    // Geometry and cut edges over the unit's neighbours, O(degree).
    let sharedFrom = 0
    let sharedTo = 0
    let nFrom = 0
    let nTo = 0
    const seeds = this.seedBuf
    for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
      const v = m.adjNbr[k]!
      const tv = this.unitTer[v]!
      if (tv === from) {
        sharedFrom += m.adjBorder[k]!
        this.cutEdges++
      } else if (tv === to) {
        sharedTo += m.adjBorder[k]!
        this.cutEdges--
      }
    }
    this.unitTer[u] = -2 // out of both while contiguity is counted
    if (from !== NONE) {
      this.units[from]!--
      this.area[from]! -= m.unitArea[u]!
      this.perim[from]! -= m.unitPerimeter[u]! - 2 * sharedFrom
      nFrom = this.collect(u, from, seeds)
      // The donor's piece around u splits into as many pieces as its neighbours fall into.
      this.pieces[from]! +=
        this.groups.count(seeds, nFrom, from, this.unitTer) - 1
      this.touch(from)
    } else this.unassignedUnits--
    if (to !== NONE) {
      this.units[to]!++
      this.area[to]! += m.unitArea[u]!
      this.perim[to]! += m.unitPerimeter[u]! - 2 * sharedTo
      nTo = this.collect(u, to, seeds)
      // u joins (and merges) the receiver's pieces it touches, or starts a new one. A
      // receiver in one piece needs no search: everything u touches is already joined.
      const joined =
        nTo > 0 && this.pieces[to] === 1
          ? 1
          : this.groups.count(seeds, nTo, to, this.unitTer)
      this.pieces[to]! += 1 - joined
      this.touch(to)
    } else this.unassignedUnits++
    this.unitTer[u] = to
  }

  /** Sets or clears (null) an account-level override. */
  setOverride(
    accountId: string,
    territoryId: string | null,
  ): Result<TerritoryDelta[]> {
    const a = this.m.accountIndex.get(accountId)
    if (a === undefined) return err('NOT_FOUND', `unknown account ${accountId}`)
    const to = territoryId === null ? NONE : this.index.get(territoryId)
    if (to === undefined || (to !== NONE && !this.alive[to]))
      return err('NOT_FOUND', `unknown territory ${String(territoryId)}`)
    return ok(this.tracking(() => this.setOverrideIndex(a, to)))
  }

  createTerritory(input: TerritoryInput): Result<TerritoryDelta[]> {
    const existing = this.index.get(input.id)
    if (existing !== undefined && this.alive[existing])
      return err('CONFLICT', `territory ${input.id} exists`)
    this.addTerritory(input)
    return ok([])
  }

  /** Changes a territory's rep, capacity, targets or lock; travel is recomputed when the rep moves. */
  updateTerritory(input: TerritoryInput): Result<TerritoryDelta[]> {
    const t = this.index.get(input.id)
    if (t === undefined || !this.alive[t])
      return err('NOT_FOUND', `unknown territory ${input.id}`)
    const [lon, lat] = input.repHome ?? [Number.NaN, Number.NaN]
    const homeMoved =
      !Object.is(lon, this.homeLon[t]) || !Object.is(lat, this.homeLat[t])
    this.setAttributes(t, input)
    if (homeMoved) {
      this.flushTravel()
      let load = 0
      for (let u = 0; u < this.unitTer.length; u++) {
        if (this.unitTer[u] !== t) continue
        this.uTravel[u] = this.unitTravel(u, t)
        load += this.uTravel[u]!
      }
      for (let a = 0; a < this.accOverride.length; a++) {
        if (this.accOverride[a] === t) load += this.visitKm(t, a)
      }
      this.travel[t] = load
    }
    this.penaltiesStale = true
    return ok([])
  }

  setLocked(territoryId: string, locked: boolean): Result<TerritoryDelta[]> {
    const t = this.index.get(territoryId)
    if (t === undefined || !this.alive[t])
      return err('NOT_FOUND', `unknown territory ${territoryId}`)
    this.locked[t] = locked ? 1 : 0
    return ok([])
  }

  /** Deletes an empty territory; one that still owns units or accounts is a CONFLICT (merge it instead). */
  deleteTerritory(territoryId: string): Result<TerritoryDelta[]> {
    const t = this.index.get(territoryId)
    if (t === undefined || !this.alive[t])
      return err('NOT_FOUND', `unknown territory ${territoryId}`)
    if (this.units[t]! > 0 || this.value[t * K]! > 0) {
      return err(
        'CONFLICT',
        `territory ${territoryId} still has ${this.units[t]} units and ${this.value[t * K]} accounts; merge or move them first`,
      )
    }
    this.alive[t] = 0
    this.aliveCount--
    this.penaltiesStale = true
    return ok([])
  }

  /** Moves every unit and override of `fromId` into `intoId`, then deletes `fromId`. */
  mergeTerritories(fromId: string, intoId: string): Result<TerritoryDelta[]> {
    const from = this.index.get(fromId)
    const into = this.index.get(intoId)
    if (from === undefined || !this.alive[from])
      return err('NOT_FOUND', `unknown territory ${fromId}`)
    if (into === undefined || !this.alive[into])
      return err('NOT_FOUND', `unknown territory ${intoId}`)
    if (from === into)
      return err('BAD_INPUT', 'a territory cannot be merged into itself')
    const deltas = this.tracking(() => {
      for (let u = 0; u < this.unitTer.length; u++)
        if (this.unitTer[u] === from) this.moveUnit(u, into)
      for (let a = 0; a < this.accOverride.length; a++)
        if (this.accOverride[a] === from) this.setOverrideIndex(a, into)
    })
    this.alive[from] = 0
    this.aliveCount--
    this.penaltiesStale = true
    return ok(deltas.filter((d) => d.territoryId !== fromId))
  }

  /** Recomputes every aggregate from the current assignment (drift control). */
  resync(): void {
    this.load(
      { ...this.currentAlignment(), settings: this.settings, territories: [] },
      true,
    )
  }

  /** The current alignment as plain ids (what a from-scratch scorer is given). */
  currentAlignment(): AlignmentInput {
    const assignments: Record<string, string> = {}
    this.unitTer.forEach((t, u) => {
      if (t !== NONE) assignments[this.m.unitIds[u]!] = this.ids[t]!
    })
    const overrides: Record<string, string> = {}
    this.accOverride.forEach((t, a) => {
      if (t !== NONE) overrides[this.m.accountIds[a]!] = this.ids[t]!
    })
    return { assignments, overrides }
  }

  territoryInputs(): TerritoryInput[] {
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

  publishedAlignment(): AlignmentInput {
    const overrides: Record<string, string> = {}
    // The published alignment is kept per account; report it as overrides, which is exact.
    this.accPub.forEach((t, a) => {
      if (t !== NONE) overrides[this.m.accountIds[a]!] = this.ids[t]!
    })
    return { assignments: {}, overrides }
  }

  // ───────────────────────────── previews ─────────────────────────────

  /**
   * What moving unit `u` to territory `to` would do, without doing it: the balance score
   * after, the two territories' new sums, perimeters and areas, the change in disrupted
   * accounts, and whether the donor would split. O(degree + groups) plus the donor's
   * contiguity search when `checkContiguity` is set. Travel is left to {@link previewTravel}
   * (it costs a distance per account). Returns null for a no-op or an unassigned unit.
   */
  previewMove(
    u: number,
    to: number,
    checkContiguity = true,
  ): MovePreview | null {
    const from = this.unitTer[u]!
    if (from === to || from === NONE || to === NONE) return null
    this.refreshPenalties()
    const m = this.m
    const o = u * K
    let shareFrom = 0
    let shareTo = 0
    let nFrom = 0
    for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
      const tv = this.unitTer[m.adjNbr[k]!]!
      if (tv === from) {
        shareFrom += m.adjBorder[k]!
        this.seedBuf[nFrom++] = m.adjNbr[k]!
      } else if (tv === to) shareTo += m.adjBorder[k]!
    }
    // Balance: only the two territories' penalties change (targets stay: totals are constant).
    const { penalty: p, spread } = this.transferEffect(from, to, this.uValue, o)
    const balanceAfter = this.weightSum ? 100 * (1 - p / this.weightSum) : 100
    let disruptedDelta = 0
    for (
      let g = this.unitPubStart[u]!, end = this.unitPubStart[u + 1]!;
      g < end;
      g++
    ) {
      const pub = this.unitPubTer[g]!
      disruptedDelta +=
        ((to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)) * this.unitPubCount[g]!
    }
    let splitsDonor = false
    if (checkContiguity && nFrom >= 2) {
      this.unitTer[u] = -2
      splitsDonor =
        this.groups.count(this.seedBuf, nFrom, from, this.unitTer) > 1
      this.unitTer[u] = from
    }
    return {
      unit: u,
      from,
      to,
      balanceBefore: this.balanceScore(),
      balanceAfter,
      spreadDelta: spread / this.weightSum,
      disruptedDelta,
      splitsDonor,
      fromPerimeter: this.perim[from]! - m.unitPerimeter[u]! + 2 * shareFrom,
      toPerimeter: this.perim[to]! + m.unitPerimeter[u]! - 2 * shareTo,
      fromArea: this.area[from]! - m.unitArea[u]!,
      toArea: this.area[to]! + m.unitArea[u]!,
    }
  }

  /**
   * What moving account `a` to territory `to` (as an override) would do to balance and
   * disruption, without doing it: O(metrics). Returns null for a no-op or an account that
   * is in no territory.
   */
  previewAccount(
    a: number,
    to: number,
  ): {
    balanceAfter: number
    spreadDelta: number
    disruptedDelta: number
  } | null {
    const from = this.effective(a)
    if (from === to || from === NONE || to === NONE) return null
    this.refreshPenalties()
    const m = this.m
    this.accBuf[0] = 1
    this.accBuf[1] = m.accPotential[a]!
    this.accBuf[2] = m.accSales[a]!
    this.accBuf[3] = m.accWorkload[a]!
    const { penalty, spread } = this.transferEffect(from, to, this.accBuf, 0)
    const pub = this.accPub[a]!
    return {
      balanceAfter: this.weightSum ? 100 * (1 - penalty / this.weightSum) : 100,
      spreadDelta: spread / this.weightSum,
      disruptedDelta:
        pub === NONE ? 0 : (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0),
    }
  }

  /** The optimizer's hot path for account-level moves: override account `a` to `to` (−1 clears it). */
  overrideAccount(a: number, to: number): void {
    this.setOverrideIndex(a, to)
  }

  /** The territory account `a` counts in now (override or its unit's), −1 for none. */
  territoryOfAccount(a: number): number {
    return this.effective(a)
  }

  /** The territory account `a` sat in in the published alignment, −1 for none. */
  publishedTerritoryOfAccount(a: number): number {
    return this.accPub[a]!
  }

  /** Territory index `t`'s value of `metric` and its target (by index: no allocation). */
  valueAt(t: number, metric: BalanceMetric): number {
    return this.value[t * K + METRIC_INDEX[metric]]!
  }

  targetAt(t: number, metric: BalanceMetric): number {
    this.refreshPenalties()
    return this.targetOf(t, METRIC_INDEX[metric])
  }

  /**
   * Moves `units` to territory `to`, calls `read`, and moves each back where it was: the
   * preview of a multi-unit move (a connected group), exact up to float rounding.
   */
  withUnitsMoved<T>(units: readonly number[], to: number, read: () => T): T {
    const back = units.map((u) => this.unitTer[u]!)
    for (const u of units) this.moveUnit(u, to)
    try {
      return read()
    } finally {
      for (let i = units.length - 1; i >= 0; i--)
        this.moveUnit(units[i]!, back[i]!)
    }
  }

  piecesAt(t: number): number {
    return this.pieces[t]!
  }

  areaAt(t: number): number {
    return this.area[t]!
  }

  perimeterAt(t: number): number {
    return this.perim[t]!
  }

  unitsAt(t: number): number {
    return this.units[t]!
  }

  /** Territory slots, alive or not: indexes run 0 … slots − 1. */
  get territorySlots(): number {
    return this.ids.length
  }

  /** Travel change of a previewed move (visit-minute km): the donor's saving and the receiver's cost. */
  previewTravel(u: number, to: number): { fromDelta: number; toDelta: number } {
    this.flushTravel()
    const from = this.unitTer[u]!
    return {
      fromDelta: from === NONE ? 0 : -this.uTravel[u]!,
      toDelta: this.unitTravel(u, to),
    }
  }

  /** Per-territory facts the optimizer reads by index (no allocation). */
  territoryAt(t: number): { id: string; locked: boolean; alive: boolean } {
    return {
      id: this.ids[t]!,
      locked: this.locked[t] === 1,
      alive: this.alive[t] === 1,
    }
  }

  isLockedIndex(t: number): boolean {
    return this.locked[t] === 1
  }

  unitValue(u: number, metric: BalanceMetric): number {
    return this.uValue[u * K + METRIC_INDEX[metric]]!
  }

  get balanceSettings(): BalanceSettings {
    return this.settings
  }

  get disrupted(): number {
    return this.disruptedCount
  }

  get model(): EngineModel {
    return this.m
  }

  // ───────────────────────────── internals ─────────────────────────────

  /**
   * The plan's balance penalty (weighted, per territory) and the change in the weighted
   * squared deviations if `vals[o … o+K)` moved from territory `from` to `to`.
   */
  private transferEffect(
    from: number,
    to: number,
    vals: Float64Array,
    o: number,
  ): { penalty: number; spread: number } {
    let p = 0
    let spread = 0
    const tol = this.settings.tolerance
    for (const { metric, weight } of this.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const dFrom0 = deviation(
        this.value[from * K + k]!,
        this.targetOf(from, k),
      )
      const dTo0 = deviation(this.value[to * K + k]!, this.targetOf(to, k))
      const dFrom = deviation(
        this.value[from * K + k]! - vals[o + k]!,
        this.targetOf(from, k),
      )
      const dTo = deviation(
        this.value[to * K + k]! + vals[o + k]!,
        this.targetOf(to, k),
      )
      const sum =
        this.penaltySum[k]! -
        this.penalty[from * K + k]! -
        this.penalty[to * K + k]! +
        balancePenalty(dFrom, tol) +
        balancePenalty(dTo, tol)
      p += (weight * sum) / this.aliveCount
      spread +=
        weight * (dFrom * dFrom + dTo * dTo - dFrom0 * dFrom0 - dTo0 * dTo0)
    }
    return { penalty: p, spread }
  }

  private effective(a: number): number {
    const o = this.accOverride[a]!
    if (o !== NONE) return o
    const u = this.m.accUnit[a]!
    return u === NONE ? NONE : this.unitTer[u]!
  }

  /**
   * Visit minutes × great-circle km from territory t's rep to account a (haversine, with
   * the radians and cosines of both ends precomputed: this runs once per account moved).
   */
  private visitKm(t: number, a: number): number {
    const hLat = this.homeLatRad[t]!
    if (Number.isNaN(hLat)) return 0
    const m = this.m
    const sLat = Math.sin((m.accLatRad[a]! - hLat) / 2)
    const sLon = Math.sin((m.accLonRad[a]! - this.homeLonRad[t]!) / 2)
    const h = sLat * sLat + this.homeCosLat[t]! * m.accCosLat[a]! * sLon * sLon
    return (
      m.accWorkload[a]! *
      2 *
      EARTH_RADIUS_KM *
      Math.asin(Math.min(1, Math.sqrt(h)))
    )
  }

  /**
   * Moves a unit's geographic accounts from one territory to another in O(published groups):
   * the unit's sums move whole; disruption moves per published territory; travel for the
   * receiver is deferred to the next read (it needs each account's distance to the new rep).
   */
  private moveUnitAccounts(u: number, from: number, to: number): void {
    const o = u * K
    const uv = this.uValue
    if (from === NONE) {
      for (let k = 0; k < K; k++) {
        this.unassignedValue[k]! -= uv[o + k]!
        this.total[k]! += uv[o + k]!
      }
      this.penaltiesStale = true
    } else {
      const f = from * K
      for (let k = 0; k < K; k++) this.value[f + k]! -= uv[o + k]!
    }
    if (to === NONE) {
      for (let k = 0; k < K; k++) {
        this.unassignedValue[k]! += uv[o + k]!
        this.total[k]! -= uv[o + k]!
      }
      this.penaltiesStale = true
    } else {
      const t = to * K
      for (let k = 0; k < K; k++) this.value[t + k]! += uv[o + k]!
    }
    if (!this.pending[u]) {
      if (from !== NONE) this.travel[from]! -= this.uTravel[u]!
      this.pending[u] = 1
      this.pendingList[this.pendingCount++] = u
    }
    for (
      let g = this.unitPubStart[u]!, end = this.unitPubStart[u + 1]!;
      g < end;
      g++
    ) {
      const pub = this.unitPubTer[g]!
      const change = (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)
      if (change === 0) continue
      const c = this.unitPubCount[g]!
      const p = this.unitPubPot[g]!
      this.lostCount[pub]! += change * c
      this.lostPotential[pub]! += change * p
      this.disruptedCount += change * c
      this.disruptedPotential += change * p
    }
  }

  /** Travel of one unit's geographic accounts to territory t's rep. O(accounts in u). */
  private unitTravel(u: number, t: number): number {
    if (t === NONE || Number.isNaN(this.homeLon[t]!)) return 0
    const m = this.m
    let load = 0
    for (
      let k = m.unitAccStart[u]!, end = m.unitAccStart[u + 1]!;
      k < end;
      k++
    ) {
      const a = m.unitAccIdx[k]!
      if (this.accOverride[a] === NONE) load += this.visitKm(t, a)
    }
    return load
  }

  /** Adds the deferred travel of units moved since the last read. */
  private flushTravel(): void {
    for (let i = 0; i < this.pendingCount; i++) {
      const u = this.pendingList[i]!
      this.pending[u] = 0
      const t = this.unitTer[u]!
      const load = this.unitTravel(u, t)
      this.uTravel[u] = load
      if (t !== NONE) this.travel[t]! += load
    }
    this.pendingCount = 0
  }

  /** The published group of account a inside its unit. */
  private groupOf(a: number, u: number): number {
    const pub = this.accPub[a]!
    for (
      let g = this.unitPubStart[u]!, end = this.unitPubStart[u + 1]!;
      g < end;
      g++
    ) {
      if (this.unitPubTer[g] === pub) return g
    }
    return -1
  }

  /** Adds (sign 1) or removes (−1) account a from its unit's geographic aggregates. */
  private unitAccount(a: number, u: number, sign: 1 | -1): void {
    const m = this.m
    const o = u * K
    this.uValue[o]! += sign
    this.uValue[o + 1]! += sign * m.accPotential[a]!
    this.uValue[o + 2]! += sign * m.accSales[a]!
    this.uValue[o + 3]! += sign * m.accWorkload[a]!
    this.uTravel[u]! +=
      sign * (this.unitTer[u] === NONE ? 0 : this.visitKm(this.unitTer[u]!, a))
    const g = this.groupOf(a, u)
    if (g >= 0) {
      this.unitPubCount[g]! += sign
      this.unitPubPot[g]! += sign * m.accPotential[a]!
    }
  }

  /** Moves one account's metrics, travel and disruption from territory `from` to `to`. */
  private moveAccount(a: number, from: number, to: number): void {
    const m = this.m
    const p = m.accPotential[a]!
    const s = m.accSales[a]!
    const w = m.accWorkload[a]!
    if (from === NONE) {
      this.unassignedValue[0]!--
      this.unassignedValue[1]! -= p
      this.unassignedValue[2]! -= s
      this.unassignedValue[3]! -= w
      this.addTotals(1, p, s, w)
    } else {
      const o = from * K
      this.value[o]!--
      this.value[o + 1]! -= p
      this.value[o + 2]! -= s
      this.value[o + 3]! -= w
      this.travel[from]! -= this.visitKm(from, a)
    }
    if (to === NONE) {
      this.unassignedValue[0]!++
      this.unassignedValue[1]! += p
      this.unassignedValue[2]! += s
      this.unassignedValue[3]! += w
      this.addTotals(-1, -p, -s, -w)
    } else {
      const o = to * K
      this.value[o]!++
      this.value[o + 1]! += p
      this.value[o + 2]! += s
      this.value[o + 3]! += w
      this.travel[to]! += this.visitKm(to, a)
    }
    const pub = this.accPub[a]!
    if (pub !== NONE) {
      const change = (to !== pub ? 1 : 0) - (from !== pub ? 1 : 0)
      if (change !== 0) {
        this.lostCount[pub]! += change
        this.lostPotential[pub]! += change * p
        this.disruptedCount += change
        this.disruptedPotential += change * p
      }
    }
  }

  /** Assigned totals change only when accounts enter or leave "unassigned". */
  private addTotals(c: number, p: number, s: number, w: number): void {
    this.total[0]! += c
    this.total[1]! += p
    this.total[2]! += s
    this.total[3]! += w
    this.penaltiesStale = true
  }

  private setOverrideIndex(a: number, to: number): void {
    this.flushTravel()
    const before = this.effective(a)
    const unit = this.m.accUnit[a]!
    const geographic = unit === NONE ? NONE : this.unitTer[unit]!
    // The account leaves or rejoins its unit's geographic aggregates.
    const wasGeographic = this.accOverride[a] === NONE
    const isGeographic = to === NONE
    if (unit !== NONE && wasGeographic && !isGeographic)
      this.unitAccount(a, unit, -1)
    if (unit !== NONE && !wasGeographic && isGeographic)
      this.unitAccount(a, unit, 1)
    this.accOverride[a] = to
    const after = to === NONE ? geographic : to
    if (before !== after) {
      this.capture(before)
      this.capture(after)
      this.moveAccount(a, before, after)
      if (before !== NONE) this.touch(before)
      if (after !== NONE) this.touch(after)
    }
  }

  /** Neighbours of u owned by territory t, into `out`; returns how many. */
  private collect(u: number, t: number, out: Int32Array): number {
    let c = 0
    for (
      let k = this.m.adjStart[u]!, end = this.m.adjStart[u + 1]!;
      k < end;
      k++
    ) {
      const v = this.m.adjNbr[k]!
      if (this.unitTer[v] === t) out[c++] = v
    }
    return c
  }

  private targetOf(t: number, k: number): number {
    if (this.settings.target === 'explicit') {
      const v = this.explicitTarget[t * K + k]!
      if (!Number.isNaN(v)) return v
    }
    return this.aliveCount ? this.total[k]! / this.aliveCount : 0
  }

  /** Re-derives one territory's penalties and band flag after its values changed. */
  private touch(t: number): void {
    if (this.penaltiesStale || !this.alive[t]) return
    let inBand = 1
    for (const { metric } of this.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const d = deviation(this.value[t * K + k]!, this.targetOf(t, k))
      const pen = balancePenalty(d, this.settings.tolerance)
      this.penaltySum[k]! += pen - this.penalty[t * K + k]!
      this.penalty[t * K + k] = pen
      if (Math.abs(d) > this.settings.tolerance) inBand = 0
    }
    this.inBandCount += inBand - this.inBand[t]!
    this.inBand[t] = inBand
  }

  private refreshPenalties(): void {
    if (!this.penaltiesStale) return
    this.penaltiesStale = false
    this.penaltySum.fill(0)
    this.penalty.fill(0)
    this.inBand.fill(0)
    this.inBandCount = 0
    for (let t = 0; t < this.ids.length; t++) if (this.alive[t]) this.touch(t)
  }

  /** Territory columns before the current edit touched them; set only while tracking. */
  private before: Map<number, Float64Array> | undefined

  private capture(t: number): void {
    if (t !== NONE && this.before && !this.before.has(t))
      this.before.set(t, this.columns(t))
  }

  /** Runs an edit and reports the deltas of the territories it touched. */
  private tracking(edit: () => void): TerritoryDelta[] {
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
        territoryId: this.ids[t]!,
        units: a[0]! - b[0]!,
        accounts: a[1]! - b[1]!,
        potential: a[2]! - b[2]!,
        sales: a[3]! - b[3]!,
        workloadMinutes: a[4]! - b[4]!,
        pieces: a[5]! - b[5]!,
      })
    }
    return out
  }

  private columns(t: number): Float64Array {
    const o = t * K
    return Float64Array.of(
      this.units[t]!,
      this.value[o]!,
      this.value[o + 1]!,
      this.value[o + 2]!,
      this.value[o + 3]!,
      this.pieces[t]!,
    )
  }

  private score(t: number): TerritoryScore {
    const o = t * K
    const capacity = Number.isNaN(this.capacity[t]!) ? null : this.capacity[t]!
    const workload = this.value[o + 3]!
    const hasRep = !Number.isNaN(this.homeLon[t]!)
    const area = this.area[t]!
    const perim = this.perim[t]!
    const targets: Partial<Record<BalanceMetric, number>> = {}
    const deviations: Partial<Record<BalanceMetric, number>> = {}
    for (const { metric } of this.settings.metrics) {
      const k = METRIC_INDEX[metric]
      const target = this.targetOf(t, k)
      targets[metric] = target
      deviations[metric] = deviation(this.value[o + k]!, target)
    }
    return {
      territoryId: this.ids[t]!,
      units: this.units[t]!,
      accounts: this.value[o]!,
      potential: this.value[o + 1]!,
      sales: this.value[o + 2]!,
      workloadMinutes: workload,
      capacityMinutes: capacity,
      utilization:
        capacity !== null && capacity > 0 ? workload / capacity : null,
      travelKm: hasRep && workload > 0 ? this.travel[t]! / workload : null,
      travelLoad: hasRep ? this.travel[t]! : 0,
      areaKm2: area,
      perimeterKm: perim,
      polsbyPopper:
        perim > 0 ? Math.min(1, (4 * Math.PI * area) / (perim * perim)) : 0,
      pieces: this.pieces[t]!,
      contiguous: this.pieces[t]! <= 1,
      disruptedAccounts: this.lostCount[t]!,
      disruptedPotential: this.lostPotential[t]!,
      targets,
      deviations,
      inBand: this.inBand[t] === 1,
      locked: this.locked[t] === 1,
    }
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

  private addTerritory(input: TerritoryInput): number {
    let t = this.index.get(input.id)
    if (t === undefined) {
      t = this.ids.length
      this.grow(t + 1)
      this.ids.push(input.id)
      this.index.set(input.id, t)
    }
    this.alive[t] = 1
    this.aliveCount++
    this.setAttributes(t, input)
    this.penaltiesStale = true
    return t
  }

  /** A slot for a territory known only from the published alignment (for disruption). */
  private ghost(id: string): number {
    let t = this.index.get(id)
    if (t === undefined) {
      t = this.ids.length
      this.grow(t + 1)
      this.ids.push(id)
      this.index.set(id, t)
    }
    return t
  }

  private setAttributes(t: number, input: TerritoryInput): void {
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

  /** Per-unit sums, travel and published groups of the accounts that follow geography. */
  private loadUnitAggregates(): void {
    const m = this.m
    const n = m.unitIds.length
    const { unitAccStart, unitAccIdx, accPotential, accSales, accWorkload } = m
    const accPub = this.accPub
    const override = this.accOverride
    const uValue = this.uValue
    uValue.fill(0)
    this.pending.fill(0)
    this.pendingCount = 0
    // Groups: the distinct published territories among each unit's accounts (usually one).
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
    const counts = new Float64Array(size)
    const pots = new Float64Array(size)
    for (let u = 0; u < n; u++) {
      const o = u * K
      const g0 = starts[u]!
      const g1 = starts[u + 1]!
      for (let k = unitAccStart[u]!, end = unitAccStart[u + 1]!; k < end; k++) {
        const a = unitAccIdx[k]!
        if (override[a] !== NONE) continue
        const p = accPotential[a]!
        uValue[o]!++
        uValue[o + 1]! += p
        uValue[o + 2]! += accSales[a]!
        uValue[o + 3]! += accWorkload[a]!
        const pub = accPub[a]!
        for (let g = g0; g < g1; g++) {
          if (ters[g] === pub) {
            counts[g]!++
            pots[g]! += p
            break
          }
        }
      }
    }
    // Travel per unit, inlined over local arrays: one distance per account (the load's hot loop).
    const { accLatRad, accLonRad, accCosLat } = m
    const { homeLatRad, homeLonRad, homeCosLat, travel, uTravel, unitTer } =
      this
    const twoR = 2 * EARTH_RADIUS_KM
    for (let u = 0; u < n; u++) {
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
      uTravel[u] = load
    }
    this.unitPubStart = starts
    this.unitPubTer = ters.subarray(0, size)
    this.unitPubCount = counts
    this.unitPubPot = pots
  }

  /** (Re)builds every aggregate from an alignment in O(units + accounts + edges). */
  private load(plan: PlanInput, keepPublished = false): void {
    const m = this.m
    const resolve = (id: string, what: string, owner: string): number => {
      const t = this.index.get(id)
      if (t !== undefined && this.alive[t]) return t
      this.warnings.push({
        kind: 'unknown-territory',
        id,
        detail: `${what} ${owner} left unassigned`,
      })
      return NONE
    }
    this.unitTer.fill(NONE)
    for (const [unitId, terId] of Object.entries(plan.assignments)) {
      const u = m.unitIndex.get(unitId)
      if (u === undefined) {
        this.warnings.push({
          kind: 'unknown-unit',
          id: unitId,
          detail: 'assignment ignored',
        })
        continue
      }
      this.unitTer[u] = resolve(terId, 'unit', unitId)
    }
    this.accOverride.fill(NONE)
    for (const [accountId, terId] of Object.entries(plan.overrides)) {
      const a = m.accountIndex.get(accountId)
      if (a === undefined) {
        this.warnings.push({
          kind: 'unknown-account',
          id: accountId,
          detail: 'override ignored',
        })
        continue
      }
      this.accOverride[a] = resolve(terId, 'account', accountId)
    }
    if (!keepPublished) {
      const published = plan.published
      this.accPub.fill(NONE)
      if (!published) {
        for (let a = 0; a < m.accountIds.length; a++)
          this.accPub[a] = this.effective(a)
      } else {
        const pubUnit = new Int32Array(m.unitIds.length).fill(NONE)
        for (const [unitId, terId] of Object.entries(published.assignments)) {
          const u = m.unitIndex.get(unitId)
          if (u !== undefined) pubUnit[u] = this.ghost(terId)
        }
        for (let a = 0; a < m.accountIds.length; a++) {
          const u = m.accUnit[a]!
          this.accPub[a] = u === NONE ? NONE : pubUnit[u]!
        }
        for (const [accountId, terId] of Object.entries(published.overrides)) {
          const a = m.accountIndex.get(accountId)
          if (a !== undefined) this.accPub[a] = this.ghost(terId)
        }
      }
    }
    // Sums
    this.value.fill(0)
    this.travel.fill(0)
    this.area.fill(0)
    this.perim.fill(0)
    this.units.fill(0)
    this.pieces.fill(0)
    this.lostCount.fill(0)
    this.lostPotential.fill(0)
    this.total.fill(0)
    this.unassignedValue.fill(0)
    this.unassignedUnits = 0
    this.disruptedCount = 0
    this.disruptedPotential = 0
    this.publishedCount = 0
    this.publishedPotential = 0
    for (let a = 0; a < m.accountIds.length; a++) {
      const t = this.effective(a)
      const p = m.accPotential[a]!
      const sales = m.accSales[a]!
      const w = m.accWorkload[a]!
      if (t === NONE) {
        this.unassignedValue[0]!++
        this.unassignedValue[1]! += p
        this.unassignedValue[2]! += sales
        this.unassignedValue[3]! += w
      } else {
        const o = t * K
        this.value[o]!++
        this.value[o + 1]! += p
        this.value[o + 2]! += sales
        this.value[o + 3]! += w
        // Geographic accounts' travel is summed per unit below (one distance per account).
        if (this.accOverride[a] !== NONE) this.travel[t]! += this.visitKm(t, a)
      }
      const pub = this.accPub[a]!
      if (pub !== NONE) {
        this.publishedCount++
        this.publishedPotential += p
        if (t !== pub) {
          this.lostCount[pub]!++
          this.lostPotential[pub]! += p
          this.disruptedCount++
          this.disruptedPotential += p
        }
      }
    }
    for (let t = 0; t < this.ids.length; t++) {
      if (!this.alive[t]) continue
      for (let k = 0; k < K; k++) this.total[k]! += this.value[t * K + k]!
    }
    this.loadUnitAggregates()
    this.cutEdges = 0
    for (let u = 0; u < m.unitIds.length; u++) {
      const t = this.unitTer[u]!
      if (t === NONE) {
        this.unassignedUnits++
      } else {
        this.units[t]!++
        this.area[t]! += m.unitArea[u]!
        this.perim[t]! += m.unitPerimeter[u]!
      }
      for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
        const v = m.adjNbr[k]!
        if (v < u) continue
        if (this.unitTer[v] !== t) this.cutEdges++
        else if (t !== NONE) this.perim[t]! -= 2 * m.adjBorder[k]!
      }
    }
    // Pieces: one search per unvisited unit, confined to its territory.
    const seen = new Uint8Array(m.unitIds.length)
    const queue = new Int32Array(m.unitIds.length)
    for (let s = 0; s < m.unitIds.length; s++) {
      const t = this.unitTer[s]!
      if (t === NONE || seen[s]) continue
      this.pieces[t]!++
      seen[s] = 1
      let head = 0
      let tail = 0
      queue[tail++] = s
      while (head < tail) {
        const u = queue[head++]!
        for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
          const v = m.adjNbr[k]!
          if (!seen[v] && this.unitTer[v] === t) {
            seen[v] = 1
            queue[tail++] = v
          }
        }
      }
    }
    this.penaltiesStale = true
  }
}
