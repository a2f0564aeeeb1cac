import { type Kysely, sql } from 'kysely'
import { type Database, insertColumns } from '@tessera/db'
import {
  type RfmFeatures,
  type RfmSegment,
  rfmFeatures,
  rfmSegments,
} from '@tessera/engine'

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
  // Month offsets from the window's start, computed in SQL (no date parsing per row).
  const rows = await sql<{ account_id: string; k: number; amount: number }>`
    with last as (
      select max(s.month) as m from sales_history s
      join accounts a on a.id = s.account_id where a.org_id = ${orgId})
    select s.account_id,
      ((extract(year from s.month) - extract(year from last.m)) * 12
        + extract(month from s.month) - extract(month from last.m)
        + ${WINDOW_MONTHS - 1})::int as k,
      s.amount
    from sales_history s
    join accounts a on a.id = s.account_id, last
    where a.org_id = ${orgId} and s.month > last.m - interval '${sql.raw(String(WINDOW_MONTHS))} months'`.execute(
    db,
  )
  for (const r of rows.rows) {
    const i = index.get(r.account_id)
    if (i === undefined || r.k < 0 || r.k >= WINDOW_MONTHS) continue
    amounts[i * WINDOW_MONTHS + r.k] = r.amount
  }
  const features: RfmFeatures[] = accounts.map((_, i) =>
    rfmFeatures(amounts.subarray(i * WINDOW_MONTHS, (i + 1) * WINDOW_MONTHS)),
  )
  const { segments } = rfmSegments(features, { seed: 1 })
  await sql`delete from account_segments s using accounts a
    where a.id = s.account_id and a.org_id = ${orgId}`.execute(db)
  await insertColumns(db, 'account_segments', [
    { name: 'account_id', type: 'text', values: accounts.map((a) => a.id) },
    { name: 'segment', type: 'text', values: segments },
    {
      name: 'recency',
      type: 'int4',
      values: features.map((f) => f.recency),
    },
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
  ])
  const sizes: Partial<Record<RfmSegment, number>> = {}
  for (const s of segments) sizes[s] = (sizes[s] ?? 0) + 1
  return {
    accounts: accounts.length,
    sizes,
    ms: performance.now() - started,
  }
}
