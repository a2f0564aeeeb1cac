import type { BalanceMetric, BalanceSettings } from '@tessera/domain'
import { type Result, err, ok } from '@tessera/domain'
import { DeltaTracker } from './deltas.js'
import type { EngineModel } from './model.js'
import { alignmentOf, loadPlan } from './plan-load.js'
import {
  type PlanParts,
  addToUnit,
  createParts,
  effectiveTerritory,
  transferAccount,
} from './plan-parts.js'
import {
  type AccountPreview,
  type AlignmentInput,
  type Move,
  type MovePreview,
  NONE,
  type PlanInput,
  type PlanWarning,
  type TerritoryDelta,
  type TerritoryInput,
} from './plan-types.js'
import { previewAccountMove, previewUnitMove } from './previews.js'
import {
  METRICS,
  METRIC_INDEX,
  type PlanScore,
  type TerritoryScore,
} from './scores.js'
import { scorePlan, scoreTerritory } from './territory-score.js'

export type {
  AccountPreview,
  AlignmentInput,
  Move,
  MovePreview,
  PlanInput,
  PlanWarning,
  TerritoryDelta,
  TerritoryInput,
} from './plan-types.js'

const K = METRICS.length

/**
 * The incremental scoring state of one plan. Moving a unit touches only its accounts, its
 * neighbours and the two territories involved: sums, travel, disruption, area and perimeter
 * (via shared borders, O(degree)), cut edges, contiguity (a bounded search inside the donor
 * and receiver), and the plan's balance penalty sums. Worst deviation is found on read.
 *
 * The columns live in parts this class owns (plan-parts.ts): the territory table, the
 * balance sums and penalties, the published groups (disruption) and the lazy travel. This
 * class holds the edits that keep them consistent with each other.
 *
 * Floating sums drift by rounding only (documented epsilon in the README);
 * {@link PlanState.resync} recomputes everything from scratch when a caller wants to reset it.
 */
export class PlanState {
  private readonly p: PlanParts
  private readonly deltas: DeltaTracker
  readonly unitTer: Int32Array
  readonly accOverride: Int32Array
  readonly warnings: PlanWarning[]
  private unassignedUnits = 0
  private cutEdges = 0

  constructor(model: EngineModel, plan: PlanInput) {
    this.p = createParts(model, plan)
    this.unitTer = this.p.unitTer
    this.accOverride = this.p.accOverride
    this.warnings = this.p.warnings
    this.deltas = new DeltaTracker(this.p.tt)
    this.load(plan, false)
  }

  // ───────────────────────────── reading ─────────────────────────────

  territoryIds(): string[] {
    const tt = this.p.tt
    return tt.ids.filter((_, t) => tt.alive[t])
  }

  territoryScore(territoryId: string): TerritoryScore | undefined {
    const { tt, balance, travel } = this.p
    const t = tt.aliveIndex(territoryId)
    if (t === undefined) return undefined
    balance.refresh()
    travel.flush()
    return scoreTerritory(tt, balance, t)
  }

  territoryScores(): TerritoryScore[] {
    const { tt, balance, travel } = this.p
    balance.refresh()
    travel.flush()
    const out: TerritoryScore[] = []
    for (let t = 0; t < tt.slots; t++)
      if (tt.alive[t]) out.push(scoreTerritory(tt, balance, t))
    return out
  }

  /** The composite balance score alone: O(metrics) unless targets moved. */
  balanceScore(): number {
    return this.p.balance.score()
  }

  planScore(): PlanScore {
    const { m, tt, balance, travel, pub } = this.p
    balance.refresh()
    travel.flush()
    return scorePlan(tt, balance, pub, {
      units: m.unitIds.length,
      unassignedUnits: this.unassignedUnits,
      cutEdges: this.cutEdges,
    })
  }

  territoryIndexOf(territoryId: string): number | undefined {
    return this.p.tt.aliveIndex(territoryId)
  }

  /** The current alignment as plain ids (what a from-scratch scorer is given). */
  currentAlignment(): AlignmentInput {
    return alignmentOf(this.p)
  }

  territoryInputs(): TerritoryInput[] {
    return this.p.tt.inputs()
  }

  publishedAlignment(): AlignmentInput {
    return this.p.pub.alignment(this.p.tt.ids)
  }

  // ───────────────────────────── edits ─────────────────────────────

  /**
   * Moves units (all or nothing: every move is checked before any is applied) and returns
   * the deltas of the territories that changed.
   */
  applyMoves(moves: readonly Move[]): Result<TerritoryDelta[]> {
    const { m, tt } = this.p
    const resolved = new Int32Array(moves.length * 2)
    for (let i = 0; i < moves.length; i++) {
      const mv = moves[i]!
      const u = m.unitIndex.get(mv.unitId)
      if (u === undefined) return err('NOT_FOUND', `unknown unit ${mv.unitId}`)
      const to = mv.to === null ? NONE : tt.aliveIndex(mv.to)
      if (to === undefined)
        return err('NOT_FOUND', `unknown territory ${String(mv.to)}`)
      resolved[2 * i] = u
      resolved[2 * i + 1] = to
    }
    return ok(
      this.deltas.track(() => {
        for (let i = 0; i < moves.length; i++)
          this.moveUnit(resolved[2 * i]!, resolved[2 * i + 1]!)
      }),
    )
  }

  /** The hot path: move unit index `u` to territory index `to` (−1 unassigns). O(accounts in u + degree). */
  moveUnit(u: number, to: number): void {
    const unitTer = this.unitTer
    const from = unitTer[u]!
    if (from === to) return
    if (this.deltas.active) {
      this.deltas.capture(from)
      this.deltas.capture(to)
    }
    const { m, tt, balance, groups, seeds } = this.p
    // The unit's sums move whole; disruption per published group; the receiver's travel later.
    balance.transfer(from, to, this.p.uValue, u * K)
    this.p.travel.moved(u, from)
    this.p.pub.moveUnit(u, from, to)
    // Geometry and cut edges over the unit's neighbours, O(degree).
    let sharedFrom = 0
    let sharedTo = 0
    for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
      const tv = unitTer[m.adjNbr[k]!]!
      if (tv === from) {
        sharedFrom += m.adjBorder[k]!
        this.cutEdges++
      } else if (tv === to) {
        sharedTo += m.adjBorder[k]!
        this.cutEdges--
      }
    }
    unitTer[u] = -2 // out of both while contiguity is counted
    if (from !== NONE) {
      tt.units[from]!--
      tt.area[from]! -= m.unitArea[u]!
      tt.perim[from]! -= m.unitPerimeter[u]! - 2 * sharedFrom
      const nFrom = this.collect(u, from, seeds)
      // The donor's piece around u splits into as many pieces as its neighbours fall into.
      tt.pieces[from]! += groups.count(seeds, nFrom, from, unitTer) - 1
      balance.touch(from)
    } else this.unassignedUnits--
    if (to !== NONE) {
      tt.units[to]!++
      tt.area[to]! += m.unitArea[u]!
      tt.perim[to]! += m.unitPerimeter[u]! - 2 * sharedTo
      const nTo = this.collect(u, to, seeds)
      // u joins (and merges) the receiver's pieces it touches, or starts a new one. A
      // receiver in one piece needs no search: everything u touches is already joined.
      const joined =
        nTo > 0 && tt.pieces[to] === 1
          ? 1
          : groups.count(seeds, nTo, to, unitTer)
      tt.pieces[to]! += 1 - joined
      balance.touch(to)
    } else this.unassignedUnits++
    unitTer[u] = to
  }

  /** Sets or clears (null) an account-level override. */
  setOverride(
    accountId: string,
    territoryId: string | null,
  ): Result<TerritoryDelta[]> {
    const a = this.p.m.accountIndex.get(accountId)
    if (a === undefined) return err('NOT_FOUND', `unknown account ${accountId}`)
    const to = territoryId === null ? NONE : this.p.tt.aliveIndex(territoryId)
    if (to === undefined)
      return err('NOT_FOUND', `unknown territory ${String(territoryId)}`)
    return ok(this.deltas.track(() => this.setOverrideIndex(a, to)))
  }

  /** The optimizer's hot path for account-level moves: override account `a` to `to` (−1 clears it). */
  overrideAccount(a: number, to: number): void {
    this.setOverrideIndex(a, to)
  }

  createTerritory(input: TerritoryInput): Result<TerritoryDelta[]> {
    const { tt, balance } = this.p
    if (tt.aliveIndex(input.id) !== undefined)
      return err('CONFLICT', `territory ${input.id} exists`)
    tt.add(input)
    balance.stale = true
    return ok([])
  }

  /** Changes a territory's rep, capacity, targets or lock; travel is recomputed when the rep moves. */
  updateTerritory(input: TerritoryInput): Result<TerritoryDelta[]> {
    const { tt, balance, travel } = this.p
    const t = tt.aliveIndex(input.id)
    if (t === undefined)
      return err('NOT_FOUND', `unknown territory ${input.id}`)
    const [lon, lat] = input.repHome ?? [Number.NaN, Number.NaN]
    const homeMoved =
      !Object.is(lon, tt.homeLon[t]) || !Object.is(lat, tt.homeLat[t])
    tt.setAttributes(t, input)
    if (homeMoved) travel.rehome(t)
    balance.stale = true
    return ok([])
  }

  setLocked(territoryId: string, locked: boolean): Result<TerritoryDelta[]> {
    const t = this.p.tt.aliveIndex(territoryId)
    if (t === undefined)
      return err('NOT_FOUND', `unknown territory ${territoryId}`)
    this.p.tt.locked[t] = locked ? 1 : 0
    return ok([])
  }

  /** Deletes an empty territory; one that still owns units or accounts is a CONFLICT (merge it instead). */
  deleteTerritory(territoryId: string): Result<TerritoryDelta[]> {
    const tt = this.p.tt
    const t = tt.aliveIndex(territoryId)
    if (t === undefined)
      return err('NOT_FOUND', `unknown territory ${territoryId}`)
    if (tt.units[t]! > 0 || tt.value[t * K]! > 0) {
      return err(
        'CONFLICT',
        `territory ${territoryId} still has ${tt.units[t]} units and ${tt.value[t * K]} accounts; merge or move them first`,
      )
    }
    this.retire(t)
    return ok([])
  }

  /** Moves every unit and override of `fromId` into `intoId`, then deletes `fromId`. */
  mergeTerritories(fromId: string, intoId: string): Result<TerritoryDelta[]> {
    const from = this.p.tt.aliveIndex(fromId)
    const into = this.p.tt.aliveIndex(intoId)
    if (from === undefined)
      return err('NOT_FOUND', `unknown territory ${fromId}`)
    if (into === undefined)
      return err('NOT_FOUND', `unknown territory ${intoId}`)
    if (from === into)
      return err('BAD_INPUT', 'a territory cannot be merged into itself')
    const deltas = this.deltas.track(() => {
      for (let u = 0; u < this.unitTer.length; u++)
        if (this.unitTer[u] === from) this.moveUnit(u, into)
      for (let a = 0; a < this.accOverride.length; a++)
        if (this.accOverride[a] === from) this.setOverrideIndex(a, into)
    })
    this.retire(from)
    return ok(deltas.filter((d) => d.territoryId !== fromId))
  }

  /** Recomputes every aggregate from the current assignment (drift control). */
  resync(): void {
    const settings = this.p.balance.settings
    this.load({ ...this.currentAlignment(), settings, territories: [] }, true)
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
    return previewUnitMove(this.p, u, to, checkContiguity)
  }

  /**
   * What moving account `a` to territory `to` (as an override) would do to balance and
   * disruption, without doing it: O(metrics). Returns null for a no-op or an account that
   * is in no territory.
   */
  previewAccount(a: number, to: number): AccountPreview | null {
    return previewAccountMove(this.p, a, to)
  }

  /** Travel change of a previewed move (visit-minute km): the donor's saving and the receiver's cost. */
  previewTravel(u: number, to: number): { fromDelta: number; toDelta: number } {
    const travel = this.p.travel
    travel.flush()
    const from = this.unitTer[u]!
    return {
      fromDelta: from === NONE ? 0 : -travel.byUnit[u]!,
      toDelta: travel.unitLoad(u, to),
    }
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

  // ───────────────────────────── by index ─────────────────────────────

  /** The territory account `a` counts in now (override or its unit's), −1 for none. */
  territoryOfAccount(a: number): number {
    return effectiveTerritory(this.p.m, this.unitTer, this.accOverride, a)
  }

  /** The territory account `a` sat in in the published alignment, −1 for none. */
  publishedTerritoryOfAccount(a: number): number {
    return this.p.pub.accPub[a]!
  }

  /** Territory index `t`'s value of `metric` and its target (by index: no allocation). */
  valueAt(t: number, metric: BalanceMetric): number {
    return this.p.tt.value[t * K + METRIC_INDEX[metric]]!
  }

  targetAt(t: number, metric: BalanceMetric): number {
    this.p.balance.refresh()
    return this.p.balance.targetOf(t, METRIC_INDEX[metric])
  }

  piecesAt(t: number): number {
    return this.p.tt.pieces[t]!
  }

  areaAt(t: number): number {
    return this.p.tt.area[t]!
  }

  perimeterAt(t: number): number {
    return this.p.tt.perim[t]!
  }

  unitsAt(t: number): number {
    return this.p.tt.units[t]!
  }

  /** Territory slots, alive or not: indexes run 0 … slots − 1. */
  get territorySlots(): number {
    return this.p.tt.slots
  }

  /** Per-territory facts the optimizer reads by index (no allocation). */
  territoryAt(t: number): { id: string; locked: boolean; alive: boolean } {
    const tt = this.p.tt
    return {
      id: tt.ids[t]!,
      locked: tt.locked[t] === 1,
      alive: tt.alive[t] === 1,
    }
  }

  isLockedIndex(t: number): boolean {
    return this.p.tt.locked[t] === 1
  }

  unitValue(u: number, metric: BalanceMetric): number {
    return this.p.uValue[u * K + METRIC_INDEX[metric]]!
  }

  get balanceSettings(): BalanceSettings {
    return this.p.balance.settings
  }

  get disrupted(): number {
    return this.p.pub.disruptedCount
  }

  get model(): EngineModel {
    return this.p.m
  }

  // ───────────────────────────── internals ─────────────────────────────

  private setOverrideIndex(a: number, to: number): void {
    const { m, balance } = this.p
    this.p.travel.flush()
    const before = this.territoryOfAccount(a)
    const unit = m.accUnit[a]!
    const geographic = unit === NONE ? NONE : this.unitTer[unit]!
    // The account leaves or rejoins its unit's geographic aggregates.
    const wasGeographic = this.accOverride[a] === NONE
    const isGeographic = to === NONE
    if (unit !== NONE && wasGeographic && !isGeographic)
      addToUnit(this.p, a, unit, -1)
    if (unit !== NONE && !wasGeographic && isGeographic)
      addToUnit(this.p, a, unit, 1)
    this.accOverride[a] = to
    const after = to === NONE ? geographic : to
    if (before !== after) {
      this.deltas.capture(before)
      this.deltas.capture(after)
      transferAccount(this.p, a, before, after)
      if (before !== NONE) balance.touch(before)
      if (after !== NONE) balance.touch(after)
    }
  }

  /** Neighbours of u owned by territory t, into `out`; returns how many. */
  private collect(u: number, t: number, out: Int32Array): number {
    const { adjStart, adjNbr } = this.p.m
    let c = 0
    for (let k = adjStart[u]!, end = adjStart[u + 1]!; k < end; k++) {
      const v = adjNbr[k]!
      if (this.unitTer[v] === t) out[c++] = v
    }
    return c
  }

  /** Deletes territory t; targets follow the territory count, so penalties go stale. */
  private retire(t: number): void {
    this.p.tt.remove(t)
    this.p.balance.stale = true
  }

  private load(plan: PlanInput, keepPublished: boolean): void {
    const counts = loadPlan(this.p, plan, keepPublished)
    this.unassignedUnits = counts.unassignedUnits
    this.cutEdges = counts.cutEdges
  }
}
