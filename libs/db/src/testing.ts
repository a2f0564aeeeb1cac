import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'

export interface TestBackend {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated database; `close()` also drops it (PostgreSQL) or discards it (PGlite). */
  open(): Promise<DatabaseHandle>
}

/**
 * The real databases a test runs against: in-memory PGlite always, and a throwaway
 * database on the PostgreSQL server at `DATABASE_URL` when it is set (CI sets it).
 * No mocks: kysely's own rule, "everything is tested against real database instances".
 */
export function testBackends(
  env: Record<string, string | undefined> = process.env,
): TestBackend[] {
  const backends: TestBackend[] = [
    {
      name: 'pglite',
      async open() {
        const handle = await openDatabase({ dataDir: 'memory://' })
        await migrateToLatest(handle.db)
        return handle
      },
    },
  ]
  const url = env['DATABASE_URL']
  if (url)
    backends.push({ name: 'postgres', open: () => openThrowawayPostgres(url) })
  return backends
}

async function openThrowawayPostgres(
  adminUrl: string,
): Promise<DatabaseHandle> {
  const name = `tessera_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
  })
  await migrateToLatest(handle.db)
  return {
    ...handle,
    async close() {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`)
      } finally {
        await cleanup.end()
      }
    },
  }
}
