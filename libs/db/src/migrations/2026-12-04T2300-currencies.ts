import { type Kysely, sql } from 'kysely'

/**
 * Money and distances per organization (issue 10). Amounts stay stored in the
 * organization's base currency; `currency_rates` holds what an admin set — units of another
 * currency per one unit of base — so a region shown in pounds converts the stored euros,
 * and an import in pounds converts to euros, by the same rate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('base_currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .execute()
  await db.schema
    .alterTable('organizations')
    .addColumn('distance_unit', 'text', (c) =>
      c
        .notNull()
        .defaultTo('km')
        .check(sql`distance_unit in ('km', 'mi')`),
    )
    .execute()
  await db.schema
    .createTable('currency_rates')
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('per_base', 'float8', (c) =>
      c.notNull().check(sql`per_base > 0`),
    )
    .addColumn('set_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('set_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addPrimaryKeyConstraint('currency_rates_pk', ['org_id', 'currency'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('currency_rates').execute()
  await db.schema
    .alterTable('organizations')
    .dropColumn('distance_unit')
    .execute()
  await db.schema
    .alterTable('organizations')
    .dropColumn('base_currency')
    .execute()
}
