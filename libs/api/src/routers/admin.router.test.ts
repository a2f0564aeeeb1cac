import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  findUserById,
  insertReps,
  insertSession,
  listAudit,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import type { Role } from '@tessera/domain'
import { appRouter } from '../router.js'
import { verifyPassword } from '../passwords.js'
import { testContext, testUser } from '../testing.js'

const people: Record<string, { orgId: string; role: Role }> = {
  usr_admin: { orgId: 'org_a', role: 'admin' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_other_admin: { orgId: 'org_b', role: 'admin' },
}

const rep = (id: string) => ({
  id,
  name: `Rep ${id}`,
  email: `${id}@x.test`,
  homeCity: 'X',
  home: [-90, 35] as [number, number],
  industries: [],
  products: [],
  experience: 3,
  weeklyCapacityMinutes: 2400,
})

describe.each(testBackends())('admin on $name', (backend) => {
  let h: DatabaseHandle
  const as = (userId: string) =>
    appRouter.createCaller(testContext(h.db, testUser(userId, people[userId]!)))

  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, { users: people, plans: [] })
    await insertReps(h.db, 'org_a', [rep('rep_a')])
    await insertReps(h.db, 'org_b', [rep('rep_b')])
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('adds users with a first password and a rep link, refusing bad input with a reason', async () => {
    const { userId } = await as('usr_admin').admin.createUser({
      email: '  New.Rep@Example.com ',
      displayName: 'New Rep',
      role: 'rep',
      repId: 'rep_a',
      password: 'a long first password',
    })
    const row = (await findUserById(h.db, userId))!
    expect(row).toMatchObject({
      email: 'new.rep@example.com',
      role: 'rep',
      rep_id: 'rep_a',
      org_id: 'org_a',
    })
    expect(
      await verifyPassword('a long first password', row.password_hash),
    ).toBe(true)
    const bad = (input: Record<string, unknown>) =>
      as('usr_admin').admin.createUser({
        email: 'x@example.com',
        displayName: 'X',
        role: 'planner',
        password: 'another long password',
        ...input,
      } as never)
    await expect(bad({ email: 'new.rep@example.com' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'new.rep@example.com already has a Tessera sign-in.',
    })
    await expect(bad({ email: 'not an email' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(bad({ password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(bad({ repId: 'rep_a' })).rejects.toMatchObject({
      message: 'Only a rep user is linked to a rep.',
    })
    await expect(bad({ role: 'rep', repId: 'rep_b' })).rejects.toMatchObject({
      message: 'That rep is not in your organization.',
    })
    const list = await as('usr_admin').admin.users()
    expect(list.users.map((u) => u.email)).toContain('new.rep@example.com')
    expect(list.users.every((u) => !('password_hash' in u))).toBe(true)
    expect(list.reps).toEqual([{ id: 'rep_a', name: 'Rep rep_a' }])
  })

  it('changes roles but never leaves the organization without an admin, nor lets an admin change their own', async () => {
    await expect(
      as('usr_admin').admin.updateUser({
        userId: 'usr_admin',
        role: 'planner',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await as('usr_admin').admin.updateUser({
      userId: 'usr_manager',
      role: 'admin',
    })
    await as('usr_admin').admin.updateUser({
      userId: 'usr_manager',
      displayName: 'Morgan',
    })
    expect((await findUserById(h.db, 'usr_manager'))?.display_name).toBe(
      'Morgan',
    )
    // The manager, an admin now, demotes the first admin: one admin is left, the manager.
    const second = appRouter.createCaller(
      testContext(
        h.db,
        testUser('usr_manager', { orgId: 'org_a', role: 'admin' }),
      ),
    )
    await second.admin.updateUser({ userId: 'usr_admin', role: 'planner' })
    // The last admin cannot be demoted (not even from a stale admin session).
    await expect(
      as('usr_admin').admin.updateUser({
        userId: 'usr_manager',
        role: 'manager',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The organization needs at least one admin.',
    })
    await expect(
      as('usr_admin').admin.updateUser({
        userId: 'usr_other_admin',
        role: 'rep',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const audit = await listAudit(h.db, 'org_a')
    expect(audit.map((a) => a.action)).toContain('admin.user.update')
  })

  it('resets a password and signs the user out everywhere; renames the organization', async () => {
    await insertSession(h.db, {
      id: 'hash-of-a-live-session',
      userId: 'usr_manager',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    await as('usr_admin').admin.resetPassword({
      userId: 'usr_manager',
      password: 'a brand new password',
    })
    const sessions = await h.db
      .selectFrom('sessions')
      .select('user_id')
      .where('user_id', '=', 'usr_manager')
      .execute()
    expect(sessions).toEqual([])
    await as('usr_admin').admin.renameOrganization({ name: 'Acme West' })
    expect((await as('usr_admin').admin.users()).organization.name).toBe(
      'Acme West',
    )
    await expect(
      as('usr_admin').admin.renameOrganization({ name: '   ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
