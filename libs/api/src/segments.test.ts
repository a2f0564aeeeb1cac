import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, insertAccounts, testBackends } from '@tessera/db'
import type { Account } from '@tessera/domain'
import { refreshSegments, segmentNewAccounts } from './segments.js'
import { seedOrg } from './routers/analytics.fixture.js'

describe.each(testBackends())('RFM segments on $name', (backend) => {
  let h: DatabaseHandle
  const stored = async () =>
    Object.fromEntries(
      (
        await h.db
          .selectFrom('account_segments')
          .selectAll()
          .orderBy('account_id')
          .execute()
      ).map((s) => [
        s.account_id,
        {
          segment: s.segment,
          recency: s.recency,
          frequency: s.frequency,
          monetary: s.monetary,
        },
      ]),
    )
  const newAccount = (id: string): Account => ({
    id,
    externalId: id,
    name: id,
    industry: 'Retail',
    sizeBand: 'small',
    location: [-90, 35],
    unitId: 'u1',
    annualRevenue: 1e6,
    potential: 2_400,
    workloadMinutes: 2,
  })

  beforeAll(async () => {
    h = await backend.open()
    await seedOrg(h)
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('reads each account’s last 24 months, up to the latest month on record', async () => {
    const report = await refreshSegments(h.db, 'org_a')
    expect(report.accounts).toBe(5)
    const s = await stored()
    // The window is January 2025 – December 2026 (December's partial 9,999 is the latest).
    expect(s['acc_1']).toMatchObject({
      recency: 0,
      frequency: 24,
      monetary: 11 * 100 + 9_999,
    })
    expect(s['acc_2']).toMatchObject({
      recency: 1,
      frequency: 12,
      monetary: 11 * 50,
    })
    expect(s['acc_3']).toMatchObject({
      recency: 1,
      frequency: 23,
      monetary: 11 * 10,
    })
    expect(s['acc_5']).toEqual({
      segment: 'dormant',
      recency: 24,
      frequency: 0,
      monetary: 0,
    })
  })

  it('after an accounts import, adds the new accounts as the full refresh would', async () => {
    await refreshSegments(h.db, 'org_a')
    await insertAccounts(h.db, 'org_a', 'lyr_1', [
      newAccount('acc_6'),
      newAccount('acc_7'),
    ])
    const report = await segmentNewAccounts(h.db, 'org_a')
    expect(report).toMatchObject({ accounts: 2, sizes: { dormant: 2 } })
    const added = await stored()
    await refreshSegments(h.db, 'org_a')
    expect(added).toEqual(await stored())
    // Nothing new: nothing written.
    expect((await segmentNewAccounts(h.db, 'org_a')).accounts).toBe(0)
  })

  it('refreshes every account when one without a segment has sales', async () => {
    await refreshSegments(h.db, 'org_a')
    const before = await stored()
    await h.db
      .deleteFrom('account_segments')
      .where('account_id', '=', 'acc_1')
      .execute()
    const report = await segmentNewAccounts(h.db, 'org_a')
    expect(report.accounts).toBe(Object.keys(before).length)
    expect(await stored()).toEqual(before)
  })
})
