import { type Kysely, sql } from 'kysely'

/**
 * Geography beyond US counties (issue 10). An organization may now have several unit layers
 * at once (its counties plan and the same plan re-based on hexagons), so an account's unit
 * is kept per layer in `account_units` instead of one `accounts.layer_id/unit_id` pair.
 * Layers built from an organization's accounts (H3 cells) belong to it (`org_id`); shared
 * base layers (US counties) have none. `details` holds what made the layer (resolution,
 * counts) as JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('unit_layers')
    .addColumn('org_id', 'text', (c) =>
      c.references('organizations.id').onDelete('cascade'),
    )
    .execute()
  await db.schema
    .alterTable('unit_layers')
    .addColumn('details', 'text')
    .execute()

  await db.schema
    .createTable('account_units')
    .addColumn('layer_id', 'text', (c) =>
      c.notNull().references('unit_layers.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_units_pk', ['layer_id', 'account_id'])
    .execute()
  await sql`
    insert into account_units (layer_id, account_id, unit_id)
    select layer_id, id, unit_id from accounts
    where layer_id is not null and unit_id is not null`.execute(db)
  await db.schema
    .createIndex('account_units_unit')
    .on('account_units')
    .columns(['layer_id', 'unit_id'])
    .execute()
  await db.schema.dropIndex('accounts_unit').execute()
  await db.schema.alterTable('accounts').dropColumn('unit_id').execute()
  await db.schema.alterTable('accounts').dropColumn('layer_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('layer_id', 'text').execute()
  await db.schema.alterTable('accounts').addColumn('unit_id', 'text').execute()
  // Back to one unit per account: the oldest layer's.
  await sql`
    update accounts a set layer_id = au.layer_id, unit_id = au.unit_id
    from (select distinct on (au.account_id) au.account_id, au.layer_id, au.unit_id
          from account_units au join unit_layers l on l.id = au.layer_id
          order by au.account_id, l.created_at) au
    where au.account_id = a.id`.execute(db)
  await db.schema
    .createIndex('accounts_unit')
    .on('accounts')
    .columns(['layer_id', 'unit_id'])
    .execute()
  await db.schema.dropTable('account_units').execute()
  await db.schema.alterTable('unit_layers').dropColumn('details').execute()
  await db.schema.alterTable('unit_layers').dropColumn('org_id').execute()
}
