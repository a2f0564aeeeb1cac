import type { Rep, TerritoryRecord } from '@tessera/domain'
import {
  LiveTerritoryTotals,
  type OverriddenAccount,
  type UnitTotals,
} from '@tessera/engine'
import { byName } from '../../../lib/by-name'
import { changesBetween, entriesOf } from '../../../lib/plan-record'
import { i18n } from '../../../i18n'

export interface TerritorySummary {
  id: string
  name: string
  color: string
  repName: string | null
  units: number
  accounts: number
  potential: number
}

export interface RegionSummary {
  id: string
  name: string
  color: string | null
  territories: TerritorySummary[]
  accounts: number
  potential: number
}

export interface PlanSummary {
  regions: RegionSummary[]
  territoryCount: number
  accounts: number
  potential: number
  /** Accounts in units that no territory owns. */
  unassignedAccounts: number
}

const OTHER_REGION = '__other__'
// One object, so that a caller without overrides does not look like a new plan each time.
const NO_OVERRIDES = { accountOverrides: {}, accounts: [] } as const

/**
 * A region's name as shown: the trailing group of territories without a region is named in
 * the active language when drawn (the summary is cached across renders, a language change
 * does not rebuild it).
 */
export function regionLabel(region: { id: string; name: string }): string {
  return region.id === OTHER_REGION
    ? i18n.t('territories.list.otherRegion')
    : region.name
}

/**
 * Territory totals from per-unit totals and the unit → territory assignments, grouped by
 * region. Territories whose region is missing land in a trailing "Other" group, so nothing
 * silently disappears from the list.
 */
export function summarizePlan(
  territories: readonly TerritoryRecord[],
  reps: readonly Rep[],
  assignments: Readonly<Record<string, string>>,
  unitTotals: readonly UnitTotals[],
  /** The plan's account overrides and the figures of the overridden accounts. */
  overrides: {
    accountOverrides: Readonly<Record<string, string>>
    accounts: readonly OverriddenAccount[]
  } = NO_OVERRIDES,
): PlanSummary {
  const repNames = new Map(reps.map((r) => [r.id, r.name]))
  const totals = liveTotals(assignments, unitTotals, overrides).totals(
    territories,
  )
  const summaries = new Map<string, TerritorySummary>()
  for (const t of territories) {
    const sum = totals.byTerritory.get(t.id)
    if (!sum) continue
    summaries.set(t.id, {
      id: t.id,
      name: t.name,
      color: t.color,
      repName: t.repId ? (repNames.get(t.repId) ?? null) : null,
      units: sum.units,
      accounts: sum.accounts,
      potential: sum.potential,
    })
  }
  const unassignedAccounts = totals.unassigned.accounts

  const regionRecords = new Map(
    territories.filter((t) => t.kind === 'region').map((r) => [r.id, r]),
  )
  const groups = new Map<string, RegionSummary>()
  for (const t of territories) {
    const summary = summaries.get(t.id)
    if (!summary) continue
    const region = t.parentId ? regionRecords.get(t.parentId) : undefined
    const key = region?.id ?? OTHER_REGION
    let group = groups.get(key)
    if (!group) {
      group = {
        id: key,
        name: region?.name ?? 'Other',
        color: region?.color ?? null,
        territories: [],
        accounts: 0,
        potential: 0,
      }
      groups.set(key, group)
    }
    group.territories.push(summary)
    group.accounts += summary.accounts
    group.potential += summary.potential
  }
  const regions = [...groups.values()].sort((a, b) =>
    a.id === OTHER_REGION ? 1 : b.id === OTHER_REGION ? -1 : byName(a, b),
  )
  for (const r of regions) r.territories.sort(byName)
  return {
    regions,
    territoryCount: summaries.size,
    accounts: regions.reduce((n, r) => n + r.accounts, 0),
    potential: regions.reduce((n, r) => n + r.potential, 0),
    unassignedAccounts,
  }
}

/** The totals last computed for a set of unit totals, and the plan they follow. */
interface Followed {
  live: LiveTerritoryTotals
  overridden: readonly OverriddenAccount[]
  assignments: Readonly<Record<string, string>>
  accountOverrides: Readonly<Record<string, string>>
}

// Per unit totals (one layer's figures), so nothing outlives them. Two plans summarised
// against the same figures by turns would each start over: correct, only slower.
const followed = new WeakMap<readonly UnitTotals[], Followed>()

/**
 * Territory totals following the plan: the last ones, updated with the units and accounts
 * whose records changed since (O(changed keys), where summing every unit took ≈170 ms on a
 * 124,000-unit layer), or summed afresh when the change is not known (first render, a
 * re-read after a resync, another scenario, new account figures). Updating in a render React
 * may throw away is harmless: the state follows the records, not the renders.
 */
function liveTotals(
  assignments: Readonly<Record<string, string>>,
  unitTotals: readonly UnitTotals[],
  overrides: {
    accountOverrides: Readonly<Record<string, string>>
    accounts: readonly OverriddenAccount[]
  },
): LiveTerritoryTotals {
  const { accountOverrides, accounts } = overrides
  const plan = { assignments, accountOverrides }
  const last = followed.get(unitTotals)
  const sameAccounts =
    last &&
    (last.overridden === accounts ||
      (last.overridden.length === 0 && accounts.length === 0))
  const units = sameAccounts
    ? changesBetween(last.assignments, assignments)
    : undefined
  const changedAccounts = units
    ? changesBetween(last!.accountOverrides, accountOverrides)
    : undefined
  if (last && units && changedAccounts) {
    last.live.update(plan, { units, accounts: changedAccounts })
    last.assignments = assignments
    last.accountOverrides = accountOverrides
    return last.live
  }
  const live = new LiveTerritoryTotals(
    unitTotals,
    accounts,
    plan,
    entriesOf(assignments),
  )
  followed.set(unitTotals, {
    live,
    overridden: accounts,
    assignments,
    accountOverrides,
  })
  return live
}

/** Regions with only the territories whose name, rep or region matches `query`. */
export function filterRegions(
  regions: readonly RegionSummary[],
  query: string,
): RegionSummary[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...regions]
  return regions.flatMap((r) => {
    const regionHit = r.name.toLowerCase().includes(q)
    const territories = regionHit
      ? r.territories
      : r.territories.filter(
          (t) =>
            t.name.toLowerCase().includes(q) ||
            (t.repName ?? '').toLowerCase().includes(q),
        )
    return territories.length > 0 ? [{ ...r, territories }] : []
  })
}

/**
 * `next` with each territory that did not change replaced by last time's object, so rows
 * memoised on it skip their repaint after an edit elsewhere in the plan.
 */
export function reuseUnchanged(
  next: PlanSummary,
  previous: PlanSummary | null,
): PlanSummary {
  if (!previous) return next
  const before = new Map(
    previous.regions.flatMap((r) => r.territories.map((t) => [t.id, t])),
  )
  const same = (a: TerritorySummary, b: TerritorySummary) =>
    a.name === b.name &&
    a.color === b.color &&
    a.repName === b.repName &&
    a.units === b.units &&
    a.accounts === b.accounts &&
    a.potential === b.potential
  for (const region of next.regions)
    region.territories = region.territories.map((t) => {
      const old = before.get(t.id)
      return old && same(old, t) ? old : t
    })
  return next
}
