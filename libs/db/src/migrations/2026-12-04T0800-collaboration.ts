import { type Kysely, sql } from 'kysely'

/**
 * Comments, tasks and notifications (issue 7). A comment thread is a root comment (no
 * parent) and its replies; the root carries the anchor — a territory, a unit, a pin on the
 * map, a change in the scenario, or the scenario as a whole — and the resolved state.
 * `plan_id` is kept on each row so the plan's room can be told and lists filtered without a
 * join. Mentions are stored (the ids the sanitiser found) so notifications and "mentions me"
 * need no reparse. Notifications are per user rows with a deep link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('plan_id', 'text', (c) =>
      c.references('plans.id').onDelete('cascade'),
    )
    .addColumn('anchor', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scenario')
        .check(
          sql`anchor in ('scenario', 'territory', 'unit', 'pin', 'change')`,
        ),
    )
    .addColumn('change_ref', 'text')
    .addColumn('mentions', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'[]'::jsonb`),
    )
    .addColumn('resolved_by', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .execute()
  await db.schema
    .createIndex('comments_thread')
    .on('comments')
    .columns(['parent_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('comments_plan')
    .on('comments')
    .columns(['plan_id', 'created_at'])
    .execute()

  await db.schema
    .alterTable('tasks')
    .addColumn('plan_id', 'text', (c) =>
      c.references('plans.id').onDelete('cascade'),
    )
    .addColumn('source_comment_id', 'text', (c) =>
      c.references('comments.id').onDelete('set null'),
    )
    .addColumn('done_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('tasks_plan')
    .on('tasks')
    .columns(['plan_id', 'due_date'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'text', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) =>
      c.references('plans.id').onDelete('cascade'),
    )
    .addColumn('scenario_id', 'text', (c) =>
      c.references('scenarios.id').onDelete('cascade'),
    )
    .addColumn('link', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`now()`),
    )
    .execute()
  await db.schema
    .createIndex('notifications_user_time')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute()
  await db.schema.dropIndex('tasks_plan').execute()
  await db.schema
    .alterTable('tasks')
    .dropColumn('plan_id')
    .dropColumn('source_comment_id')
    .dropColumn('done_at')
    .execute()
  await db.schema.dropIndex('comments_plan').execute()
  await db.schema.dropIndex('comments_thread').execute()
  await db.schema
    .alterTable('comments')
    .dropColumn('plan_id')
    .dropColumn('anchor')
    .dropColumn('change_ref')
    .dropColumn('mentions')
    .dropColumn('resolved_by')
    .execute()
}
