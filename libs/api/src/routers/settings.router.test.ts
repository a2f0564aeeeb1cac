import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  listAudit,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import { appRouter } from '../router.js'
import { testContext, testUser } from '../testing.js'

const people = {
  usr_admin: { orgId: 'org_a', role: 'admin' as const },
  usr_rep: { orgId: 'org_a', role: 'rep' as const },
  usr_other: { orgId: 'org_b', role: 'admin' as const },
}

describe.each(testBackends())('currencies and units on $name', (backend) => {
  let h: DatabaseHandle
  const as = (userId: keyof typeof people) =>
    appRouter.createCaller(
      testContext(h.db, testUser(userId, people[userId]), {
        now: () => new Date('2026-12-04T10:00:00Z'),
      }),
    )
  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, { users: people, plans: [] })
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('starts in US dollars and kilometres with no rates', async () => {
    expect(await as('usr_rep').settings.currencies()).toEqual({
      base: 'USD',
      distanceUnit: 'km',
      rates: {},
      rateList: [],
    })
  })

  it('lets an admin set the base currency, the unit and rates, which everyone reads', async () => {
    await as('usr_admin').settings.setUnits({
      baseCurrency: 'eur',
      distanceUnit: 'mi',
    })
    await as('usr_admin').settings.setRate({ currency: 'gbp', perBase: 0.86 })
    await as('usr_admin').settings.setRate({ currency: 'SEK', perBase: 11 })
    await as('usr_admin').settings.setRate({ currency: 'SEK', perBase: 11.2 })
    const read = await as('usr_rep').settings.currencies()
    expect(read).toMatchObject({
      base: 'EUR',
      distanceUnit: 'mi',
      rates: { GBP: 0.86, SEK: 11.2 },
    })
    expect(read.rateList.map((r) => [r.currency, r.setBy])).toEqual([
      ['GBP', 'usr_admin'],
      ['SEK', 'usr_admin'],
    ])
    // Another organization is untouched.
    expect((await as('usr_other').settings.currencies()).base).toBe('USD')
    const actions = (await listAudit(h.db, 'org_a')).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['settings.units', 'settings.rate']),
    )
  })

  it('refuses what would make the numbers lie, with a message', async () => {
    await expect(
      as('usr_admin').settings.setRate({ currency: 'EUR', perBase: 2 }),
    ).rejects.toThrow(/EUR is the base currency/)
    await expect(
      as('usr_admin').settings.setRate({ currency: 'GBP', perBase: 0 }),
    ).rejects.toThrow(/more than 0/)
    await expect(
      as('usr_admin').settings.setRate({ currency: 'pounds', perBase: 1 }),
    ).rejects.toThrow(/three-letter ISO 4217/)
    await expect(
      as('usr_admin').settings.setUnits({ baseCurrency: 'GBP' }),
    ).rejects.toThrow(/GBP has a rate against EUR/)
    await expect(
      as('usr_admin').settings.removeRate({ currency: 'CHF' }),
    ).rejects.toThrow(/No rate is set for CHF/)
    await expect(
      as('usr_rep').settings.setRate({ currency: 'CHF', perBase: 1 }),
    ).rejects.toThrow()
  })

  it('removes a rate', async () => {
    await as('usr_admin').settings.removeRate({ currency: 'sek' })
    expect((await as('usr_rep').settings.currencies()).rates).toEqual({
      GBP: 0.86,
    })
  })
})
