import { type Kysely, sql } from 'kysely'
import { insertColumns } from './bulk.js'
import { monthIndex } from './sales-rollup.repository.js'
import type { Database } from './schema.js'

/** The first and last month of an organization's sales history (`YYYY-MM-01`), or null. */
export async function salesHistoryBounds(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom('sales_history as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      sql<string | null>`min(s.month)`.as('first'),
      sql<string | null>`max(s.month)`.as('last'),
    ])
    .where('a.org_id', '=', orgId)
    .executeTakeFirst()
  return row?.first && row.last ? { first: row.first, last: row.last } : null
}

/** One account's monthly history, as months (see {@link monthIndex}) and amounts. */
export interface AccountHistory {
  id: string
  industry: string
  sizeBand: string
  potential: number
  months: number[]
  amounts: number[]
}

/**
 * A page of an organization's accounts in id order after `afterId`, each with its monthly
 * sales from `fromMonth` to `toMonth` (inclusive; months without a row are absent). Paging
 * by id keeps one page of rows in memory however many accounts there are.
 */
export async function accountHistoryPage(
  db: Kysely<Database>,
  p: {
    orgId: string
    afterId: string | null
    limit: number
    fromMonth: string
    toMonth: string
  },
): Promise<AccountHistory[]> {
  const { rows } = await sql<{
    id: string
    industry: string
    size_band: string
    potential: number
    months: number[] | null
    amounts: number[] | null
  }>`
    with page as materialized (
      select id, industry, size_band, potential from accounts
      where org_id = ${p.orgId} and id > ${p.afterId ?? ''}
      order by id limit ${p.limit}
    )
    select page.id, page.industry, page.size_band, page.potential,
      array_agg(${monthIndex('s.month')} order by s.month) filter (where s.month is not null) as months,
      array_agg(s.amount order by s.month) filter (where s.month is not null) as amounts
    from page
    left join sales_history s on s.account_id = page.id
      -- The page's id range, spelled out: a range scan of the key reads only this page's
      -- rows, where the join alone let a planner with stale statistics (PGlite has no
      -- autovacuum) scan the whole table once per page.
      and s.account_id >= (select min(id) from page)
      and s.account_id <= (select max(id) from page)
      and s.month >= ${p.fromMonth}::date and s.month <= ${p.toMonth}::date
    group by page.id, page.industry, page.size_band, page.potential
    order by page.id`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    industry: r.industry,
    sizeBand: r.size_band,
    potential: r.potential,
    months: (r.months ?? []).map(Number),
    amounts: (r.amounts ?? []).map(Number),
  }))
}

/** Per industry and size band: what established accounts bought, against their potential. */
export interface SegmentYield {
  industry: string
  sizeBand: string
  accounts: number
  sales12m: number
  potential: number
}

/**
 * What accounts with a track record (at least `minActiveMonths` months with sales in the
 * year up to `asOf`) bought over that year and their potential, per industry and size band:
 * the firmographic prior's raw material for accounts with little or no history.
 */
export async function segmentYields(
  db: Kysely<Database>,
  p: { orgId: string; asOf: string; minActiveMonths: number },
): Promise<SegmentYield[]> {
  const { rows } = await sql<{
    industry: string
    size_band: string
    n: number | string
    sales: number | string | null
    potential: number | string | null
  }>`
    with active as (
      select s.account_id, sum(s.amount) as sales
      from sales_history s join accounts a on a.id = s.account_id and a.org_id = ${p.orgId}
      where s.month > ${p.asOf}::date - interval '12 months' and s.month <= ${p.asOf}::date
      group by s.account_id
      having count(*) filter (where s.amount > 0) >= ${p.minActiveMonths}
    )
    select a.industry, a.size_band, count(*) as n, sum(active.sales) as sales,
      sum(a.potential) as potential
    from active join accounts a on a.id = active.account_id
    group by a.industry, a.size_band
    order by a.industry, a.size_band`.execute(db)
  return rows.map((r) => ({
    industry: r.industry,
    sizeBand: r.size_band,
    accounts: Number(r.n),
    sales12m: Number(r.sales ?? 0),
    potential: Number(r.potential ?? 0),
  }))
}

/** Forecasts for many accounts as parallel columns. */
export interface ForecastColumns {
  accountId: readonly string[]
  next12m: ArrayLike<number>
  method: readonly string[]
  historyMonths: ArrayLike<number>
}

/**
 * Replaces an organization's forecasts with these, in one transaction (the caller's, if it
 * is already in one): readers see the old set or the new one, never a mix.
 */
export async function replaceAccountForecasts(
  db: Kysely<Database>,
  orgId: string,
  f: ForecastColumns,
  p: { computedAt: Date; asOf: string },
): Promise<number> {
  const write = async (tx: Kysely<Database>) => {
    await tx
      .deleteFrom('account_forecasts')
      .where('account_id', 'in', (eb) =>
        eb.selectFrom('accounts').select('id').where('org_id', '=', orgId),
      )
      .execute()
    const n = f.accountId.length
    const at = p.computedAt.toISOString()
    return insertColumns(tx, 'account_forecasts', [
      { name: 'account_id', type: 'text', values: f.accountId },
      { name: 'next_12m', type: 'float8', values: f.next12m },
      { name: 'method', type: 'text', values: f.method },
      { name: 'history_months', type: 'int4', values: f.historyMonths },
      { name: 'computed_at', type: 'timestamptz', values: repeat(at, n) },
      { name: 'as_of', type: 'date', values: repeat(p.asOf, n) },
    ])
  }
  return db.isTransaction ? write(db) : db.transaction().execute(write)
}

function repeat<T>(value: T, n: number): T[] {
  return new Array<T>(n).fill(value)
}

/** When an organization's forecasts were made and the month they run from, or null. */
export async function forecastStatus(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ computedAt: Date; asOf: string; accounts: number } | null> {
  const row = await db
    .selectFrom('account_forecasts as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .select([
      sql<Date | null>`max(f.computed_at)`.as('computed_at'),
      sql<string | null>`max(f.as_of)`.as('as_of'),
      sql<number | string>`count(*)`.as('n'),
    ])
    .where('a.org_id', '=', orgId)
    .executeTakeFirst()
  if (!row?.computed_at || !row.as_of) return null
  return {
    computedAt: new Date(row.computed_at),
    asOf: row.as_of,
    accounts: Number(row.n),
  }
}

export interface TerritoryQuota {
  territoryId: string
  amount: number
  setBy: string | null
  setAt: Date
}

/** The quotas set for a plan's territories. */
export async function listTerritoryQuotas(
  db: Kysely<Database>,
  planId: string,
): Promise<TerritoryQuota[]> {
  const rows = await db
    .selectFrom('territory_quotas')
    .select(['territory_id', 'amount', 'set_by', 'set_at'])
    .where('plan_id', '=', planId)
    .orderBy('territory_id')
    .execute()
  return rows.map((r) => ({
    territoryId: r.territory_id,
    amount: r.amount,
    setBy: r.set_by,
    setAt: r.set_at,
  }))
}

/** Sets a territory's quota (`amount` null: removes it, so the default applies again). */
export async function setTerritoryQuota(
  db: Kysely<Database>,
  q: {
    planId: string
    territoryId: string
    amount: number | null
    setBy: string | null
    setAt: Date
  },
): Promise<void> {
  if (q.amount === null) {
    await db
      .deleteFrom('territory_quotas')
      .where('plan_id', '=', q.planId)
      .where('territory_id', '=', q.territoryId)
      .execute()
    return
  }
  await db
    .insertInto('territory_quotas')
    .values({
      plan_id: q.planId,
      territory_id: q.territoryId,
      amount: q.amount,
      set_by: q.setBy,
      set_at: q.setAt,
    })
    .onConflict((oc) =>
      oc.columns(['plan_id', 'territory_id']).doUpdateSet({
        amount: q.amount!,
        set_by: q.setBy,
        set_at: q.setAt,
      }),
    )
    .execute()
}
