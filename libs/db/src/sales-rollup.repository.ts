import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.js'

/**
 * A month as one number, `year × 12 + month − 1` (January 2026 → 24,312): what the
 * forecaster's `start` takes, and what SQL below returns, so months add and compare as
 * integers and no date crosses the wire.
 */
export const monthIndex = (column: string) =>
  sql<number>`(extract(year from ${sql.ref(column)}) * 12 + extract(month from ${sql.ref(column)}) - 1)::int`

/** One row of {@link salesRollup}: a unit's or an account's figures. */
export interface SalesRollupRow {
  /** The unit id (by unit) or the account id (by account). */
  key: string
  /** The account's unit in the layer (by account; null outside it). */
  unitId: string | null
  accounts: number
  /** Accounts with sales in the 12 months up to `asOf`. */
  activeAccounts: number
  sales12m: number
  /** Sales in the 12 months before those. */
  salesPrior12m: number
  forecast12m: number
  /** Σ over accounts of max(0, forecast − last-12-month sales). */
  pipeline: number
  potential: number
  /** Sales per month of the 24 up to `asOf`, oldest first. */
  monthly: number[]
}

/**
 * Sales, forecast and pipeline totals with the 24-month trend, aggregated in the database:
 * per unit of `layerId` over the accounts placed in it (`by: 'unit'`), or per account for
 * the `accountIds` given (`by: 'account'`, for accounts a plan places by override).
 */
export async function salesRollup(
  db: Kysely<Database>,
  p: {
    orgId: string
    layerId: string
    /** The last month counted, `YYYY-MM-01`. */
    asOf: string
    by: 'unit' | 'account'
    accountIds?: readonly string[]
  },
): Promise<SalesRollupRow[]> {
  if (p.by === 'account' && (p.accountIds?.length ?? 0) === 0) return []
  const ids = [...(p.accountIds ?? [])]
  const accounts =
    p.by === 'unit'
      ? sql`select a.id, au.unit_id as key, au.unit_id, a.potential from accounts a
          join account_units au on au.account_id = a.id and au.layer_id = ${p.layerId}
          where a.org_id = ${p.orgId}`
      : sql`select a.id, a.id as key, au.unit_id, a.potential from accounts a
          left join account_units au on au.account_id = a.id and au.layer_id = ${p.layerId}
          where a.org_id = ${p.orgId} and a.id = any(${ids}::text[])`
  // A few accounts: their rows by key, not a scan of everyone's sales (the join alone may
  // be planned as one when statistics are stale).
  const onlyThese =
    p.by === 'account' ? sql`and s.account_id = any(${ids}::text[])` : sql``
  const last = monthNumber(p.asOf)
  const months = Array.from({ length: 24 }, (_, i) => monthDate(last - 23 + i))
  // One scan of the window of sales, grouped by account (the table's key is account ×
  // month, so each filtered sum is one row's amount): a second scan for the trend cost as
  // much again on the embedded database.
  const perMonth = months.map(
    (m, i) =>
      sql`sum(s.amount) filter (where s.month = ${m}::date) as ${sql.ref(`m${i}`)}`,
  )
  const monthSums = months.map((_, i) => sql`sum(pa.${sql.ref(`m${i}`)})`)
  const { rows } = await sql<{
    key: string
    unit_id: string | null
    n: number | string
    active: number | string
    s12: number | string | null
    p12: number | string | null
    forecast: number | string | null
    pipeline: number | string | null
    potential: number | string | null
    monthly: (number | string | null)[]
  }>`
    with acc as (${accounts}),
    pa as (
      select s.account_id,
        sum(s.amount) filter (where s.month >= ${months[12]}::date) as s12,
        sum(s.amount) filter (where s.month < ${months[12]}::date) as p12,
        ${sql.join(perMonth)}
      from sales_history s join acc on acc.id = s.account_id
      where s.month >= ${months[0]}::date and s.month <= ${months[23]}::date
        ${onlyThese}
      group by s.account_id
    )
    select acc.key, min(acc.unit_id) as unit_id, count(*) as n,
      count(*) filter (where pa.s12 > 0) as active,
      sum(pa.s12) as s12, sum(pa.p12) as p12, sum(f.next_12m) as forecast,
      sum(greatest(0, coalesce(f.next_12m, 0) - coalesce(pa.s12, 0))) as pipeline,
      sum(acc.potential) as potential,
      array[${sql.join(monthSums)}]::float8[] as monthly
    from acc
    left join pa on pa.account_id = acc.id
    left join account_forecasts f on f.account_id = acc.id
    group by acc.key`.execute(db)
  return rows.map((r) => ({
    key: r.key,
    unitId: r.unit_id,
    accounts: Number(r.n),
    activeAccounts: Number(r.active),
    sales12m: Number(r.s12 ?? 0),
    salesPrior12m: Number(r.p12 ?? 0),
    forecast12m: Number(r.forecast ?? 0),
    pipeline: Number(r.pipeline ?? 0),
    potential: Number(r.potential ?? 0),
    monthly: r.monthly.map((v) => Number(v ?? 0)),
  }))
}

/** Year × 12 + month − 1 → `YYYY-MM-01`. */
function monthDate(month: number): string {
  const year = Math.floor(month / 12)
  return `${year}-${String(month - year * 12 + 1).padStart(2, '0')}-01`
}

/** `YYYY-MM-DD` → year × 12 + month − 1, as {@link monthIndex} computes it in SQL. */
function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
}
