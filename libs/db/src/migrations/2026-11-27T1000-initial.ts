import { type Kysely, sql } from 'kysely'

// Migrations take `Kysely<any>`: they run against whatever shape the database had then,
// not today's `Database` type (kysely's migration docs).
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()

  await db.schema
    .createTable('reps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('home_city', 'text', (c) => c.notNull())
    .addColumn('home_lon', 'float8', (c) => c.notNull())
    .addColumn('home_lat', 'float8', (c) => c.notNull())
    .addColumn('industries', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'[]'::jsonb`),
    )
    .addColumn('products', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'[]'::jsonb`),
    )
    .addColumn('experience', 'integer', (c) =>
      c.notNull().check(sql`experience between 1 and 5`),
    )
    .addColumn('weekly_capacity_minutes', 'float8', (c) =>
      c.notNull().check(sql`weekly_capacity_minutes >= 0`),
    )
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'manager', 'planner', 'rep')`),
    )
    .addColumn('rep_id', 'text', (c) =>
      c.references('reps.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  // Emails are matched case-insensitively: one account per address however it is typed.
  await sql`create unique index users_email_unique on users (lower(email))`.execute(
    db,
  )

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sessions_user')
    .on('sessions')
    .column('user_id')
    .execute()

  await db.schema
    .createTable('unit_layers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The layer's geometry as TopoJSON text (shared arcs; served as is, parsed once per process).
    .addColumn('topology', 'text', (c) => c.notNull())
    // The TopoJSON object holding one geometry per unit, e.g. 'counties'.
    .addColumn('units_object', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()

  await db.schema
    .createTable('units')
    .addColumn('layer_id', 'text', (c) =>
      c.notNull().references('unit_layers.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('centroid_lon', 'float8', (c) => c.notNull())
    .addColumn('centroid_lat', 'float8', (c) => c.notNull())
    .addColumn('area_km2', 'float8', (c) => c.notNull())
    .addColumn('perimeter_km', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('units_pk', ['layer_id', 'id'])
    .execute()

  await db.schema
    .createTable('unit_adjacency')
    .addColumn('layer_id', 'text', (c) => c.notNull())
    .addColumn('a', 'text', (c) => c.notNull())
    .addColumn('b', 'text', (c) => c.notNull())
    .addColumn('shared_border_km', 'float8', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('border', 'proximity')`),
    )
    .addPrimaryKeyConstraint('unit_adjacency_pk', ['layer_id', 'a', 'b'])
    .addForeignKeyConstraint(
      'unit_adjacency_a',
      ['layer_id', 'a'],
      'units',
      ['layer_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'unit_adjacency_b',
      ['layer_id', 'b'],
      'units',
      ['layer_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('unit_adjacency_ordered', sql`a < b`)
    .execute()

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size_band', 'text', (c) =>
      c
        .notNull()
        .check(sql`size_band in ('small', 'mid', 'large', 'enterprise')`),
    )
    .addColumn('lon', 'float8', (c) =>
      c.notNull().check(sql`lon between -180 and 180`),
    )
    .addColumn('lat', 'float8', (c) =>
      c.notNull().check(sql`lat between -90 and 90`),
    )
    .addColumn('layer_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('annual_revenue', 'float8', (c) =>
      c.notNull().check(sql`annual_revenue >= 0`),
    )
    .addColumn('potential', 'float8', (c) =>
      c.notNull().check(sql`potential >= 0`),
    )
    .addColumn('workload_minutes', 'float8', (c) =>
      c.notNull().check(sql`workload_minutes >= 0`),
    )
    .addUniqueConstraint('accounts_external_id', ['org_id', 'external_id'])
    .execute()
  // Bounding-box queries filter on latitude first (narrower spread in the US), then longitude.
  await db.schema
    .createIndex('accounts_org_lat_lon')
    .on('accounts')
    .columns(['org_id', 'lat', 'lon'])
    .execute()
  await db.schema
    .createIndex('accounts_unit')
    .on('accounts')
    .columns(['layer_id', 'unit_id'])
    .execute()

  await db.schema
    .createTable('sales_history')
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('amount', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('sales_history_pk', ['account_id', 'month'])
    .execute()

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_layer_id', 'text', (c) =>
      c.notNull().references('unit_layers.id'),
    )
    .addColumn('published_scenario_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()

  await db.schema
    .createTable('scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('plans.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('draft', 'in_review', 'approved', 'published', 'archived')`,
        ),
    )
    .addColumn('parent_id', 'text', (c) =>
      c.references('scenarios.id').onDelete('set null'),
    )
    .addColumn('effective_date', 'date')
    .addColumn('created_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('updated_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  await db.schema
    .createIndex('scenarios_plan')
    .on('scenarios')
    .column('plan_id')
    .execute()

  // The Yjs update log and its compacted snapshots (ARCHITECTURE.md, "Persistence").
  await db.schema
    .createTable('yjs_updates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('doc_name', 'text', (c) => c.notNull())
    .addColumn('update', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  await db.schema
    .createIndex('yjs_updates_doc')
    .on('yjs_updates')
    .columns(['doc_name', 'id'])
    .execute()
  await db.schema
    .createTable('yjs_snapshots')
    .addColumn('doc_name', 'text', (c) => c.primaryKey())
    .addColumn('state', 'bytea', (c) => c.notNull())
    .addColumn('last_update_id', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('scenario_id', 'text', (c) =>
      c.references('scenarios.id').onDelete('cascade'),
    )
    .addColumn('territory_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('lon', 'float8')
    .addColumn('lat', 'float8')
    .addColumn('parent_id', 'text', (c) =>
      c.references('comments.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('updated_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('deleted_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('comments_scenario')
    .on('comments')
    .columns(['scenario_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('scenario_id', 'text', (c) =>
      c.references('scenarios.id').onDelete('cascade'),
    )
    .addColumn('territory_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('due_date', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('todo', 'in_progress', 'done')`),
    )
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('low', 'normal', 'high')`),
    )
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('updated_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  await db.schema
    .createIndex('tasks_assignee')
    .on('tasks')
    .columns(['assignee_id', 'due_date'])
    .execute()

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) =>
      c.notNull().references('scenarios.id').onDelete('cascade'),
    )
    .addColumn('rep_id', 'text', (c) =>
      c.references('reps.id').onDelete('set null'),
    )
    .addColumn('reviewer_id', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('pending', 'acknowledged', 'objected', 'approved', 'rejected')`,
        ),
    )
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('decided_at', 'timestamptz')
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('details', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{}'::jsonb`),
    )
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  await db.schema
    .createIndex('audit_log_org_time')
    .on('audit_log')
    .columns(['org_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'reviews',
    'tasks',
    'comments',
    'yjs_snapshots',
    'yjs_updates',
    'scenarios',
    'plans',
    'sales_history',
    'accounts',
    'unit_adjacency',
    'units',
    'unit_layers',
    'sessions',
    'users',
    'reps',
    'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
