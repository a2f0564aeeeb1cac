import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Kysely, sql } from 'kysely'
import { migrations } from './migrations/index.js'
import { DatabaseOpenError, openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'

describe('openDatabase', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('names an unreachable PostgreSQL server in one line, without the password', async () => {
    const error = await openDatabase({
      databaseUrl: 'postgres://u:secret@127.0.0.1:1/x',
      dataDir: '',
    }).catch((e) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect(error.message).toMatch(
      /cannot reach the database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: .*ECONNREFUSED/,
    )
    expect(error.message).not.toContain('secret')
  })

  it('keeps PGlite data across reopen and refuses a second opener of the same directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tessera-db-'))
    dirs.push(dir)
    const first = await openDatabase({ dataDir: dir })
    await migrateToLatest(first.db)
    await first.db
      .insertInto('organizations')
      .values({ id: 'org_x', name: 'Kept' })
      .execute()
    const second = await openDatabase({ dataDir: dir }).catch((e) => e)
    expect(second).toBeInstanceOf(DatabaseOpenError)
    expect(second.message).toContain('is in use by another Tessera process')
    await first.close()

    const reopened = await openDatabase({ dataDir: dir })
    const rows = await sql<{
      name: string
    }>`select name from organizations`.execute(reopened.db)
    expect(rows.rows).toEqual([{ name: 'Kept' }])
    await reopened.close()
  }, 60_000)
})

describe('migrateToLatest', () => {
  it('names the failing migration and leaves the database as it was', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' })
    try {
      const broken = {
        ...migrations,
        '2099-01-01T0000-broken': {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          up: async (db: Kysely<any>) => {
            await db.schema
              .createTable('half_done')
              .addColumn('id', 'text')
              .execute()
            await sql`select * from no_such_table`.execute(db)
          },
        },
      }
      await expect(migrateToLatest(handle.db, broken)).rejects.toThrow(
        /^migration 2099-01-01T0000-broken failed: .*no_such_table/,
      )
      const tables = await sql<{
        n: string
      }>`select count(*) as n from information_schema.tables where table_name in ('half_done', 'users')`.execute(
        handle.db,
      )
      expect(Number(tables.rows[0]?.n)).toBe(0)
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations))
    } finally {
      await handle.close()
    }
  }, 60_000)
})
