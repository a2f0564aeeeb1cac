import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '@tessera/domain'
import type { DatabaseHandle } from './database.js'
import { migrateToLatest } from './migrate.js'
import { testBackends } from './testing.js'
import {
  findUserByEmail,
  insertOrganization,
  insertUser,
} from './users.repository.js'
import {
  deleteExpiredSessions,
  findSessionUser,
  insertSession,
} from './sessions.repository.js'
import {
  accountsInBBox,
  countAccounts,
  insertAccounts,
  insertSales,
  unitAccountStats,
} from './accounts.repository.js'
import {
  insertUnitLayer,
  listAdjacency,
  listUnits,
  unitSalesAndIndustry,
} from './units.repository.js'
import {
  appendYjsUpdates,
  compactYjsDoc,
  loadYjsDoc,
  writeYjsSnapshot,
} from './yjs.repository.js'
import {
  findScenario,
  insertPlan,
  insertScenario,
  listScenarios,
} from './plans.repository.js'
import { insertReps, listReps } from './reps.repository.js'

function account(
  i: number,
  lon: number,
  lat: number,
  unitId: string | null,
): Account {
  return {
    id: `acc_${i}`,
    externalId: `CRM-${i}`,
    name: `Account ${i}`,
    industry: 'Retail',
    sizeBand: 'small',
    location: [lon, lat],
    unitId,
    annualRevenue: 1000 * i,
    potential: 10 * i,
    workloadMinutes: 30,
  }
}

describe.each(testBackends())('repositories on $name', (backend) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await backend.open()
    await insertOrganization(h.db, { id: 'org_1', name: 'Acme' })
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
          areaKm2: 10,
          perimeterKm: 12,
        },
        {
          id: 'B',
          name: 'Beta',
          region: '01',
          centroid: [-99, 40],
          areaKm2: 20,
          perimeterKm: 18,
        },
      ],
      [{ a: 'B', b: 'A', sharedBorderKm: 3.5, kind: 'border' }],
    )
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('migrating again is a no-op', async () => {
    expect(await migrateToLatest(h.db)).toEqual([])
  })

  it('finds users by email whatever the case, and refuses a duplicate address', async () => {
    await insertUser(h.db, {
      id: 'usr_1',
      org_id: 'org_1',
      email: 'Ana@Example.com',
      display_name: 'Ana',
      password_hash: 'x',
      role: 'planner',
      rep_id: null,
    })
    expect((await findUserByEmail(h.db, '  ana@example.COM '))?.id).toBe(
      'usr_1',
    )
    await expect(
      insertUser(h.db, {
        id: 'usr_2',
        org_id: 'org_1',
        email: 'ana@example.com',
        display_name: 'Ana 2',
        password_hash: 'x',
        role: 'rep',
        rep_id: null,
      }),
    ).rejects.toThrow()
  })

  it('returns the user of a live session only', async () => {
    const now = new Date('2026-01-01T00:00:00Z')
    await insertSession(h.db, {
      id: 's_live',
      userId: 'usr_1',
      expiresAt: new Date('2026-01-02T00:00:00Z'),
    })
    await insertSession(h.db, {
      id: 's_old',
      userId: 'usr_1',
      expiresAt: new Date('2025-12-31T00:00:00Z'),
    })
    expect((await findSessionUser(h.db, 's_live', now))?.email).toBe(
      'Ana@Example.com',
    )
    expect(await findSessionUser(h.db, 's_old', now)).toBeUndefined()
    expect(await deleteExpiredSessions(h.db, now)).toBe(1)
  })

  it('stores units with ordered adjacency', async () => {
    expect((await listUnits(h.db, 'lyr_1')).map((u) => u.id)).toEqual([
      'A',
      'B',
    ])
    expect(await listAdjacency(h.db, 'lyr_1')).toEqual([
      { a: 'A', b: 'B', sharedBorderKm: 3.5, kind: 'border' },
    ])
  })

  it('bulk-inserts accounts and sales, and pages a bounding box by potential', async () => {
    const accounts = Array.from({ length: 2_500 }, (_, i) =>
      account(i + 1, -100 + (i % 50) * 0.01, 40, i % 2 ? 'A' : 'B'),
    )
    await insertAccounts(h.db, 'org_1', 'lyr_1', accounts)
    expect(await countAccounts(h.db, 'org_1')).toBe(2_500)
    const page = await accountsInBBox(
      h.db,
      'org_1',
      'lyr_1',
      [-100, 39, -99.9, 41],
      10,
    )
    expect(page.accounts).toHaveLength(10)
    expect(page.truncated).toBe(true)
    expect(page.accounts[0]!.potential).toBeGreaterThanOrEqual(
      page.accounts[9]!.potential,
    )
    for (const a of page.accounts)
      expect(a.location[0]).toBeLessThanOrEqual(-99.9)
    const stats = await unitAccountStats(h.db, 'org_1', 'lyr_1')
    expect(stats.map((s) => [s.unitId, s.accounts])).toEqual([
      ['A', 1250],
      ['B', 1250],
    ])
    await insertSales(h.db, {
      accountId: ['acc_1', 'acc_1'],
      month: ['2026-01-01', '2026-02-01'],
      amount: [5, 7.5],
    })
    const sales = await h.db
      .selectFrom('sales_history')
      .selectAll()
      .orderBy('month')
      .execute()
    expect(sales.map((s) => [s.month, s.amount])).toEqual([
      ['2026-01-01', 5],
      ['2026-02-01', 7.5],
    ])
  })

  it('sums each unit’s last-12-month sales and names its main industry', async () => {
    // Runs after the bulk insert above: units A and B hold 1,250 Retail accounts each,
    // and acc_1 (in B) sold 5 + 7.5 in Jan–Feb 2026, the latest months on record.
    await insertUnitLayer(
      h.db,
      {
        id: 'lyr_2',
        name: 'Second',
        kind: 'test',
        topology: '{"type":"Topology"}',
        unitsObject: 'units',
      },
      ['C', 'D', 'E'].map((id) => ({
        id,
        name: id,
        region: '02',
        centroid: [-90, 35] as [number, number],
        areaKm2: 1,
        perimeterKm: 1,
      })),
      [],
    )
    const industryOf = ['Health', 'Health', 'Retail', 'Banking', 'Agri']
    await insertAccounts(
      h.db,
      'org_1',
      'lyr_2',
      industryOf.map((industry, k) => ({
        ...account(9_000 + k, -90, 35, k < 3 ? 'C' : 'D'),
        industry,
      })),
    )
    await insertSales(h.db, {
      accountId: ['acc_9000', 'acc_9000', 'acc_9001', 'acc_9003'],
      // 2025-01 is more than 12 months before 2026-02, the latest month on record.
      month: ['2025-01-01', '2025-06-01', '2026-02-01', '2025-03-01'],
      amount: [1000, 20, 3, 4],
    })
    expect(await unitSalesAndIndustry(h.db, 'org_1', 'lyr_2')).toEqual([
      // Two of C's three accounts bought in the window (coverage); no forecasts stored yet.
      {
        unitId: 'C',
        sales: 23,
        topIndustry: 'Health',
        activeAccounts: 2,
        forecast: 0,
      },
      // A tie goes to the first name alphabetically.
      {
        unitId: 'D',
        sales: 4,
        topIndustry: 'Agri',
        activeAccounts: 1,
        forecast: 0,
      },
    ])
    const first = await unitSalesAndIndustry(h.db, 'org_1', 'lyr_1')
    expect(first).toEqual([
      {
        unitId: 'A',
        sales: 0,
        topIndustry: 'Retail',
        activeAccounts: 0,
        forecast: 0,
      },
      {
        unitId: 'B',
        sales: 12.5,
        topIndustry: 'Retail',
        activeAccounts: 1,
        forecast: 0,
      },
    ])
    expect(await unitSalesAndIndustry(h.db, 'org_other', 'lyr_1')).toEqual([])
  })

  it('keeps a Yjs update log and folds it into a snapshot without gaps', async () => {
    const ids = await appendYjsUpdates(h.db, 'doc:1', [
      new Uint8Array([1]),
      new Uint8Array([2]),
    ])
    expect(ids).toHaveLength(2)
    const before = await loadYjsDoc(h.db, 'doc:1')
    expect(before.snapshot).toBeNull()
    expect(before.generation).toBe(0)
    expect(before.updates.map((u) => [...u])).toEqual([[1], [2]])
    expect(before.updateIds).toEqual(ids)
    // An update stored after the compactor read the log is not folded, so it stays.
    const [late] = await appendYjsUpdates(h.db, 'doc:1', [new Uint8Array([3])])
    const done = await compactYjsDoc(h.db, 'doc:1', {
      state: new Uint8Array([9, 9]),
      generation: 0,
      folded: before.updateIds,
    })
    expect(done).toEqual({ ok: true, generation: 1 })
    const after = await loadYjsDoc(h.db, 'doc:1')
    expect([...after.snapshot!]).toEqual([9, 9])
    expect(after.generation).toBe(1)
    expect(after.updates.map((u) => [...u])).toEqual([[3]])
    expect(after.updateIds).toEqual([late])
    // A second compactor that still thinks generation 0 is refused and handed the snapshot.
    const stale = await compactYjsDoc(h.db, 'doc:1', {
      state: new Uint8Array([7]),
      generation: 0,
      folded: [late!],
    })
    expect(stale.ok).toBe(false)
    if (!stale.ok) expect([...stale.snapshot]).toEqual([9, 9])
    expect((await loadYjsDoc(h.db, 'doc:1')).updates).toHaveLength(1)
    // A whole new document written as a snapshot bumps the generation.
    await writeYjsSnapshot(h.db, 'doc:1', new Uint8Array([5]))
    expect((await loadYjsDoc(h.db, 'doc:1')).generation).toBe(2)
  })

  it('stores plans, scenarios and reps', async () => {
    await insertPlan(h.db, {
      id: 'pln_1',
      orgId: 'org_1',
      name: 'FY27',
      unitLayerId: 'lyr_1',
    })
    await insertScenario(h.db, {
      id: 'scn_1',
      planId: 'pln_1',
      name: 'Published',
      status: 'published',
      parentId: null,
      effectiveDate: '2027-01-01',
      createdBy: 'usr_1',
    })
    expect((await listScenarios(h.db, 'pln_1'))[0]?.effectiveDate).toBe(
      '2027-01-01',
    )
    expect((await findScenario(h.db, 'scn_1'))?.orgId).toBe('org_1')
    expect(await findScenario(h.db, 'scn_missing')).toBeUndefined()
    await insertReps(h.db, 'org_1', [
      {
        id: 'rep_1',
        name: 'Rae',
        email: 'rae@x',
        homeCity: 'Austin, TX',
        home: [-97.7, 30.3],
        industries: ['Retail'],
        products: ['Core'],
        experience: 3,
        weeklyCapacityMinutes: 2400,
      },
    ])
    expect((await listReps(h.db, 'org_1'))[0]).toMatchObject({
      home: [-97.7, 30.3],
      industries: ['Retail'],
    })
  })
})

describe.each(testBackends())('bulk sales load on $name', (backend) => {
  it('keeps the account foreign key after a large load and rejects orphans', async () => {
    const h = await backend.open()
    try {
      await insertOrganization(h.db, { id: 'org_1', name: 'Acme' })
      await insertAccounts(h.db, 'org_1', 'lyr_1', [
        account(1, -100, 40, null),
        account(2, -100, 40, null),
      ])
      const n = 60_000
      // Two accounts, 30,000 distinct months each.
      const monthOf = (k: number) =>
        `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`
      await h.db.transaction().execute((trx) =>
        insertSales(trx, {
          accountId: Array.from({ length: n }, (_, i) =>
            i % 2 ? 'acc_1' : 'acc_2',
          ),
          month: Array.from({ length: n }, (_, i) =>
            monthOf(Math.floor(i / 2)),
          ),
          amount: Float64Array.from({ length: n }, (_, i) => i),
        }),
      )
      const count = await h.db
        .selectFrom('sales_history')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(n)
      await expect(
        h.db.transaction().execute((trx) =>
          insertSales(trx, {
            accountId: Array.from({ length: n }, () => 'acc_missing'),
            month: Array.from({ length: n }, (_, i) => monthOf(i)),
            amount: new Float64Array(n),
          }),
        ),
      ).rejects.toThrow(/foreign key/)
      await expect(
        insertSales(h.db, {
          accountId: ['acc_missing'],
          month: ['2020-01-01'],
          amount: [1],
        }),
      ).rejects.toThrow(/foreign key/)
    } finally {
      await h.close()
    }
  }, 120_000)
})
