import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../testing.js'
import {
  type DatabaseHandle,
  insertAccounts,
  insertOrganization,
  testBackends,
} from '@tessera/db'
import type { PublicUser } from '@tessera/domain'
import { accountsRouter } from './accounts.router.js'

function ctxFor(h: DatabaseHandle, orgId: string | null) {
  const user: PublicUser | null = orgId
    ? {
        id: 'usr_1',
        orgId,
        email: 'e',
        displayName: 'd',
        role: 'planner',
        repId: null,
        locale: null,
      }
    : null
  return testContext(h.db, user)
}

describe.each(testBackends())('accounts router on $name', (backend) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await backend.open()
    for (const org of ['org_1', 'org_2'])
      await insertOrganization(h.db, { id: org, name: org })
    const account = (id: string, name: string) => ({
      id,
      externalId: `CRM-${id}`,
      name,
      industry: 'Retail',
      sizeBand: 'small' as const,
      location: [-100, 40] as [number, number],
      unitId: null,
      annualRevenue: 1,
      potential: 1,
      workloadMinutes: 1,
    })
    await insertAccounts(h.db, 'org_1', 'lyr_1', [
      account('acc_1', 'Harbor Clinic'),
    ])
    await insertAccounts(h.db, 'org_2', 'lyr_1', [
      account('acc_2', 'Harbor Foods'),
    ])
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('answers with the caller’s organization’s accounts only', async () => {
    const caller = accountsRouter.createCaller(ctxFor(h, 'org_1'))
    expect(await caller.search({ q: '  harbor ' })).toEqual([
      {
        id: 'acc_1',
        name: 'Harbor Clinic',
        externalId: 'CRM-acc_1',
        unitId: null,
      },
    ])
  })

  it('refuses an empty, overlong or over-limit query, and an anonymous caller', async () => {
    const caller = accountsRouter.createCaller(ctxFor(h, 'org_1'))
    for (const input of [
      { q: '   ' },
      { q: 'x'.repeat(101) },
      { q: 'harbor', limit: 21 },
    ])
      await expect(caller.search(input)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      })
    await expect(
      accountsRouter.createCaller(ctxFor(h, null)).search({ q: 'harbor' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('names accounts by id, never another organization’s', async () => {
    const caller = accountsRouter.createCaller(ctxFor(h, 'org_1'))
    expect(
      (await caller.byIds({ ids: ['acc_1', 'acc_2'] })).map((a) => a.name),
    ).toEqual(['Harbor Clinic'])
  })
})
