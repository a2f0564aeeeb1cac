import type { PlanState, TerritoryRecord } from '@tessera/domain'
import type {
  OverriddenAccount,
  TerritoryTotals,
  UnitTotals,
} from './territory-totals.js'

type Figure = 'potential' | 'revenue' | 'workloadMinutes'
const FIGURES: readonly Figure[] = ['potential', 'revenue', 'workloadMinutes']

/**
 * A sum that terms are added to and taken out of. It is exactly 0 whenever none of the
 * terms it still holds is non-zero: taking out what was put in leaves rounding error behind,
 * and an emptied territory must read 0, not -1e-12 (shown as "-0").
 */
class RunningSum {
  value = 0
  private nonZero = 0

  add(x: number, sign: 1 | -1): void {
    if (x === 0) return
    this.nonZero += sign
    this.value = this.nonZero === 0 ? 0 : this.value + sign * x
  }

  get empty(): boolean {
    return this.nonZero === 0
  }
}

/** Units and figures of one owner, or of one flow of overridden accounts. */
class Bucket {
  units = 0
  accounts = 0
  readonly potential = new RunningSum()
  readonly revenue = new RunningSum()
  readonly workloadMinutes = new RunningSum()

  add(row: Pick<UnitTotals, 'accounts' | Figure>, sign: 1 | -1): void {
    this.accounts += sign * row.accounts
    for (const f of FIGURES) this[f].add(row[f], sign)
  }

  get empty(): boolean {
    return (
      this.units === 0 &&
      this.accounts === 0 &&
      FIGURES.every((f) => this[f].empty)
    )
  }
}

/** No unit: the account is only added where its override puts it. */
const NO_UNIT = null
/** The territory an overridden account is taken from: its unit's owner (undefined: none). */
type FromKey = string | undefined | typeof NO_UNIT

type PlanRecords = Pick<PlanState, 'assignments'> &
  Partial<Pick<PlanState, 'accountOverrides'>>

/**
 * `territoryTotals`, kept up to date as units change hands and account overrides change:
 * an update costs O(changed keys + overridden accounts in the moved units), not a pass over
 * every unit, so a 100,000-unit plan's list follows an edit as fast as a small one.
 *
 * Sums are kept per *owner* (whatever territory id a unit names, known or not), and
 * overridden accounts per (override territory, unit's owner) pair; `totals` maps those
 * onto the territories that exist at the time, so renaming, adding or deleting a
 * territory needs no update at all. The from-scratch `territoryTotals` stays the
 * definition; the tests hold this one to it.
 */
export class LiveTerritoryTotals {
  private assignments: PlanRecords['assignments']
  private overrides: Readonly<Record<string, string>>
  private readonly unitRows = new Map<string, Bucket>()
  /** Overridden accounts (indices into `overridden`) by unit and by account id. */
  private readonly inUnit = new Map<string, number[]>()
  private readonly byAccount = new Map<string, number[]>()
  /** Owner → its units and their figures; undefined: units that nobody owns. */
  private readonly owners = new Map<string | undefined, Bucket>()
  /** Override territory → the unit owner each overridden account leaves → their figures. */
  private readonly flows = new Map<string, Map<FromKey, Bucket>>()
  /** Where each overridden account is counted now (to, from), or null when not moved. */
  private readonly applied: ([string, FromKey] | null)[]

  /**
   * @param assignmentEntries the plan's assignments as entries, when the caller can list
   *   them faster than `Object.entries` (a large record behind a proxy).
   */
  constructor(
    units: readonly UnitTotals[],
    private readonly overridden: readonly OverriddenAccount[],
    plan: PlanRecords,
    assignmentEntries: Iterable<readonly [string, string]> = Object.entries(
      plan.assignments,
    ),
  ) {
    this.assignments = plan.assignments
    this.overrides = plan.accountOverrides ?? {}
    for (const u of units) {
      let row = this.unitRows.get(u.unitId)
      if (!row) this.unitRows.set(u.unitId, (row = new Bucket()))
      row.add(u, 1)
    }
    for (const [, owner] of assignmentEntries) this.owner(owner).units++
    for (const [unitId, row] of this.unitRows)
      this.addRow(this.owner(this.assignments[unitId]), row, 1)
    this.applied = overridden.map(() => null)
    overridden.forEach((a, i) => {
      if (a.unitId !== null) push(this.inUnit, a.unitId, i)
      push(this.byAccount, a.accountId, i)
      this.reapply(i)
    })
  }

  /**
   * Follows `plan`, made from the plan last seen by changing at most the assignments of
   * `changed.units` and the overrides of `changed.accounts` (keys that did not change are
   * harmless). The plan last seen must still read as it did: its records are compared.
   */
  update(
    plan: PlanRecords,
    changed: { units?: Iterable<string>; accounts?: Iterable<string> },
  ): void {
    const touched = new Set<number>()
    const next = plan.assignments
    for (const unitId of changed.units ?? []) {
      const before = this.assignments[unitId]
      const after = next[unitId]
      if (before === after) continue
      if (before !== undefined) this.owner(before).units--
      if (after !== undefined) this.owner(after).units++
      const row = this.unitRows.get(unitId)
      if (row) {
        this.addRow(this.owner(before), row, -1)
        this.addRow(this.owner(after), row, 1)
      }
      this.tidy(before)
      for (const i of this.inUnit.get(unitId) ?? []) touched.add(i)
    }
    this.assignments = next
    this.overrides = plan.accountOverrides ?? {}
    for (const accountId of changed.accounts ?? [])
      for (const i of this.byAccount.get(accountId) ?? []) touched.add(i)
    for (const i of touched) this.reapply(i)
  }

  /** The totals per territory of `territories` (kind `territory`) and of no territory. */
  totals(territories: readonly TerritoryRecord[]): {
    byTerritory: Map<string, TerritoryTotals>
    unassigned: TerritoryTotals
  } {
    const byTerritory = new Map<string, TerritoryTotals>()
    for (const t of territories)
      if (t.kind === 'territory') byTerritory.set(t.id, blank(t.id))
    const unassigned = blank('')
    const rowOf = (owner: string | undefined) =>
      (owner !== undefined && byTerritory.get(owner)) || unassigned
    for (const [owner, b] of this.owners) {
      const row = rowOf(owner)
      row.units += b.units
      addFigures(row, b, 1)
    }
    for (const [to, froms] of this.flows) {
      const target = byTerritory.get(to)
      if (!target) continue
      for (const [from, b] of froms) {
        if (from !== NO_UNIT) addFigures(rowOf(from), b, -1)
        addFigures(target, b, 1)
      }
    }
    return { byTerritory, unassigned }
  }

  private owner(id: string | undefined): Bucket {
    let b = this.owners.get(id)
    if (!b) this.owners.set(id, (b = new Bucket()))
    return b
  }

  /** Drops an owner nothing is left in (a deleted territory's id), so `totals` skips it. */
  private tidy(id: string | undefined): void {
    if (this.owners.get(id)?.empty) this.owners.delete(id)
  }

  /** Moves a unit's row in or out: its sums, each one term of the owner's. */
  private addRow(to: Bucket, row: Bucket, sign: 1 | -1): void {
    to.accounts += sign * row.accounts
    for (const f of FIGURES) to[f].add(row[f].value, sign)
  }

  /** Counts overridden account `i` where the current override and assignments put it. */
  private reapply(i: number): void {
    const a = this.overridden[i]!
    const old = this.applied[i]
    if (old) {
      const froms = this.flows.get(old[0])!
      const b = froms.get(old[1])!
      b.add(account(a), -1)
      if (b.empty) froms.delete(old[1])
      if (froms.size === 0) this.flows.delete(old[0])
    }
    const to = this.overrides[a.accountId]
    const from: FromKey =
      a.unitId === null ? NO_UNIT : this.assignments[a.unitId]
    // Already in its unit's territory: nothing moves.
    if (to === undefined || to === from) {
      this.applied[i] = null
      return
    }
    let froms = this.flows.get(to)
    if (!froms) this.flows.set(to, (froms = new Map()))
    let b = froms.get(from)
    if (!b) froms.set(from, (b = new Bucket()))
    b.add(account(a), 1)
    this.applied[i] = [to, from]
  }
}

function account(a: OverriddenAccount) {
  return {
    accounts: 1,
    potential: a.potential,
    revenue: a.revenue,
    workloadMinutes: a.workloadMinutes,
  }
}

function blank(territoryId: string): TerritoryTotals {
  return {
    territoryId,
    units: 0,
    accounts: 0,
    potential: 0,
    revenue: 0,
    workloadMinutes: 0,
  }
}

function addFigures(row: TerritoryTotals, b: Bucket, sign: 1 | -1): void {
  row.accounts += sign * b.accounts
  for (const f of FIGURES) row[f] += sign * b[f].value
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key)
  if (list) list.push(i)
  else map.set(key, [i])
}
