import {
  type PlanParts,
  accountVector,
  effectiveTerritory,
} from './plan-parts.js'
import { type AccountPreview, type MovePreview, NONE } from './plan-types.js'
import { METRICS } from './scores.js'

const K = METRICS.length

/**
 * What moving unit `u` to territory `to` would do, without doing it (see
 * `PlanState.previewMove`). Only the two territories' penalties change, and targets stay
 * put (the assigned totals are constant between two live territories), so the balance
 * after is O(metrics) over the maintained penalty sums.
 */
export function previewUnitMove(
  p: PlanParts,
  u: number,
  to: number,
  checkContiguity: boolean,
): MovePreview | null {
  const { m, tt, unitTer, balance, seeds } = p
  const from = unitTer[u]!
  if (from === to || from === NONE || to === NONE) return null
  balance.refresh()
  let shareFrom = 0
  let shareTo = 0
  let nFrom = 0
  for (let k = m.adjStart[u]!, end = m.adjStart[u + 1]!; k < end; k++) {
    const tv = unitTer[m.adjNbr[k]!]!
    if (tv === from) {
      shareFrom += m.adjBorder[k]!
      seeds[nFrom++] = m.adjNbr[k]!
    } else if (tv === to) shareTo += m.adjBorder[k]!
  }
  const { penalty, spread } = balance.transferEffect(from, to, p.uValue, u * K)
  let splitsDonor = false
  if (checkContiguity && nFrom >= 2) {
    // Take u out of the donor while its neighbours are grouped, as a real move would.
    unitTer[u] = -2
    splitsDonor = p.groups.count(seeds, nFrom, from, unitTer) > 1
    unitTer[u] = from
  }
  return {
    unit: u,
    from,
    to,
    balanceBefore: balance.score(),
    balanceAfter: balance.scoreOf(penalty),
    spreadDelta: spread / balance.weightSum,
    disruptedDelta: p.pub.unitChange(u, from, to),
    splitsDonor,
    fromPerimeter: tt.perim[from]! - m.unitPerimeter[u]! + 2 * shareFrom,
    toPerimeter: tt.perim[to]! + m.unitPerimeter[u]! - 2 * shareTo,
    fromArea: tt.area[from]! - m.unitArea[u]!,
    toArea: tt.area[to]! + m.unitArea[u]!,
  }
}

/** What overriding account `a` to territory `to` would do (see `PlanState.previewAccount`). */
export function previewAccountMove(
  p: PlanParts,
  a: number,
  to: number,
): AccountPreview | null {
  const from = effectiveTerritory(p.m, p.unitTer, p.accOverride, a)
  if (from === to || from === NONE || to === NONE) return null
  const balance = p.balance
  balance.refresh()
  const vals = accountVector(p.m, a, p.accBuf)
  const { penalty, spread } = balance.transferEffect(from, to, vals, 0)
  return {
    balanceAfter: balance.scoreOf(penalty),
    spreadDelta: spread / balance.weightSum,
    disruptedDelta: p.pub.accountChange(a, from, to),
  }
}
