import type { PlanState } from '../plan-state.js'
import { NEAR_HOPS, accountLoads, nearBorder } from './flow-balance.js'

/**
 * Frees disruption budget without giving up balance. Moved accounts whose return home
 * costs no balance go back; then, where several light accounts were
 * moved from territory A to B, one unmoved heavier account of A near B whose load covers
 * theirs goes instead and they return home. The load carried stays about the same (a little
 * more, never so much that the balance score drops), and the moved-account count falls by
 * one less than the group's size. Returns how many accounts were freed.
 */
export function compressMoves(
  state: PlanState,
  options: { lockedUnits?: ReadonlySet<string> } = {},
): number {
  const m = state.model
  const load = accountLoads(state)
  // Moved accounts, by (home → now): overrides out of units their home still owns.
  const moved = new Map<number, number[]>()
  const slots = state.territorySlots
  for (let a = 0; a < m.accountIds.length; a++) {
    const home = state.publishedTerritoryOfAccount(a)
    const now = state.territoryOfAccount(a)
    const u = m.accUnit[a]!
    if (home < 0 || now < 0 || now === home || u < 0) continue
    if (state.unitTer[u] !== home || state.accOverride[a] !== now) continue
    if (state.isLockedIndex(home) || state.isLockedIndex(now)) continue
    const key = home * slots + now
    const list = moved.get(key)
    if (list) list.push(a)
    else moved.set(key, [a])
  }
  let freed = 0
  // First, send home what can go home for free: a moved account whose return keeps both
  // territories where the band penalty does not rise (lightest first, so most come back).
  for (const [key, list] of [...moved].sort((x, y) => x[0] - y[0])) {
    const home = Math.floor(key / slots)
    list.sort((x, y) => load[x]! - load[y]! || x - y)
    const stay: number[] = []
    for (const a of list) {
      const p = state.previewAccount(a, home)
      if (p && p.balanceAfter >= state.balanceScore() - 1e-12) {
        state.overrideAccount(a, -1)
        freed++
      } else stay.push(a)
    }
    moved.set(key, stay)
  }
  for (const [key, list] of [...moved].sort((x, y) => x[0] - y[0])) {
    if (list.length < 2) continue
    const home = Math.floor(key / slots)
    const now = key % slots
    list.sort((x, y) => load[x]! - load[y]! || x - y)
    // Unmoved accounts of `home` near `now`, heaviest first.
    const cands: number[] = []
    for (const [u, depth] of nearBorder(state, home, now)) {
      if (depth === 0 || depth > NEAR_HOPS) continue
      if (options.lockedUnits?.has(m.unitIds[u]!)) continue
      for (let i = m.unitAccStart[u]!; i < m.unitAccStart[u + 1]!; i++) {
        const a = m.unitAccIdx[i]!
        if (state.accOverride[a] === -1 && load[a]! > load[list[0]!]!)
          cands.push(a)
      }
    }
    cands.sort((x, y) => load[y]! - load[x]! || x - y)
    let lightest = 0
    for (const c of cands) {
      // The lightest moved accounts whose loads together fit under c's.
      let sum = 0
      let k = lightest
      while (k < list.length && sum + load[list[k]!]! <= load[c]!) {
        sum += load[list[k]!]!
        k++
      }
      if (k - lightest < 2) continue
      const before = state.balanceScore()
      for (let i = lightest; i < k; i++) state.overrideAccount(list[i]!, -1)
      state.overrideAccount(c, now)
      if (state.balanceScore() < before - 1e-9) {
        // Undo: the extra load tipped a territory out of the band.
        state.overrideAccount(c, -1)
        for (let i = lightest; i < k; i++) state.overrideAccount(list[i]!, now)
        continue
      }
      freed += k - lightest - 1
      lightest = k
    }
  }
  return freed
}
