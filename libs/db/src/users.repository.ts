import type { Kysely } from 'kysely'
import type { Database, NewUser, UserRow } from './schema.js'

export async function insertOrganization(
  db: Kysely<Database>,
  org: { id: string; name: string },
): Promise<void> {
  await db.insertInto('organizations').values(org).execute()
}

export async function insertUser(
  db: Kysely<Database>,
  user: NewUser,
): Promise<void> {
  await db.insertInto('users').values(user).execute()
}

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()),
    )
    .executeTakeFirst()
}

export async function findUserById(
  db: Kysely<Database>,
  id: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listUsers(
  db: Kysely<Database>,
  orgId: string,
): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('display_name')
    .execute()
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
