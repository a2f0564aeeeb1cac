import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  insertSession,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import { createContextFactory } from '../context.js'
import { appRouter } from '../router.js'
import { SESSION_COOKIE, newSessionToken } from '../session-cookie.js'
import { testContext, testUser } from '../testing.js'

const people = {
  usr_rep: { orgId: 'org_a', role: 'rep' as const },
  usr_admin: { orgId: 'org_a', role: 'admin' as const },
}

describe.each(testBackends())('auth.setLocale on $name', (backend) => {
  let h: DatabaseHandle
  const now = new Date('2026-12-04T10:00:00Z')
  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, { users: people, plans: [] })
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  /**
   * `auth.me` as the browser gets it: through a session cookie, so the user is read from
   * the database as on a real request, not handed in by the test.
   */
  async function meOf(userId: keyof typeof people) {
    const { token, id } = newSessionToken()
    await insertSession(h.db, {
      id,
      userId,
      expiresAt: new Date(now.getTime() + 60_000),
    })
    const base = testContext(h.db, null, { now: () => now })
    const context = await createContextFactory(base)({
      req: {
        headers: { cookie: `${SESSION_COOKIE}=${token}` },
      } as IncomingMessage,
      res: {} as ServerResponse,
    })
    return appRouter.createCaller(context).auth.me()
  }

  const as = (userId: keyof typeof people) =>
    appRouter.createCaller(
      testContext(h.db, testUser(userId, people[userId]), { now: () => now }),
    )

  it('has no language until the user picks one', async () => {
    expect(await meOf('usr_rep')).toMatchObject({
      id: 'usr_rep',
      locale: null,
    })
  })

  it('keeps the language a user picks, for them alone', async () => {
    expect(await as('usr_rep').auth.setLocale({ locale: 'es' })).toEqual({
      locale: 'es',
    })
    expect((await meOf('usr_rep'))?.locale).toBe('es')
    expect((await meOf('usr_admin'))?.locale).toBeNull()
    await as('usr_rep').auth.setLocale({ locale: 'en' })
    expect((await meOf('usr_rep'))?.locale).toBe('en')
  })

  it('refuses a language the app does not have, and anyone signed out', async () => {
    await expect(
      as('usr_admin').auth.setLocale({ locale: 'fr' as 'es' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect((await meOf('usr_admin'))?.locale).toBeNull()
    await expect(
      appRouter
        .createCaller(testContext(h.db, null))
        .auth.setLocale({ locale: 'es' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('reads a stored language the app no longer has as none', async () => {
    await h.db
      .updateTable('users')
      .set({ locale: 'tlh' })
      .where('id', '=', 'usr_admin')
      .execute()
    expect((await meOf('usr_admin'))?.locale).toBeNull()
  })
})
