import { type Kysely, sql } from 'kysely'

/**
 * Analytics (issue 9): forecasts and quotas.
 *
 * - `account_forecasts` keeps one row per account: its next-12-month revenue as the engine's
 *   forecaster saw it at `as_of` (the last month of history it read), with the method and
 *   how many months of history it had, so a dashboard can say what a figure rests on. It is
 *   rewritten whole for an organization by each refresh (after the demo seed or a sales
 *   import); an account's row goes with the account.
 * - `territory_quotas` keeps the quota a manager set for a territory of a plan. Territories
 *   live in the scenarios' Yjs documents, not in a table, so there is no foreign key to
 *   them: a quota outlives a draft that deleted its territory and applies again if the
 *   territory comes back (the ids are shared by a plan's scenarios).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_forecasts')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('next_12m', 'float8', (c) =>
      c.notNull().check(sql`next_12m >= 0`),
    )
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('history_months', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('as_of', 'date', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('territory_quotas')
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('plans.id').onDelete('cascade'),
    )
    .addColumn('territory_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'float8', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('set_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('set_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addPrimaryKeyConstraint('territory_quotas_pk', ['plan_id', 'territory_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('territory_quotas').execute()
  await db.schema.dropTable('account_forecasts').execute()
}
