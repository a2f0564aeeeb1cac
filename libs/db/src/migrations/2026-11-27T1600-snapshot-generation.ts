import type { Kysely } from 'kysely'

/**
 * Snapshots get a generation, bumped by every write, so the hub's background compaction can
 * tell that another process compacted the same document meanwhile (it then folds that
 * snapshot in first instead of overwriting it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('yjs_snapshots')
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('yjs_snapshots').dropColumn('generation').execute()
}
