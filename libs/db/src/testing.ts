import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'
import { insertPlan, insertScenario } from './plans.repository.js'
import type { UserRow } from './schema.js'
import { insertUnitLayer } from './units.repository.js'
import { insertOrganization, insertUser } from './users.repository.js'

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

/**
 * The least a test of plan-level features needs: organizations, their users (email
 * `<id>@x.test`, display name the id without `usr_`), an empty unit layer `lyr_1`, plans and
 * draft scenarios.
 */
export async function seedTestPlans(
  db: DatabaseHandle['db'],
  f: {
    users: Record<string, { orgId: string; role: UserRow['role'] }>
    plans: { id: string; orgId: string; scenarioIds?: string[] }[]
  },
): Promise<void> {
  const orgs = new Set([
    ...Object.values(f.users).map((u) => u.orgId),
    ...f.plans.map((p) => p.orgId),
  ])
  for (const org of orgs) await insertOrganization(db, { id: org, name: org })
  for (const [id, u] of Object.entries(f.users))
    await insertUser(db, {
      id,
      org_id: u.orgId,
      email: `${id}@x.test`,
      display_name: id.replace(/^usr_/, ''),
      password_hash: 'x',
      role: u.role,
      rep_id: null,
    })
  await insertUnitLayer(
    db,
    {
      id: 'lyr_1',
      name: 'l',
      kind: 'county',
      topology: '{}',
      unitsObject: 'units',
    },
    [],
    [],
  )
  for (const p of f.plans) {
    await insertPlan(db, {
      id: p.id,
      orgId: p.orgId,
      name: p.id,
      unitLayerId: 'lyr_1',
    })
    for (const scenarioId of p.scenarioIds ?? [])
      await insertScenario(db, {
        id: scenarioId,
        planId: p.id,
        name: 'Draft',
        status: 'draft',
        parentId: null,
        effectiveDate: null,
        createdBy: null,
      })
  }
}

/** Two 1°×1° squares side by side in Nebraska: A west of −99°, B east of it. */
export const squaresTopology = {
  type: 'Topology',
  arcs: [
    [
      [-100, 40],
      [-99, 40],
      [-99, 41],
      [-100, 41],
      [-100, 40],
    ],
    [
      [-99, 40],
      [-98, 40],
      [-98, 41],
      [-99, 41],
      [-99, 40],
    ],
  ],
  objects: {
    units: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: 'A', arcs: [[0]] },
        { type: 'Polygon', id: 'B', arcs: [[1]] },
      ],
    },
  },
}
