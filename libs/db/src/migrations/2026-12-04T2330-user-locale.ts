import type { Kysely } from 'kysely'

/**
 * Each user's language for the web app (`en`, `es`…); null follows the browser. Plain text
 * without a check constraint: the API accepts only the languages the app has, and adding
 * one should not need a migration (a value the app no longer knows reads as null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('locale', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute()
}
