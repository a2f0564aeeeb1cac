import { type Kysely, sql } from 'kysely'
import type { Account, BBox, DiffAccount } from '@tessera/domain'
import { insertColumns } from './bulk.js'
import type { AccountRow, AccountSegmentRow, Database } from './schema.js'

export async function insertAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
  accounts: readonly Account[],
): Promise<number> {
  const n = await insertColumns(db, 'accounts', [
    { name: 'id', type: 'text', values: accounts.map((a) => a.id) },
    { name: 'org_id', type: 'text', values: accounts.map(() => orgId) },
    {
      name: 'external_id',
      type: 'text',
      values: accounts.map((a) => a.externalId),
    },
    { name: 'name', type: 'text', values: accounts.map((a) => a.name) },
    { name: 'industry', type: 'text', values: accounts.map((a) => a.industry) },
    {
      name: 'size_band',
      type: 'text',
      values: accounts.map((a) => a.sizeBand),
    },
    { name: 'lon', type: 'float8', values: accounts.map((a) => a.location[0]) },
    { name: 'lat', type: 'float8', values: accounts.map((a) => a.location[1]) },
    {
      name: 'annual_revenue',
      type: 'float8',
      values: accounts.map((a) => a.annualRevenue),
    },
    {
      name: 'potential',
      type: 'float8',
      values: accounts.map((a) => a.potential),
    },
    {
      name: 'workload_minutes',
      type: 'float8',
      values: accounts.map((a) => a.workloadMinutes),
    },
  ])
  await insertAccountUnits(
    db,
    layerId,
    accounts.filter((a) => a.unitId !== null),
  )
  return n
}

/** Places accounts in a layer's units (`unitId` per account; replaces an earlier place). */
export async function insertAccountUnits(
  db: Kysely<Database>,
  layerId: string,
  placed: readonly { id: string; unitId: string | null }[],
): Promise<void> {
  const rows = placed.filter((p) => p.unitId !== null)
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000)
    await sql`
      insert into account_units (layer_id, account_id, unit_id)
      select ${layerId}, a, u from unnest(${chunk.map((p) => p.id)}::text[], ${chunk.map(
        (p) => p.unitId,
      )}::text[]) as t(a, u)
      on conflict (layer_id, account_id) do update set unit_id = excluded.unit_id`.execute(
      db,
    )
  }
  // A new layer's rows arrive all at once: without fresh statistics the planner takes the
  // table for empty and joins it by scanning it once per account (46 s instead of 1 s for
  // the demo on the embedded database).
  if (rows.length > 0) await sql`analyze account_units`.execute(db)
}

/** Monthly sales in columns (one entry per account-month), as the demo generator makes them. */
export interface SalesColumns {
  accountId: readonly string[]
  month: readonly string[]
  amount: ArrayLike<number>
}

/** Above this many rows a load drops the account foreign key and validates it once at the end. */
const BULK_ROWS = 50_000

/**
 * Inserts monthly sales. A large load inside a transaction drops the foreign key to
 * `accounts` and adds it back afterwards: re-adding validates every row in one join, where
 * per-row checks made a 600,000-row load 3× slower (PostgreSQL's "Populating a Database"
 * advice). Outside a transaction the per-row checks stay, so no window without the key exists.
 */
export async function insertSales(
  db: Kysely<Database>,
  sales: SalesColumns,
): Promise<number> {
  const bulk = db.isTransaction && sales.amount.length > BULK_ROWS
  if (bulk)
    await sql`alter table sales_history drop constraint sales_history_account_id_fkey`.execute(
      db,
    )
  const rows = await insertColumns(
    db,
    'sales_history',
    [
      { name: 'account_id', type: 'text', values: sales.accountId },
      { name: 'month', type: 'date', values: sales.month },
      { name: 'amount', type: 'float8', values: sales.amount },
    ],
    { chunkSize: 50_000 },
  )
  if (bulk) {
    await sql`alter table sales_history add constraint sales_history_account_id_fkey
      foreign key (account_id) references accounts (id) on delete cascade`.execute(
      db,
    )
  }
  return rows
}

/** An account on the map, with its behavioural (RFM) segment when one was computed. */
export type MapAccount = Account & { segment: string | null }

export interface AccountsPage {
  accounts: MapAccount[]
  /** True when more accounts lie in the box than `limit`; the client should zoom in. */
  truncated: boolean
}

/** Which accounts the map shows: by segment, industry, size band (each optional). */
export interface AccountFilter {
  segments?: readonly string[] | undefined
  industries?: readonly string[] | undefined
  sizeBands?: readonly string[] | undefined
}

/**
 * Accounts inside a bounding box, biggest potential first so a truncated page still shows
 * what matters. A box that crosses the antimeridian (west > east) is not accepted by `BBox`.
 */
export async function accountsInBBox(
  db: Kysely<Database>,
  orgId: string,
  layerId: string | null,
  bbox: BBox,
  limit: number,
  filter: AccountFilter = {},
): Promise<AccountsPage> {
  const [west, south, east, north] = bbox
  let q = db
    .selectFrom('accounts')
    .leftJoin('account_segments', 'account_segments.account_id', 'accounts.id')
    .leftJoin('account_units as au', (j) =>
      j
        .onRef('au.account_id', '=', 'accounts.id')
        .on('au.layer_id', '=', layerId ?? ''),
    )
    .selectAll('accounts')
    .select(['account_segments.segment', 'au.unit_id'])
    .where('org_id', '=', orgId)
    .where('lat', '>=', south)
    .where('lat', '<=', north)
    .where('lon', '>=', west)
    .where('lon', '<=', east)
  if (filter.segments?.length)
    q = q.where(
      'account_segments.segment',
      'in',
      filter.segments as AccountSegmentRow['segment'][],
    )
  if (filter.industries?.length)
    q = q.where('industry', 'in', [...filter.industries])
  if (filter.sizeBands?.length)
    q = q.where(
      'size_band',
      'in',
      filter.sizeBands as AccountRow['size_band'][],
    )
  const rows = await q
    .orderBy('potential', 'desc')
    .orderBy('accounts.id')
    .limit(limit + 1)
    .execute()
  return {
    accounts: rows
      .slice(0, limit)
      .map((r) => ({ ...toAccount(r), segment: r.segment ?? null })),
    truncated: rows.length > limit,
  }
}

/** An account as a search result lists it. */
export interface AccountHit {
  id: string
  name: string
  externalId: string
  unitId: string | null
}

/**
 * Accounts of an organization whose name or CRM id contains `query` (any case), names that
 * start with it first, at most `limit`. The query is matched literally: `%`, `_` and `\`
 * typed by the user are escaped, never wildcards.
 */
export async function searchAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
  query: string,
  limit: number,
): Promise<AccountHit[]> {
  const literal = escapeLike(query)
  const contains = `%${literal}%`
  const rows = await withUnit(db, layerId)
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('name')} ilike ${contains} escape '\\'`,
        sql<boolean>`${eb.ref('external_id')} ilike ${contains} escape '\\'`,
      ]),
    )
    .orderBy(sql`${sql.ref('name')} ilike ${`${literal}%`} escape '\\'`, 'desc')
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(toHit)
}

/** The accounts of an organization with these ids (unknown ids are left out). */
export async function findAccountHits(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
  ids: readonly string[],
): Promise<AccountHit[]> {
  if (ids.length === 0) return []
  const rows = await withUnit(db, layerId)
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(toHit)
}

/** Accounts with their unit in `layerId` (null outside it), for hits. */
function withUnit(db: Kysely<Database>, layerId: string) {
  return db
    .selectFrom('accounts')
    .leftJoin('account_units as au', (j) =>
      j
        .onRef('au.account_id', '=', 'accounts.id')
        .on('au.layer_id', '=', layerId),
    )
    .select(['id', 'name', 'external_id', 'au.unit_id'])
}

function toHit(r: {
  id: string
  name: string
  external_id: string
  unit_id: string | null
}): AccountHit {
  return {
    id: r.id,
    name: r.name,
    externalId: r.external_id,
    unitId: r.unit_id,
  }
}

function escapeLike(query: string): string {
  return query.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export async function countAccounts(
  db: Kysely<Database>,
  orgId: string,
): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface UnitAccountStats {
  unitId: string
  accounts: number
  potential: number
  revenue: number
  workloadMinutes: number
}

/** Per-unit account totals for a layer: what the map colours and tooltips need. */
export async function unitAccountStats(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<UnitAccountStats[]> {
  const rows = await db
    .selectFrom('accounts')
    .innerJoin('account_units as au', 'au.account_id', 'accounts.id')
    .select([
      'au.unit_id',
      sql<string>`count(*)`.as('n'),
      sql<number>`sum(potential)`.as('potential'),
      sql<number>`sum(annual_revenue)`.as('revenue'),
      sql<number>`sum(workload_minutes)`.as('workload'),
    ])
    .where('org_id', '=', orgId)
    .where('au.layer_id', '=', layerId)
    .groupBy('au.unit_id')
    .orderBy('au.unit_id')
    .execute()
  return rows.map((r) => ({
    unitId: r.unit_id as string,
    accounts: Number(r.n),
    potential: Number(r.potential),
    revenue: Number(r.revenue),
    workloadMinutes: Number(r.workload),
  }))
}

function toAccount(r: AccountRow & { unit_id: string | null }): Account {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    industry: r.industry,
    sizeBand: r.size_band,
    location: [r.lon, r.lat],
    unitId: r.unit_id,
    annualRevenue: r.annual_revenue,
    potential: r.potential,
    workloadMinutes: r.workload_minutes,
  }
}

/** An account with what the scoring engine weighs: potential, workload, last-12-month sales. */
export interface ScoringAccountRow {
  id: string
  unitId: string | null
  lon: number
  lat: number
  potential: number
  workloadMinutes: number
  sales12m: number
  /** The account's next-12-month revenue forecast (`account_forecasts`); 0 without one. */
  forecast12m: number
}

/**
 * Every account of an organization in a layer with its sales over the 12 months up to the
 * latest month on record (one aggregate query; the engine is built from this once per layer).
 */
/**
 * Each account's sales over the organization's last 12 months of history (the months after
 * its latest month minus a year), as `(account_id, total)`: a subquery for `with recent as`.
 */
export function recentSales(orgId: string) {
  return sql`
      select s.account_id, sum(s.amount) as total
      from sales_history s
      join accounts a on a.id = s.account_id and a.org_id = ${orgId}
      where s.month > (
        select max(s2.month) - interval '12 months'
        from sales_history s2 join accounts a2 on a2.id = s2.account_id and a2.org_id = ${orgId}
      )
      group by s.account_id`
}

/** Every account of an organization with its unit in `layerId` and its last-12-month sales. */
async function accountsWithSales(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
) {
  const { rows } = await sql<{
    id: string
    external_id: string
    name: string
    lon: number
    lat: number
    potential: number
    workload_minutes: number
    sales: number | string | null
    forecast: number | null
  }>`
    with recent as (${recentSales(orgId)})
    select a.id, a.external_id, a.name, a.lon, a.lat,
      a.potential, a.workload_minutes, recent.total as sales, f.next_12m as forecast
    from accounts a left join recent on recent.account_id = a.id
    left join account_forecasts f on f.account_id = a.id
    where a.org_id = ${orgId}
    order by a.id`.execute(db)
  // The units by the key's prefix, matched here: joined in the query, a planner with
  // stale statistics for a just-made layer scanned the placements once per account.
  const placed = await db
    .selectFrom('account_units')
    .select(['account_id', 'unit_id'])
    .where('layer_id', '=', layerId)
    .execute()
  const unitOf = new Map(placed.map((p) => [p.account_id, p.unit_id]))
  return rows.map((r) => ({ ...r, unit_id: unitOf.get(r.id) ?? null }))
}

export async function listScoringAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<ScoringAccountRow[]> {
  return (await accountsWithSales(db, orgId, layerId)).map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    lon: r.lon,
    lat: r.lat,
    potential: r.potential,
    workloadMinutes: r.workload_minutes,
    sales12m: Number(r.sales ?? 0),
    forecast12m: Number(r.forecast ?? 0),
  }))
}

/** Accounts as a scenario comparison names them: ids, name, unit, value and workload. */
export async function listDiffAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<DiffAccount[]> {
  return (await accountsWithSales(db, orgId, layerId)).map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    unitId: r.unit_id,
    potential: r.potential,
    workloadMinutes: r.workload_minutes,
    sales12m: Number(r.sales ?? 0),
  }))
}

/** Accounts of an organization by id with their unit in `layerId` and their figures. */
export async function accountFigures(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
  ids: readonly string[],
): Promise<
  {
    accountId: string
    unitId: string | null
    potential: number
    revenue: number
    workloadMinutes: number
  }[]
> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('account_units as au', (j) =>
      j
        .onRef('au.account_id', '=', 'accounts.id')
        .on('au.layer_id', '=', layerId),
    )
    .select([
      'accounts.id',
      'au.unit_id',
      'potential',
      'annual_revenue',
      'workload_minutes',
    ])
    .where('org_id', '=', orgId)
    .where('accounts.id', 'in', [...ids])
    .execute()
  return rows.map((r) => ({
    accountId: r.id,
    unitId: r.unit_id,
    potential: r.potential,
    revenue: r.annual_revenue,
    workloadMinutes: r.workload_minutes,
  }))
}
