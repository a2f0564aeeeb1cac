import { type Kysely, sql } from 'kysely'

/**
 * CSV imports (issue 9).
 *
 * - Reps get the CRM's id (`external_id`), so a reps file upserts by it as an accounts file
 *   does. Existing reps keep their id as their external id.
 * - `import_runs` keeps every import, dry run or not, with its outcome and the first
 *   problems found, so "what did last night's load reject?" has an answer after the upload
 *   page is closed, and sales imports can be followed by drift checks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reps').addColumn('external_id', 'text').execute()
  await sql`update reps set external_id = id`.execute(db)
  await sql`alter table reps alter column external_id set not null`.execute(db)
  await db.schema
    .alterTable('reps')
    .addUniqueConstraint('reps_external_id', ['org_id', 'external_id'])
    .execute()

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('accounts', 'reps', 'sales')`),
    )
    .addColumn('mode', 'text', (c) =>
      c.notNull().check(sql`mode in ('atomic', 'upsert')`),
    )
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('running', 'imported', 'rejected', 'validated', 'failed')`,
        ),
    )
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{}'::jsonb`),
    )
    .execute()
  await db.schema
    .createIndex('import_runs_org')
    .on('import_runs')
    .columns(['org_id', 'started_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_runs').execute()
  await db.schema
    .alterTable('reps')
    .dropConstraint('reps_external_id')
    .execute()
  await db.schema.alterTable('reps').dropColumn('external_id').execute()
}
