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

/**
 * A new, empty database on the PostgreSQL server of `adminUrl`, for tests and benchmarks
 * that start real server processes on it; `drop()` removes it.
 */
export async function createThrowawayDatabase(
  adminUrl: string,
  prefix = 'tessera_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await adminQuery(adminUrl, `create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function openThrowawayPostgres(
  adminUrl: string,
): Promise<DatabaseHandle> {
  const { url, drop } = await createThrowawayDatabase(adminUrl)
  const handle = await openDatabase({ databaseUrl: url, dataDir: '' })
  await migrateToLatest(handle.db)
  return {
    ...handle,
    async close() {
      await handle.close()
      await drop()
    },
  }
}
