import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { testContext } from './testing.js'
import type { Kysely } from 'kysely'
import type { Database } from '@tessera/db'
import type { PublicUser, Role } from '@tessera/domain'
import type { Context } from './context.js'
import { readSessionToken, sessionIdOf } from './session-cookie.js'
import { roleProcedure, router } from './trpc.js'

const guarded = router({
  approve: roleProcedure('manager', 'admin').query(
    ({ ctx }) => `ok:${ctx.user.role}`,
  ),
})

function ctxFor(role: Role | null): Context {
  const db = {} as Kysely<Database>
  const user: PublicUser | null = role
    ? {
        id: 'u',
        orgId: 'o',
        email: 'e',
        displayName: 'd',
        role,
        repId: null,
        locale: null,
      }
    : null
  return testContext(db, user)
}

describe('roleProcedure', () => {
  it.each([
    ['manager', 'ok:manager'],
    ['admin', 'ok:admin'],
  ] as const)('lets a %s through', async (role, expected) => {
    expect(await guarded.createCaller(ctxFor(role)).approve()).toBe(expected)
  })

  it.each(['planner', 'rep'] as const)('forbids a %s', async (role) => {
    await expect(
      guarded.createCaller(ctxFor(role)).approve(),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs the manager or admin role.',
    })
  })

  it('asks an anonymous caller to sign in', async () => {
    await expect(
      guarded.createCaller(ctxFor(null)).approve(),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })
})

describe('session cookie', () => {
  it('reads only a well-formed token from the cookie header', () => {
    const req = (cookie?: string) =>
      ({ headers: cookie ? { cookie } : {} }) as IncomingMessage
    expect(
      readSessionToken(
        req('a=1; tessera_session=abcdefghijklmnopqrstuvwxyz012345'),
      ),
    ).toBe('abcdefghijklmnopqrstuvwxyz012345')
    expect(readSessionToken(req('tessera_session=short'))).toBeUndefined()
    expect(
      readSessionToken(
        req(
          'tessera_session=' +
            encodeURIComponent("x'; drop table--aaaaaaaaaaaaaaa"),
        ),
      ),
    ).toBeUndefined()
    expect(readSessionToken(req())).toBeUndefined()
  })

  it('stores a keyed hash when a secret is set', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz012345'
    expect(sessionIdOf(token)).not.toBe(token)
    expect(sessionIdOf(token, 'k'.repeat(32))).not.toBe(sessionIdOf(token))
    expect(sessionIdOf(token, 'k'.repeat(32))).toBe(
      sessionIdOf(token, 'k'.repeat(32)),
    )
  })
})
