import type { EngineModel } from './model.js'
import { type PlanParts, effectiveTerritory } from './plan-parts.js'
import { type AlignmentInput, NONE, type PlanInput } from './plan-types.js'
import { METRICS } from './scores.js'
import type { TerritoryTable } from './territory-table.js'
import { visitKm } from './travel.js'

const K = METRICS.length

/**
 * (Re)builds every aggregate from an alignment in O(units + accounts + edges); the
 * published alignment too unless `keepPublished`. Returns the counts the plan keeps itself.
 */
export function loadPlan(
  s: PlanParts,
  plan: AlignmentInput & Pick<PlanInput, 'published'>,
  keepPublished: boolean,
): { unassignedUnits: number; cutEdges: number } {
  const { m, tt, unitTer, accOverride } = s
  readAlignment(s, plan)
  if (!keepPublished)
    s.pub.assign(plan.published, (a) =>
      effectiveTerritory(m, unitTer, accOverride, a),
    )
  tt.clearSums()
  loadAccounts(s)
  loadUnitAggregates(s)
  const counts = loadGeometry(m, tt, unitTer)
  s.balance.stale = true
  return counts
}

/** Resolves the alignment's ids into `unitTer` and `accOverride`, warning about unknown ones. */
function readAlignment(s: PlanParts, plan: AlignmentInput): void {
  const { m, tt, warnings } = s
  const resolve = (id: string, what: string, owner: string): number => {
    const t = tt.aliveIndex(id)
    if (t !== undefined) return t
    warnings.push({
      kind: 'unknown-territory',
      id,
      detail: `${what} ${owner} left unassigned`,
    })
    return NONE
  }
  s.unitTer.fill(NONE)
  for (const [unitId, terId] of Object.entries(plan.assignments)) {
    const u = m.unitIndex.get(unitId)
    if (u === undefined) {
      warnings.push({
        kind: 'unknown-unit',
        id: unitId,
        detail: 'assignment ignored',
      })
      continue
    }
    s.unitTer[u] = resolve(terId, 'unit', unitId)
  }
  s.accOverride.fill(NONE)
  for (const [accountId, terId] of Object.entries(plan.overrides)) {
    const a = m.accountIndex.get(accountId)
    if (a === undefined) {
      warnings.push({
        kind: 'unknown-account',
        id: accountId,
        detail: 'override ignored',
      })
      continue
    }
    s.accOverride[a] = resolve(terId, 'account', accountId)
  }
}

/** Territory and plan sums, overridden accounts' travel, and disruption, account by account. */
function loadAccounts(s: PlanParts): void {
  const { m, tt, pub, balance, unitTer, accOverride } = s
  const { total, unassigned } = balance
  const value = tt.value
  total.fill(0)
  unassigned.fill(0)
  pub.clearTotals()
  for (let a = 0; a < m.accountIds.length; a++) {
    const t = effectiveTerritory(m, unitTer, accOverride, a)
    const p = m.accPotential[a]!
    const sales = m.accSales[a]!
    const w = m.accWorkload[a]!
    const f = m.accForecast[a]!
    if (t === NONE) {
      unassigned[0]!++
      unassigned[1]! += p
      unassigned[2]! += sales
      unassigned[3]! += w
      unassigned[4]! += f
    } else {
      const o = t * K
      value[o]!++
      value[o + 1]! += p
      value[o + 2]! += sales
      value[o + 3]! += w
      value[o + 4]! += f
      // Geographic accounts' travel is summed per unit later (one distance per account).
      if (accOverride[a] !== NONE) tt.travel[t]! += visitKm(m, tt, t, a)
    }
    pub.tally(a, t, p)
  }
  for (let t = 0; t < tt.slots; t++) {
    if (!tt.alive[t]) continue
    for (let k = 0; k < K; k++) total[k]! += value[t * K + k]!
  }
}

/**
 * Per-unit sums, published groups and travel of the accounts that follow geography. Sums
 * and group counts share one pass over the accounts, grouped by unit.
 */
function loadUnitAggregates(s: PlanParts): void {
  const { m, pub, uValue, accOverride: override } = s
  const n = m.unitIds.length
  const { unitAccStart, unitAccIdx, accPotential, accSales, accWorkload } = m
  const { accForecast } = m
  const accPub = pub.accPub
  uValue.fill(0)
  pub.buildGroups()
  const { start, ter, count, potential } = pub
  for (let u = 0; u < n; u++) {
    const o = u * K
    const g0 = start[u]!
    const g1 = start[u + 1]!
    for (let k = unitAccStart[u]!, end = unitAccStart[u + 1]!; k < end; k++) {
      const a = unitAccIdx[k]!
      if (override[a] !== NONE) continue
      const p = accPotential[a]!
      uValue[o]!++
      uValue[o + 1]! += p
      uValue[o + 2]! += accSales[a]!
      uValue[o + 3]! += accWorkload[a]!
      uValue[o + 4]! += accForecast[a]!
      const pa = accPub[a]!
      for (let g = g0; g < g1; g++) {
        if (ter[g] === pa) {
          count[g]!++
          potential[g]! += p
          break
        }
      }
    }
  }
  s.travel.load()
}

/** Units, area, perimeter and pieces per territory, and the plan's cut edges. */
function loadGeometry(
  m: EngineModel,
  tt: TerritoryTable,
  unitTer: Int32Array,
): { unassignedUnits: number; cutEdges: number } {
  const n = m.unitIds.length
  const { units, area, perim, pieces } = tt
  let unassignedUnits = 0
  let cutEdges = 0
  for (let u = 0; u < n; u++) {
    const t = unitTer[u]!
    if (t === NONE) {
      unassignedUnits++
    } else {
      units[t]!++
      area[t]! += m.unitArea[u]!
      perim[t]! += m.unitPerimeter[u]!
    }
    for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
      const v = m.adjNbr[k]!
      if (v < u) continue
      if (unitTer[v] !== t) cutEdges++
      else if (t !== NONE) perim[t]! -= 2 * m.adjBorder[k]!
    }
  }
  // Pieces: one search per unvisited unit, confined to its territory.
  const seen = new Uint8Array(n)
  const queue = new Int32Array(n)
  for (let s = 0; s < n; s++) {
    const t = unitTer[s]!
    if (t === NONE || seen[s]) continue
    pieces[t]!++
    seen[s] = 1
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const u = queue[head++]!
      for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
        const v = m.adjNbr[k]!
        if (!seen[v] && unitTer[v] === t) {
          seen[v] = 1
          queue[tail++] = v
        }
      }
    }
  }
  return { unassignedUnits, cutEdges }
}

/** The alignment as plain ids: the inverse of {@link readAlignment}. */
export function alignmentOf(s: PlanParts): AlignmentInput {
  const { m, tt } = s
  const assignments: Record<string, string> = {}
  s.unitTer.forEach((t, u) => {
    if (t !== NONE) assignments[m.unitIds[u]!] = tt.ids[t]!
  })
  const overrides: Record<string, string> = {}
  s.accOverride.forEach((t, a) => {
    if (t !== NONE) overrides[m.accountIds[a]!] = tt.ids[t]!
  })
  return { assignments, overrides }
}
