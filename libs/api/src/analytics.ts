import type { SalesRollupRow } from '@tessera/db'
import type { PlanState } from '@tessera/domain'

/** A quota nobody set: last-12-month sales and this much growth on top. */
export const DEFAULT_QUOTA_GROWTH = 1.05

/** The figures of one territory, one rep or the whole plan. */
export interface Performance {
  /** Sales of the last 12 complete months. */
  sales12m: number
  /** Sales of the 12 months before those. */
  salesPrior12m: number
  quota: number
  /** sales12m ÷ quota; null when the quota is 0. */
  attainment: number | null
  /** Σ of the accounts' next-12-month forecasts. */
  forecast12m: number
  /** Pipeline proxy: Σ over accounts of max(0, forecast − last-12-month sales). */
  pipeline: number
  accounts: number
  /** Accounts with sales in the last 12 months. */
  activeAccounts: number
  potential: number
}

export interface TerritoryPerformance extends Performance {
  territoryId: string
  name: string
  color: string
  regionName: string | null
  repId: string | null
  repName: string | null
  /** No quota was set: it is last-12-month sales × {@link DEFAULT_QUOTA_GROWTH}. */
  quotaIsDefault: boolean
  /** Sales per month, the 24 months up to the as-of month, oldest first. */
  trend: number[]
}

export interface RepPerformance extends Performance {
  repId: string
  name: string
  territoryIds: string[]
  /** Territories whose quota is the default. */
  defaultQuotas: number
}

/** Sums of the figures, without the quota's derived attainment. */
type Sums = Omit<Performance, 'quota' | 'attainment'>

const SUM_KEYS = [
  'sales12m',
  'salesPrior12m',
  'forecast12m',
  'pipeline',
  'accounts',
  'activeAccounts',
  'potential',
] as const satisfies readonly (keyof Sums)[]

function emptySums(): Sums & { trend: number[] } {
  return {
    sales12m: 0,
    salesPrior12m: 0,
    forecast12m: 0,
    pipeline: 0,
    accounts: 0,
    activeAccounts: 0,
    potential: 0,
    trend: new Array<number>(24).fill(0),
  }
}

function add(
  into: Sums & { trend: number[] },
  row: Sums & { trend?: number[]; monthly?: number[] },
  sign: 1 | -1 = 1,
): void {
  for (const k of SUM_KEYS) into[k] += sign * row[k]
  const trend = row.trend ?? row.monthly ?? []
  for (let i = 0; i < into.trend.length; i++)
    into.trend[i]! += sign * (trend[i] ?? 0)
}

const attainmentOf = (sales: number, quota: number) =>
  quota > 0 ? sales / quota : null

/**
 * Per territory, per rep and for the plan: the database's per-unit figures gathered by the
 * scenario's assignments, with the accounts it places by override moved from their unit's
 * territory to the override's. Quotas are the plan's where set, else the default.
 */
export function aggregatePerformance(input: {
  plan: Pick<PlanState, 'territories' | 'assignments' | 'accountOverrides'>
  units: readonly SalesRollupRow[]
  /** Per account, for the accounts the plan overrides. */
  overridden: readonly SalesRollupRow[]
  quotas: ReadonlyMap<string, number>
  repNames: ReadonlyMap<string, string>
}) {
  const { plan } = input
  const records = plan.territories.filter((t) => t.kind === 'territory')
  const sums = new Map(records.map((t) => [t.id, emptySums()]))
  const unassigned = emptySums()
  const bucket = (territoryId: string | null | undefined) =>
    (territoryId ? sums.get(territoryId) : undefined) ?? unassigned
  for (const u of input.units) add(bucket(plan.assignments[u.key]), u)
  for (const a of input.overridden) {
    const to = plan.accountOverrides[a.key]
    if (!to) continue
    // The unit's sums counted this account where its unit lies: move it.
    if (a.unitId) add(bucket(plan.assignments[a.unitId]), a, -1)
    add(bucket(to), a)
  }
  const names = new Map(plan.territories.map((t) => [t.id, t.name]))
  const territories: TerritoryPerformance[] = records.map((t) => {
    const s = sums.get(t.id)!
    const set = input.quotas.get(t.id)
    const quota = set ?? s.sales12m * DEFAULT_QUOTA_GROWTH
    return {
      territoryId: t.id,
      name: t.name,
      color: t.color,
      regionName: t.parentId ? (names.get(t.parentId) ?? null) : null,
      repId: t.repId,
      repName: t.repId ? (input.repNames.get(t.repId) ?? t.repId) : null,
      ...clean(s),
      quota,
      quotaIsDefault: set === undefined,
      attainment: attainmentOf(s.sales12m, quota),
      trend: s.trend,
    }
  })
  return {
    territories,
    reps: byRep(territories),
    summary: summarize(territories),
    unassigned: clean(unassigned),
  }
}

/** Sums with float noise from subtracting overrides cleared (a −0.0000001 is a 0). */
function clean(s: Sums & { trend: number[] }): Sums & { trend: number[] } {
  const out = { ...s, trend: s.trend.map((v) => (Math.abs(v) < 1e-6 ? 0 : v)) }
  for (const k of SUM_KEYS) if (Math.abs(out[k]) < 1e-6) out[k] = 0
  return out
}

/** A rep's figures: the sums over the territories they own. */
function byRep(territories: readonly TerritoryPerformance[]): RepPerformance[] {
  const reps = new Map<string, RepPerformance & { trend: number[] }>()
  for (const t of territories) {
    if (!t.repId) continue
    let r = reps.get(t.repId)
    if (!r) {
      r = {
        repId: t.repId,
        name: t.repName ?? t.repId,
        territoryIds: [],
        defaultQuotas: 0,
        quota: 0,
        attainment: null,
        ...emptySums(),
      }
      reps.set(t.repId, r)
    }
    add(r, t)
    r.quota += t.quota
    r.territoryIds.push(t.territoryId)
    if (t.quotaIsDefault) r.defaultQuotas++
  }
  return [...reps.values()].map(({ trend: _trend, ...r }) => ({
    ...r,
    attainment: attainmentOf(r.sales12m, r.quota),
  }))
}

/** The plan's figures: every territory's summed, with the 24-month trend. */
function summarize(territories: readonly TerritoryPerformance[]) {
  const s = emptySums()
  let quota = 0
  let defaultQuotas = 0
  for (const t of territories) {
    add(s, t)
    quota += t.quota
    if (t.quotaIsDefault) defaultQuotas++
  }
  return {
    ...s,
    quota,
    defaultQuotas,
    attainment: attainmentOf(s.sales12m, quota),
  }
}
