import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import lockfile from 'proper-lockfile'
import type { Database } from './schema.js'

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined
  /** Where PGlite keeps its files; `memory://` for a throwaway in-memory database. */
  dataDir: string
}

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: 'pglite' | 'postgres'
  /** Human-readable location without credentials, for logs. */
  location: string
  close(): Promise<void>
}

/** A failure to open the database, with a message meant for the person starting Tessera. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

const DATE_OID = 1082
const INT8_OID = 20

/**
 * The dialect factory: PGlite files under `dataDir` by default, node-postgres when a URL is
 * given. Both return `date` columns as 'YYYY-MM-DD' strings (no time-zone shifts) and
 * connectivity is checked here, so a bad URL fails at start-up with one clear line.
 */
export async function openDatabase(
  config: DatabaseConfig,
): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite(config.dataDir)
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const location = redactUrl(url)
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (v: string) => v
          : pg.types.getTypeParser(
              oid,
              format,
            )) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => undefined)
    throw new DatabaseOpenError(
      `cannot reach the database at ${location}: ${describe(error)}`,
    )
  }
  return { db, kind: 'postgres', location, close: () => db.destroy() }
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://')
  const location = inMemory ? dataDir : resolve(dataDir)
  let release: (() => Promise<void>) | undefined
  if (!inMemory) {
    try {
      await mkdir(location, { recursive: true })
    } catch (error) {
      throw new DatabaseOpenError(
        `cannot create DATA_DIR ${location}: ${describe(error)}`,
      )
    }
    // PGlite is single-process: two servers on one data directory would corrupt it.
    try {
      release = await lockfile.lock(location, {
        stale: 15_000,
        update: 5_000,
        realpath: false,
      })
    } catch (error) {
      const busy = (error as { code?: string }).code === 'ELOCKED'
      throw new DatabaseOpenError(
        busy
          ? `DATA_DIR ${location} is in use by another Tessera process (stop it, or set DATA_DIR to another folder)`
          : `cannot lock DATA_DIR ${location}: ${describe(error)}`,
      )
    }
  }
  let pglite: PGlite
  try {
    pglite = await PGlite.create(inMemory ? undefined : location, {
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => v },
    })
    await pglite.query('select 1')
  } catch (error) {
    await release?.().catch(() => undefined)
    throw new DatabaseOpenError(
      `cannot open the embedded database in ${location}: ${describe(error)}`,
    )
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  let closed = false
  return {
    db,
    kind: 'pglite',
    location,
    async close() {
      if (closed) return
      closed = true
      // db.destroy() closes the PGlite instance it drove (STACK.md pitfall 13: not twice).
      await db.destroy()
      if (!pglite.closed) await pglite.close()
      await release?.()
    },
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return describe(error.errors[0])
  if (error instanceof Error) {
    const code = (error as { code?: string }).code
    return code && !error.message.includes(code)
      ? `${code} ${error.message}`
      : error.message || String(code)
  }
  return String(error)
}
