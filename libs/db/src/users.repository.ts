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

/** Changes a user's name, role, rep link or password hash; returns whether the user exists. */
export async function updateUser(
  db: Kysely<Database>,
  userId: string,
  patch: {
    display_name?: string
    role?: UserRow['role']
    rep_id?: string | null
    password_hash?: string
  },
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set(patch)
    .where('id', '=', userId)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** Stores the user's language for the web app (null: follow the browser). */
export async function setUserLocale(
  db: Kysely<Database>,
  userId: string,
  locale: string | null,
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ locale })
    .where('id', '=', userId)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** Signs a user out everywhere (after a password reset, say). */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function findOrganization(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', orgId)
    .executeTakeFirst()
}

export async function renameOrganization(
  db: Kysely<Database>,
  orgId: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ name })
    .where('id', '=', orgId)
    .execute()
}
