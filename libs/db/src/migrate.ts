import type { Kysely } from 'kysely'
import { type Migration, Migrator } from 'kysely/migration'
import { migrations } from './migrations/index.js'
import type { Database } from './schema.js'

export class MigrationError extends Error {
  override name = 'MigrationError'
}

/**
 * Runs every pending migration in one go at start-up. kysely's Migrator never throws; it
 * returns a result set, which we turn into one error naming the migration that failed.
 * On PostgreSQL (and PGlite) the pending migrations run in one transaction, so a failure
 * leaves the database as it was.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  all: Record<string, Migration> = migrations,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown'
    const reason =
      error instanceof Error ? error.message : String(error ?? 'failed')
    throw new MigrationError(`migration ${name} failed: ${reason}`)
  }
  return (results ?? [])
    .filter((r) => r.status === 'Success')
    .map((r) => r.migrationName)
}
