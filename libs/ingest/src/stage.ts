import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '@tessera/db'
import type { ImportKind, RowProblem } from '@tessera/importer'

type PgType = 'text' | 'float8' | 'int4' | 'date' | 'jsonb' | 'bool'

/** The staging table's columns per kind: what a row carries before it is merged. */
export const STAGE_COLUMNS: Record<ImportKind, [string, PgType][]> = {
  accounts: [
    ['line', 'int4'],
    ['new_id', 'text'],
    ['external_id', 'text'],
    ['name', 'text'],
    ['industry', 'text'],
    ['size_band', 'text'],
    ['lon', 'float8'],
    ['lat', 'float8'],
    // The unit in the first layer of the import's placements, and in the others joined by
    // tabs in their order ('' where outside): one text column, since unnest flattens arrays.
    ['unit_id', 'text'],
    ['more_units', 'text'],
    ['annual_revenue', 'float8'],
    ['potential', 'float8'],
    ['workload_minutes', 'float8'],
    ['by_zip', 'bool'],
  ],
  reps: [
    ['line', 'int4'],
    ['new_id', 'text'],
    ['external_id', 'text'],
    ['name', 'text'],
    ['email', 'text'],
    ['home_city', 'text'],
    ['home_lon', 'float8'],
    ['home_lat', 'float8'],
    ['weekly_capacity_minutes', 'float8'],
    ['industries', 'jsonb'],
    ['experience', 'int4'],
  ],
  sales: [
    ['line', 'int4'],
    ['account_external_id', 'text'],
    ['month', 'date'],
    ['amount', 'float8'],
  ],
}

/**
 * Rows buffered column by column and written to the session's temporary staging table a
 * chunk at a time with one `insert … select * from unnest(…)` (one statement and a dozen
 * parameters per chunk). The staging table lives inside the import's transaction, so a
 * rolled-back import (atomic with bad rows, a dry run, a crash) leaves nothing behind.
 */
export class Stage {
  private readonly columns: [string, PgType][]
  private buffers: unknown[][]
  private size = 0
  private pending: Promise<void> = Promise.resolve()
  written = 0

  constructor(
    private readonly db: Kysely<Database>,
    readonly kind: ImportKind,
    private readonly chunk = 10_000,
  ) {
    this.columns = STAGE_COLUMNS[kind]
    this.buffers = this.columns.map(() => [])
  }

  async create(): Promise<void> {
    const defs = sql.join(
      this.columns.map(
        ([name, type]) => sql`${sql.ref(name)} ${sql.raw(type)}`,
      ),
    )
    await sql`create temporary table import_stage (${defs}) on commit drop`.execute(
      this.db,
    )
  }

  /**
   * Values in {@link STAGE_COLUMNS} order. A full chunk is written while the caller goes on
   * reading the file: one write in flight at a time, so parsing and the database overlap.
   */
  async add(values: readonly unknown[]): Promise<void> {
    for (let i = 0; i < values.length; i++) this.buffers[i]!.push(values[i])
    if (++this.size >= this.chunk) {
      await this.pending
      this.pending = this.write()
      // Awaited by the next add or flush; this only keeps it from counting as unhandled.
      this.pending.catch(() => undefined)
    }
  }

  /** Writes what is buffered and waits for every write. */
  async flush(): Promise<void> {
    await this.pending
    this.pending = Promise.resolve()
    await this.write()
  }

  private write(): Promise<void> {
    if (this.size === 0) return Promise.resolve()
    const buffers = this.buffers
    const size = this.size
    this.buffers = this.columns.map(() => [])
    this.size = 0
    const arrays: RawBuilder<unknown>[] = this.columns.map(([, type], i) => {
      const values = buffers[i]!
      return sql`${type === 'jsonb' ? values.map((v) => JSON.stringify(v)) : values}::${sql.raw(type)}[]`
    })
    const names = sql.join(this.columns.map(([n]) => sql.ref(n)))
    return sql`insert into import_stage (${names}) select * from unnest(${sql.join(arrays)})`
      .execute(this.db)
      .then(() => {
        this.written += size
      })
  }
}

/**
 * Problems only the whole file shows, found in the database once every row is staged (so
 * memory does not grow with the file): an external id used twice, a sale for an account
 * the organization does not have, or an account's month given twice. The later rows are
 * reported, with the line of the first, and removed from the stage.
 */
export async function stagedProblems(
  db: Kysely<Database>,
  kind: ImportKind,
  orgId: string,
  idColumn: string,
  limit: number,
): Promise<{ problems: RowProblem[]; total: number }[]> {
  const key =
    kind === 'sales' ? ['account_external_id', 'month'] : ['external_id']
  // An index so the checks and the merge join on the key, not scan per row.
  await sql`create index on import_stage (${sql.join(key.map((k) => sql.ref(k)))})`.execute(
    db,
  )
  await sql`analyze import_stage`.execute(db)
  const partition = sql.join(key.map((k) => sql.ref(k)))
  const keyId = sql.ref(key[0]!)
  const repeated = await sql<{
    line: number
    id: string
    month: string | null
    first: number
    n: string
  }>`
    select line, id, month, first, count(*) over () as n from (
      select line, ${keyId} as id,
        ${kind === 'sales' ? sql`to_char(month, 'YYYY-MM')` : sql`null`} as month,
        min(line) over w as first, row_number() over (w order by line) as k
      from import_stage window w as (partition by ${partition})
    ) d where k > 1 order by line limit ${limit}`.execute(db)
  const problems: RowProblem[] = repeated.rows.map((r) =>
    kind === 'sales'
      ? {
          line: r.line,
          column: 'Month',
          value: `${r.id} ${r.month}`,
          reason: `this account's month is already on line ${r.first}`,
        }
      : {
          line: r.line,
          column: idColumn,
          value: r.id,
          reason: `duplicate external id: already on line ${r.first}`,
        },
  )
  const groups = [{ problems, total: Number(repeated.rows[0]?.n ?? 0) }]
  if (groups[0]!.total > 0)
    await sql`delete from import_stage s using import_stage t
      where ${sql.join(
        key.map((k) => sql`s.${sql.ref(k)} = t.${sql.ref(k)}`),
        sql` and `,
      )} and s.line > t.line`.execute(db)
  if (kind === 'sales') {
    const unknown = await sql<{ line: number; id: string; n: string }>`
      select line, account_external_id as id, count(*) over () as n
      from import_stage s
      where not exists (select 1 from accounts a
        where a.org_id = ${orgId} and a.external_id = s.account_external_id)
      order by line limit ${limit}`.execute(db)
    const n = Number(unknown.rows[0]?.n ?? 0)
    groups.push({
      total: n,
      problems: unknown.rows.map((r) => ({
        line: r.line,
        column: idColumn,
        value: r.id,
        reason: 'no account has this external id (import the accounts first)',
      })),
    })
    if (n > 0)
      await sql`delete from import_stage s
        where not exists (select 1 from accounts a
          where a.org_id = ${orgId} and a.external_id = s.account_external_id)`.execute(
        db,
      )
  }
  return groups
}

export interface Placed {
  byCoordinates: number
  byZip: number
  outsideUnits: number
  /** [west, south, east, north] of the accounts, for "show them on the map". */
  bbox: [number, number, number, number] | null
}

/** How the staged (good, distinct) accounts were placed. */
export async function stagedPlacement(db: Kysely<Database>): Promise<Placed> {
  const r = await sql<{
    zip: string
    coords: string
    outside: string
    w: number | null
    s: number
    e: number
    n: number
  }>`
    select count(*) filter (where by_zip) as zip,
      count(*) filter (where not by_zip) as coords,
      count(*) filter (where unit_id is null) as outside,
      min(lon) as w, min(lat) as s, max(lon) as e, max(lat) as n
    from import_stage`.execute(db)
  const row = r.rows[0]
  return {
    byCoordinates: Number(row?.coords ?? 0),
    byZip: Number(row?.zip ?? 0),
    outsideUnits: Number(row?.outside ?? 0),
    bbox: row && row.w !== null ? [row.w, row.s, row.e, row.n] : null,
  }
}

export interface MergeCounts {
  inserted: number
  updated: number
}

/**
 * Moves the staged rows into their table, by external id: existing records are updated and
 * keep what the file left blank (a file without an industry column does not wipe the
 * industries), new ones are inserted with the defaults below.
 */
export async function mergeStage(
  db: Kysely<Database>,
  kind: ImportKind,
  orgId: string,
  layerIds: readonly string[] = [],
): Promise<MergeCounts> {
  switch (kind) {
    case 'accounts':
      return mergeAccounts(db, orgId, layerIds)
    case 'reps':
      return mergeReps(db, orgId)
    case 'sales':
      return mergeSales(db, orgId)
  }
}

/** Visit minutes a month for an account without a workload, by size band (the demo's midpoints). */
export const DEFAULT_WORKLOAD: Record<string, number> = {
  small: 2,
  mid: 4.5,
  large: 9.5,
  enterprise: 22.5,
}

const workloadDefault = sql.raw(
  `case coalesce(s.size_band, 'small') ${Object.entries(DEFAULT_WORKLOAD)
    .map(([band, minutes]) => `when '${band}' then ${minutes}`)
    .join(' ')} end`,
)

async function count(query: RawBuilder<{ n: string }>, db: Kysely<Database>) {
  const r = await query.execute(db)
  return Number(r.rows[0]?.n ?? 0)
}

async function mergeAccounts(
  db: Kysely<Database>,
  orgId: string,
  layerIds: readonly string[],
): Promise<MergeCounts> {
  const updated = await count(
    sql`with u as (
      update accounts a set
        name = s.name,
        industry = coalesce(s.industry, a.industry),
        size_band = coalesce(s.size_band, a.size_band),
        lon = s.lon, lat = s.lat,
        annual_revenue = coalesce(s.annual_revenue, a.annual_revenue),
        potential = coalesce(s.potential, a.potential),
        workload_minutes = coalesce(s.workload_minutes, a.workload_minutes)
      from import_stage s
      where a.org_id = ${orgId} and a.external_id = s.external_id
      returning 1) select count(*) as n from u`,
    db,
  )
  const inserted = await count(
    sql`with i as (
      insert into accounts (id, org_id, external_id, name, industry, size_band, lon, lat,
        annual_revenue, potential, workload_minutes)
      select s.new_id, ${orgId}, s.external_id, s.name, coalesce(s.industry, 'Unspecified'),
        coalesce(s.size_band, 'small'), s.lon, s.lat,
        coalesce(s.annual_revenue, 0), coalesce(s.potential, 0),
        coalesce(s.workload_minutes, ${workloadDefault})
      from import_stage s
      where not exists (select 1 from accounts a
        where a.org_id = ${orgId} and a.external_id = s.external_id)
      returning 1) select count(*) as n from i`,
    db,
  )
  // Each account's unit in every layer, from where it now is: the old places go first
  // (an account that moved out of every unit of a layer has none there any more).
  if (layerIds.length > 0) {
    await sql`
      delete from account_units au using import_stage s, accounts a
      where a.org_id = ${orgId} and a.external_id = s.external_id
        and au.account_id = a.id and au.layer_id = any(${[...layerIds]}::text[])`.execute(
      db,
    )
    for (const [i, layerId] of layerIds.entries()) {
      const unit =
        i === 0
          ? sql`s.unit_id`
          : sql`nullif(split_part(s.more_units, E'\t', ${i}), '')`
      await sql`
        insert into account_units (layer_id, account_id, unit_id)
        select ${layerId}, a.id, ${unit}
        from import_stage s join accounts a
          on a.org_id = ${orgId} and a.external_id = s.external_id
        where ${unit} is not null`.execute(db)
    }
  }
  return { inserted, updated }
}

async function mergeReps(
  db: Kysely<Database>,
  orgId: string,
): Promise<MergeCounts> {
  const updated = await count(
    sql`with u as (
      update reps r set
        name = s.name, email = s.email,
        home_city = coalesce(s.home_city, r.home_city),
        home_lon = s.home_lon, home_lat = s.home_lat,
        weekly_capacity_minutes = coalesce(s.weekly_capacity_minutes, r.weekly_capacity_minutes),
        industries = coalesce(s.industries, r.industries),
        experience = coalesce(s.experience, r.experience)
      from import_stage s
      where r.org_id = ${orgId} and r.external_id = s.external_id
      returning 1) select count(*) as n from u`,
    db,
  )
  // A new rep without a capacity gets a 40-hour week; without experience, the middle level.
  const inserted = await count(
    sql`with i as (
      insert into reps (id, org_id, external_id, name, email, home_city, home_lon, home_lat,
        industries, products, experience, weekly_capacity_minutes)
      select s.new_id, ${orgId}, s.external_id, s.name, s.email, coalesce(s.home_city, ''),
        s.home_lon, s.home_lat, coalesce(s.industries, '[]'::jsonb), '[]'::jsonb,
        coalesce(s.experience, 3), coalesce(s.weekly_capacity_minutes, 2400)
      from import_stage s
      where not exists (select 1 from reps r
        where r.org_id = ${orgId} and r.external_id = s.external_id)
      returning 1) select count(*) as n from i`,
    db,
  )
  return { inserted, updated }
}

async function mergeSales(
  db: Kysely<Database>,
  orgId: string,
): Promise<MergeCounts> {
  // `xmax = 0` tells a fresh row from one the conflict clause updated.
  const r = await sql<{ inserted: string; updated: string }>`
    with m as (
      insert into sales_history (account_id, month, amount)
      select a.id, s.month, s.amount from import_stage s
      join accounts a
        on a.org_id = ${orgId} and a.external_id = s.account_external_id
      on conflict (account_id, month) do update set amount = excluded.amount
      returning (xmax = 0) as fresh)
    select count(*) filter (where fresh) as inserted,
      count(*) filter (where not fresh) as updated from m`.execute(db)
  return {
    inserted: Number(r.rows[0]?.inserted ?? 0),
    updated: Number(r.rows[0]?.updated ?? 0),
  }
}
