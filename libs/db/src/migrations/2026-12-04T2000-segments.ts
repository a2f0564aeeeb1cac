import { type Kysely, sql } from 'kysely'

/**
 * Behavioural segments (issue 9): each account's RFM features over its last 24 months of
 * sales and the k-means segment they fall in, recomputed after every sales import. Kept
 * apart from `accounts` because they are derived, and replaced wholesale per organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_segments')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('segment', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`segment in ('champions', 'loyal', 'growing', 'at-risk', 'dormant')`,
        ),
    )
    .addColumn('recency', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'integer', (c) => c.notNull())
    .addColumn('monetary', 'float8', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_segments').execute()
}
