import type { Kysely } from 'kysely'
import type { Rep } from '@tessera/domain'
import { insertColumns } from './bulk.js'
import type { Database, RepRow } from './schema.js'

export async function insertReps(
  db: Kysely<Database>,
  orgId: string,
  reps: readonly Rep[],
): Promise<void> {
  await insertColumns(db, 'reps', [
    { name: 'id', type: 'text', values: reps.map((r) => r.id) },
    { name: 'org_id', type: 'text', values: reps.map(() => orgId) },
    // Reps made here (the demo) are their own CRM record: the id doubles as external id.
    { name: 'external_id', type: 'text', values: reps.map((r) => r.id) },
    { name: 'name', type: 'text', values: reps.map((r) => r.name) },
    { name: 'email', type: 'text', values: reps.map((r) => r.email) },
    { name: 'home_city', type: 'text', values: reps.map((r) => r.homeCity) },
    { name: 'home_lon', type: 'float8', values: reps.map((r) => r.home[0]) },
    { name: 'home_lat', type: 'float8', values: reps.map((r) => r.home[1]) },
    {
      name: 'industries',
      type: 'jsonb',
      values: reps.map((r) => r.industries),
    },
    { name: 'products', type: 'jsonb', values: reps.map((r) => r.products) },
    { name: 'experience', type: 'int4', values: reps.map((r) => r.experience) },
    {
      name: 'weekly_capacity_minutes',
      type: 'float8',
      values: reps.map((r) => r.weeklyCapacityMinutes),
    },
  ])
}

export async function listReps(
  db: Kysely<Database>,
  orgId: string,
): Promise<Rep[]> {
  const rows = await db
    .selectFrom('reps')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute()
  return rows.map(toRep)
}

function toRep(r: RepRow): Rep {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    homeCity: r.home_city,
    home: [r.home_lon, r.home_lat],
    industries: r.industries,
    products: r.products,
    experience: r.experience,
    weeklyCapacityMinutes: r.weekly_capacity_minutes,
  }
}
