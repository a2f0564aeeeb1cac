/**
 * Re-basing an alignment from one unit layer to another (US counties → H3 hexagons, or
 * hexagons at another resolution) so that every account keeps its territory.
 */

export interface RebaseAccount {
  id: string
  /** The account's unit in the old layer, or null if it was in none. */
  oldUnit: string | null
  /** The account's unit in the new layer, or null if it is in none. */
  newUnit: string | null
  /** How much the account counts when its new unit's territory is chosen (e.g. potential); default 1. */
  weight?: number
}

export interface RebaseInput {
  /** Old layer: unit → territory. */
  assignments: Readonly<Record<string, string>>
  /** account → territory (overrides its unit's territory). */
  accountOverrides: Readonly<Record<string, string>>
  /** Old layer's locked units. */
  lockedUnits?: readonly string[]
  accounts: readonly RebaseAccount[]
  /** Every unit of the new layer. */
  newUnits: readonly string[]
  /** The new layer's adjacency, to give units without accounts their neighbours' territory. */
  newAdjacency: readonly { a: string; b: string }[]
  /** The old unit under a new unit's centre, for new units without accounts; null if none. */
  oldUnitAt?: (newUnit: string) => string | null
}

export interface RebaseResult {
  /** New layer: unit → territory (units left with no territory are absent). */
  assignments: Record<string, string>
  /** account → territory where the account's new unit went to another territory. */
  accountOverrides: Record<string, string>
  /** New units locked because everything in them came from locked old units. */
  lockedUnits: string[]
  /** Accounts that had no territory but sit in a new unit that has one: they now belong to it. */
  gainedTerritory: string[]
  /** Units of the new layer whose territory came from their accounts, from the old unit under them, from neighbours, or that got none. */
  counts: {
    byAccounts: number
    byOldUnit: number
    byNeighbours: number
    unassigned: number
  }
}

/**
 * The territory of each new unit is the one holding most of its accounts (by weight; ties
 * to the smaller territory id); a unit without accounts takes the territory of the old unit
 * under it, else the most common among its neighbours (repeated until nothing changes).
 * An account whose new unit went to another territory than its own gets an override, so
 * every account keeps exactly the territory it had — the only exception is an account that
 * had none and lands in a unit that has one (listed in `gainedTerritory`). Pure and
 * deterministic: the same input gives the same result, whatever the order of `accounts`.
 */
export function rebaseAlignment(input: RebaseInput): RebaseResult {
  const territoryOf = (a: RebaseAccount): string | undefined =>
    input.accountOverrides[a.id] ??
    (a.oldUnit === null ? undefined : input.assignments[a.oldUnit])

  const votes = new Map<string, Map<string, number>>()
  const lockedOld = new Set(input.lockedUnits ?? [])
  // A new unit stays locked only if every account in it came from a locked old unit.
  const allLocked = new Map<string, boolean>()
  for (const a of input.accounts) {
    if (a.newUnit === null) continue
    const t = territoryOf(a) ?? ''
    let v = votes.get(a.newUnit)
    if (!v) votes.set(a.newUnit, (v = new Map()))
    v.set(t, (v.get(t) ?? 0) + Math.max(0, a.weight ?? 1) + 1e-9)
    const locked = a.oldUnit !== null && lockedOld.has(a.oldUnit)
    allLocked.set(a.newUnit, (allLocked.get(a.newUnit) ?? true) && locked)
  }

  const assignments: Record<string, string> = {}
  const decided = new Set<string>()
  const counts = { byAccounts: 0, byOldUnit: 0, byNeighbours: 0, unassigned: 0 }
  for (const unit of input.newUnits) {
    const v = votes.get(unit)
    if (!v) continue
    const winner = [...v.entries()].sort(
      (x, y) => y[1] - x[1] || compare(x[0], y[0]),
    )[0]?.[0] as string
    decided.add(unit)
    counts.byAccounts++
    if (winner !== '') assignments[unit] = winner
  }
  const lockedUnits = input.newUnits.filter((u) => allLocked.get(u) === true)

  const empty = input.newUnits.filter((u) => !decided.has(u))
  const fromNeighbours: string[] = []
  for (const unit of empty) {
    const old = input.oldUnitAt?.(unit) ?? null
    const t = old === null ? undefined : input.assignments[old]
    if (t !== undefined) {
      assignments[unit] = t
      decided.add(unit)
      counts.byOldUnit++
      if (lockedOld.has(old as string)) lockedUnits.push(unit)
    } else fromNeighbours.push(unit)
  }
  const neighbours = new Map<string, string[]>()
  for (const e of input.newAdjacency) {
    neighbours.set(e.a, [...(neighbours.get(e.a) ?? []), e.b])
    neighbours.set(e.b, [...(neighbours.get(e.b) ?? []), e.a])
  }
  // Flood the rest from their decided neighbours, one ring at a time (so a unit takes the
  // territory of its nearest decided units, not of whichever was visited first).
  let pending = fromNeighbours
  while (pending.length > 0) {
    const ring: [string, string][] = []
    for (const unit of pending) {
      const tally = new Map<string, number>()
      for (const nb of neighbours.get(unit) ?? []) {
        const t = assignments[nb]
        if (t !== undefined) tally.set(t, (tally.get(t) ?? 0) + 1)
      }
      const best = [...tally.entries()].sort(
        (x, y) => y[1] - x[1] || compare(x[0], y[0]),
      )[0]
      if (best) ring.push([unit, best[0]])
    }
    if (ring.length === 0) break
    for (const [unit, t] of ring) {
      assignments[unit] = t
      counts.byNeighbours++
    }
    const done = new Set(ring.map(([u]) => u))
    pending = pending.filter((u) => !done.has(u))
  }
  counts.unassigned = input.newUnits.length - Object.keys(assignments).length

  const accountOverrides: Record<string, string> = {}
  const gainedTerritory: string[] = []
  for (const a of input.accounts) {
    const own = territoryOf(a)
    const unitT = a.newUnit === null ? undefined : assignments[a.newUnit]
    if (own === unitT) continue
    if (own === undefined) gainedTerritory.push(a.id)
    else accountOverrides[a.id] = own
  }
  return {
    assignments,
    accountOverrides,
    lockedUnits: [...new Set(lockedUnits)].sort(),
    gainedTerritory: gainedTerritory.sort(),
    counts,
  }
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
