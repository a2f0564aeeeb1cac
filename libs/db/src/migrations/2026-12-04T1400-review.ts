import { type Kysely, sql } from 'kysely'

/**
 * Review, approval and publishing (issue 8).
 *
 * - A scenario goes draft → in_review → approved → scheduled (effective later) or published
 *   → superseded (a later publication took effect); rejection or reopening sends it back to
 *   draft. `review_rounds` keeps one row per submission (revision 1, 2…): who submitted it,
 *   the review deadline, a fingerprint of the plan as submitted (approval is refused if the
 *   plan no longer matches it), and the manager's decision with its reason. At most one
 *   round of a scenario is open.
 * - `reviews` gets the round it belongs to: one row per affected rep per round, so earlier
 *   rounds' answers stay as history.
 * - `publications` keeps every published alignment of a plan with its effective date and the
 *   frozen Yjs state and assignments, so "the alignment on date D" is answered from it even
 *   if a scenario were later changed or deleted. `activated_at` is set when the plan's
 *   published pointer moved to it (at once, or by the scheduler on its effective date).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table scenarios drop constraint if exists scenarios_status_check`.execute(
    db,
  )
  await sql`alter table scenarios add constraint scenarios_status_check check (status in ('draft', 'in_review', 'approved', 'scheduled', 'published', 'superseded', 'archived'))`.execute(
    db,
  )

  await db.schema
    .createTable('review_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) =>
      c.notNull().references('scenarios.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('plans.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('open', 'approved', 'rejected', 'withdrawn')`),
    )
    .addColumn('submitted_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('submitted_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('due_date', 'date')
    .addColumn('note', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{}'::jsonb`),
    )
    .addColumn('decided_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    .addUniqueConstraint('review_rounds_revision', ['scenario_id', 'revision'])
    .execute()
  await sql`create unique index review_rounds_one_open on review_rounds (scenario_id) where status = 'open'`.execute(
    db,
  )
  await db.schema
    .createIndex('review_rounds_plan')
    .on('review_rounds')
    .columns(['plan_id', 'submitted_at'])
    .execute()

  await db.schema
    .alterTable('reviews')
    .addColumn('round_id', 'text', (c) =>
      c.references('review_rounds.id').onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('reviews_round_rep')
    .on('reviews')
    .columns(['round_id', 'rep_id'])
    .unique()
    .execute()

  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('plans.id').onDelete('cascade'),
    )
    .addColumn('scenario_id', 'text', (c) =>
      c.references('scenarios.id').onDelete('set null'),
    )
    .addColumn('scenario_name', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) =>
      c.references('review_rounds.id').onDelete('set null'),
    )
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('published_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .addColumn('activated_at', 'timestamptz')
    .addColumn('state', 'bytea')
    .addColumn('alignment', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{}'::jsonb`),
    )
    .execute()
  await db.schema
    .createIndex('publications_plan_date')
    .on('publications')
    .columns(['plan_id', 'effective_date', 'published_at'])
    .execute()

  // Plans published before this migration: their alignment counts from its own effective
  // date, or from when the scenario was made.
  await sql`
    insert into publications (id, plan_id, scenario_id, scenario_name, effective_date, published_at, activated_at)
    select 'pub_' || p.id, p.id, s.id, s.name,
           coalesce(s.effective_date, s.created_at::date), s.created_at, s.created_at
    from plans p join scenarios s on s.id = p.published_scenario_id
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publications').execute()
  await db.schema.dropIndex('reviews_round_rep').execute()
  await db.schema.alterTable('reviews').dropColumn('round_id').execute()
  await db.schema.dropTable('review_rounds').execute()
  await sql`alter table scenarios drop constraint if exists scenarios_status_check`.execute(
    db,
  )
  await sql`alter table scenarios add constraint scenarios_status_check check (status in ('draft', 'in_review', 'approved', 'published', 'archived'))`.execute(
    db,
  )
}
