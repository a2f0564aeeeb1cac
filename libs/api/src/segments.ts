import { type Kysely, sql } from 'kysely'
import { type Database, insertColumns } from '@tessera/db'
import {
  type RfmFeatures,
  type RfmSegment,
  rfmFeatures,
  rfmSegments,
} from '@tessera/engine'
import { yieldToEventLoop } from './event-loop.js'

export interface SegmentRefresh {
  accounts: number
  /** Accounts per segment. */
  sizes: Partial<Record<RfmSegment, number>>
  ms: number
}

/** The RFM window: two years says whether an account still buys and how steadily. */
const WINDOW_MONTHS = 24

/**
 * Recomputes every account's behavioural segment (RFM k-means, `rfmSegments`) over the
 * organization's last 24 months of sales, ending at its latest month on record, and
 * replaces `account_segments` for it. Accounts without a sale in the window are "dormant".
 * Call after seeding or importing sales.
 */
export async function refreshSegments(
  db: Kysely<Database>,
  orgId: string,
): Promise<SegmentRefresh> {
  const started = performance.now()
  const accounts = await db
    .selectFrom('accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute()
  const index = new Map(accounts.map((a, i) => [a.id, i]))
  const amounts = new Float64Array(accounts.length * WINDOW_MONTHS)
  // Month offsets from the window's start, computed in SQL (no date parsing per row), and
  // gathered per account: one row per account, not per month, is what makes the read fast
  // (600,000 monthly rows as objects took seconds on the embedded database, blocking it).
  const rows = await sql<{
    account_id: string
    ks: number[]
    amounts: number[]
  }>`
    with last as (
      select max(s.month) as m from sales_history s
      join accounts a on a.id = s.account_id where a.org_id = ${orgId})
    select s.account_id,
      array_agg(((extract(year from s.month) - extract(year from last.m)) * 12
        + extract(month from s.month) - extract(month from last.m)
        + ${WINDOW_MONTHS - 1})::int) as ks,
      array_agg(s.amount) as amounts
    from sales_history s
    join accounts a on a.id = s.account_id, last
    where a.org_id = ${orgId} and s.month > last.m - interval '${sql.raw(String(WINDOW_MONTHS))} months'
    group by s.account_id`.execute(db)
  // Between steps the server answers other requests (see yieldToEventLoop).
  await yieldToEventLoop()
  for (const r of rows.rows) {
    const i = index.get(r.account_id)
    if (i === undefined) continue
    r.ks.forEach((kv, j) => {
      const k = Number(kv)
      if (k >= 0 && k < WINDOW_MONTHS)
        amounts[i * WINDOW_MONTHS + k] = Number(r.amounts[j])
    })
  }
  const features: RfmFeatures[] = accounts.map((_, i) =>
    rfmFeatures(amounts.subarray(i * WINDOW_MONTHS, (i + 1) * WINDOW_MONTHS)),
  )
  const { segments } = rfmSegments(features, { seed: 1 })
  await yieldToEventLoop()
  await sql`delete from account_segments s using accounts a
    where a.id = s.account_id and a.org_id = ${orgId}`.execute(db)
  return writeSegments(
    db,
    accounts.map((a) => a.id),
    { segments, features, started },
  )
}

/**
 * After an accounts import: segments come from sales alone, so every account already
 * segmented keeps its segment, and a new account has no sales yet (a sale names a known
 * account) — it is dormant, with the features of an empty window. Only those are written,
 * where {@link refreshSegments} would read every sale of the organization again (seconds
 * on the embedded database, which answers nothing else meanwhile) to the same result. When
 * an account without a segment does have sales (a refresh after a sales import failed),
 * the full refresh runs instead.
 */
export async function segmentNewAccounts(
  db: Kysely<Database>,
  orgId: string,
): Promise<SegmentRefresh> {
  const started = performance.now()
  const missing = await sql<{ id: string; has_sales: boolean }>`
    select a.id,
      exists (select 1 from sales_history s where s.account_id = a.id) as has_sales
    from accounts a
    where a.org_id = ${orgId}
      and not exists (select 1 from account_segments g where g.account_id = a.id)
    order by a.id`.execute(db)
  if (missing.rows.some((r) => r.has_sales)) return refreshSegments(db, orgId)
  const empty = rfmFeatures(new Float64Array(WINDOW_MONTHS))
  const features = missing.rows.map(() => empty)
  const { segments } = rfmSegments(features, { seed: 1 })
  // (Two imports finishing together may both add the same account: the first one wins.)
  return writeSegments(
    db,
    missing.rows.map((r) => r.id),
    { segments, features, started },
    { onConflictDoNothing: true },
  )
}

/** Stores the accounts' segments and features; the report of it. */
async function writeSegments(
  db: Kysely<Database>,
  accountIds: readonly string[],
  r: {
    segments: readonly RfmSegment[]
    features: readonly RfmFeatures[]
    started: number
  },
  options: { onConflictDoNothing?: boolean } = {},
): Promise<SegmentRefresh> {
  const { segments, features } = r
  await insertColumns(
    db,
    'account_segments',
    [
      { name: 'account_id', type: 'text', values: accountIds },
      { name: 'segment', type: 'text', values: segments },
      { name: 'recency', type: 'int4', values: features.map((f) => f.recency) },
      {
        name: 'frequency',
        type: 'int4',
        values: features.map((f) => f.frequency),
      },
      {
        name: 'monetary',
        type: 'float8',
        values: features.map((f) => f.monetary),
      },
    ],
    options,
  )
  const sizes: Partial<Record<RfmSegment, number>> = {}
  for (const s of segments) sizes[s] = (sizes[s] ?? 0) + 1
  return {
    accounts: accountIds.length,
    sizes,
    ms: performance.now() - r.started,
  }
}
