import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '@tessera/domain'
import type { DatabaseHandle } from './database.js'
import { testBackends } from './testing.js'
import { insertOrganization } from './users.repository.js'
import {
  findAccountHits,
  insertAccounts,
  searchAccounts,
} from './accounts.repository.js'
import { insertUnitLayer } from './units.repository.js'

function account(id: string, name: string, unitId: string | null): Account {
  return {
    id,
    externalId: `CRM-${id}`,
    name,
    industry: 'Retail',
    sizeBand: 'small',
    location: [-100, 40],
    unitId,
    annualRevenue: 1,
    potential: 1,
    workloadMinutes: 1,
  }
}

describe.each(testBackends())('account search on $name', (backend) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await backend.open()
    await insertOrganization(h.db, { id: 'org_1', name: 'Acme' })
    await insertOrganization(h.db, { id: 'org_2', name: 'Other' })
    await insertUnitLayer(
      h.db,
      {
        id: 'lyr_1',
        name: 'Test',
        kind: 'test',
        topology: '{"type":"Topology"}',
        unitsObject: 'units',
      },
      [
        {
          id: 'A',
          name: 'Alpha',
          region: '01',
          centroid: [-100, 40],
          areaKm2: 1,
          perimeterKm: 1,
        },
      ],
      [],
    )
    await insertAccounts(h.db, 'org_1', 'lyr_1', [
      account('acc_1', 'Acme Bakery', 'A'),
      account('acc_2', 'Bakery of Acme', null),
      account('acc_3', '100% Juice', null),
      account('acc_4', '100 Juices', null),
      account('acc_5', 'Snake_Case Ltd', null),
      account('acc_6', 'SnakeXCase Ltd', null),
      account('acc_7', 'Back\\slash Inc', null),
    ])
    await insertAccounts(h.db, 'org_2', 'lyr_1', [
      account('acc_9', 'Acme Bakery West', null),
    ])
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('finds names containing the query in any case, names that start with it first', async () => {
    const hits = await searchAccounts(h.db, 'org_1', 'lyr_1', 'acme', 10)
    expect(hits).toEqual([
      {
        id: 'acc_1',
        name: 'Acme Bakery',
        externalId: 'CRM-acc_1',
        unitId: 'A',
      },
      {
        id: 'acc_2',
        name: 'Bakery of Acme',
        externalId: 'CRM-acc_2',
        unitId: null,
      },
    ])
  })

  it('stays inside the caller’s organization and honours the limit', async () => {
    expect(
      (await searchAccounts(h.db, 'org_2', 'lyr_1', 'bakery', 10)).map(
        (a) => a.id,
      ),
    ).toEqual(['acc_9'])
    expect(
      await searchAccounts(h.db, 'org_1', 'lyr_1', 'bakery', 1),
    ).toHaveLength(1)
  })

  it('matches the CRM id too', async () => {
    expect(
      (await searchAccounts(h.db, 'org_1', 'lyr_1', 'crm-acc_4', 10)).map(
        (a) => a.id,
      ),
    ).toEqual(['acc_4'])
  })

  it('treats %, _ and \\ as literal characters, not wildcards', async () => {
    const ids = async (q: string) =>
      (await searchAccounts(h.db, 'org_1', 'lyr_1', q, 10)).map((a) => a.id)
    expect(await ids('100%')).toEqual(['acc_3'])
    expect(await ids('e_c')).toEqual(['acc_5'])
    expect(await ids('k\\s')).toEqual(['acc_7'])
    expect(await ids('%')).toEqual(['acc_3'])
    expect(await ids('nothing like it')).toEqual([])
  })

  it('finds accounts by id within the organization only', async () => {
    expect(
      await findAccountHits(h.db, 'org_1', 'lyr_1', [
        'acc_2',
        'acc_9',
        'nope',
        'acc_1',
      ]),
    ).toEqual([
      {
        id: 'acc_1',
        name: 'Acme Bakery',
        externalId: 'CRM-acc_1',
        unitId: 'A',
      },
      {
        id: 'acc_2',
        name: 'Bakery of Acme',
        externalId: 'CRM-acc_2',
        unitId: null,
      },
    ])
    expect(await findAccountHits(h.db, 'org_1', 'lyr_1', [])).toEqual([])
  })
})
