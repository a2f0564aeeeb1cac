import { BalanceLedger } from './balance.js'
import { GroupCounter } from './contiguity.js'
import type { EngineModel } from './model.js'
import { NONE, type PlanInput, type PlanWarning } from './plan-types.js'
import { PublishedGroups } from './published.js'
import { METRICS } from './scores.js'
import { TerritoryTable } from './territory-table.js'
import { TravelLedger, visitKm } from './travel.js'

const K = METRICS.length

/**
 * The parts one `PlanState` is made of, shared with the modules that build it
 * (plan-load.ts) and preview edits on it (previews.ts), and the account-level moves that
 * span several parts. Every member is a fixed reference: columns that grow live inside the
 * territory table, so these never need replacing.
 */
export interface PlanParts {
  readonly m: EngineModel
  readonly tt: TerritoryTable
  readonly balance: BalanceLedger
  readonly pub: PublishedGroups
  readonly travel: TravelLedger
  /** Territory of each unit, NONE when unassigned. */
  readonly unitTer: Int32Array
  /** Override territory of each account, NONE when it follows its unit. */
  readonly accOverride: Int32Array
  /** Per unit × K: the sums of the unit's geographic accounts (those without an override). */
  readonly uValue: Float64Array
  readonly groups: GroupCounter
  /** Scratch for a unit's neighbours, as long as the largest degree. */
  readonly seeds: Int32Array
  /** Scratch for one account's metric vector. */
  readonly accBuf: Float64Array
  readonly warnings: PlanWarning[]
}

/**
 * Allocates the parts for `model` and adds the plan's territories (the first of a
 * duplicated id wins, with a warning); the alignment is loaded by `loadPlan`.
 */
export function createParts(model: EngineModel, plan: PlanInput): PlanParts {
  const n = model.unitIds.length
  let maxDegree = 0
  for (let u = 0; u < n; u++)
    maxDegree = Math.max(maxDegree, model.adjStart[u + 1]! - model.adjStart[u]!)
  const unitTer = new Int32Array(n).fill(NONE)
  const accOverride = new Int32Array(model.accountIds.length).fill(NONE)
  const tt = new TerritoryTable(Math.max(8, plan.territories.length))
  const warnings: PlanWarning[] = []
  for (const t of plan.territories) {
    if (tt.index.has(t.id)) {
      warnings.push({
        kind: 'unknown-territory',
        id: t.id,
        detail: 'listed twice; first kept',
      })
      continue
    }
    tt.add(t)
  }
  return {
    m: model,
    tt,
    balance: new BalanceLedger(plan.settings, tt),
    pub: new PublishedGroups(model, tt),
    travel: new TravelLedger(model, tt, unitTer, accOverride),
    unitTer,
    accOverride,
    uValue: new Float64Array(n * K),
    groups: new GroupCounter(model.adjStart, model.adjNbr, n),
    seeds: new Int32Array(maxDegree),
    accBuf: new Float64Array(K),
    warnings,
  }
}

/** The territory account a counts in: its override, else its unit's; NONE for none. */
export function effectiveTerritory(
  m: EngineModel,
  unitTer: Int32Array,
  accOverride: Int32Array,
  a: number,
): number {
  const o = accOverride[a]!
  if (o !== NONE) return o
  const u = m.accUnit[a]!
  return u === NONE ? NONE : unitTer[u]!
}

/** Account a's metric vector (accounts, potential, sales, workload, forecast), written into `out`. */
export function accountVector(
  m: EngineModel,
  a: number,
  out: Float64Array,
): Float64Array {
  out[0] = 1
  out[1] = m.accPotential[a]!
  out[2] = m.accSales[a]!
  out[3] = m.accWorkload[a]!
  out[4] = m.accForecast[a]!
  return out
}

/** Adds (sign 1) or removes (−1) account a from unit u's geographic aggregates. */
export function addToUnit(
  p: PlanParts,
  a: number,
  u: number,
  sign: 1 | -1,
): void {
  const { m, uValue } = p
  const o = u * K
  uValue[o]! += sign
  uValue[o + 1]! += sign * m.accPotential[a]!
  uValue[o + 2]! += sign * m.accSales[a]!
  uValue[o + 3]! += sign * m.accWorkload[a]!
  uValue[o + 4]! += sign * m.accForecast[a]!
  p.travel.addAccount(u, a, sign)
  p.pub.addAccount(a, u, sign, m.accPotential[a]!)
}

/**
 * Moves one account's metrics, travel and disruption from territory `from` to `to`
 * (penalties are left to the caller's `balance.touch`). Its travel is exact at once: one
 * distance per end, unlike a unit's, which is deferred.
 */
export function transferAccount(
  p: PlanParts,
  a: number,
  from: number,
  to: number,
): void {
  const { m, tt } = p
  p.balance.transfer(from, to, accountVector(m, a, p.accBuf), 0)
  if (from !== NONE) tt.travel[from]! -= visitKm(m, tt, from, a)
  if (to !== NONE) tt.travel[to]! += visitKm(m, tt, to, a)
  p.pub.moveAccount(a, m.accPotential[a]!, from, to)
}
