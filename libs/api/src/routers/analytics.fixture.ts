/**
 * A tiny hand-made organization for the analytics tests: known monthly sales, so every sum,
 * quota and attainment the dashboard gives can be checked by hand.
 */
import * as Y from 'yjs'
import {
  type DatabaseHandle,
  insertAccounts,
  insertReps,
  insertSales,
  seedTestPlans,
  updateScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type Account,
  type Role,
  initPlanDoc,
  planDocMeta,
  planDocName,
} from '@tessera/domain'
import { formatMonth, parseMonth } from '@tessera/engine'

export const people: Record<
  string,
  { orgId: string; role: Role; repId?: string }
> = {
  usr_planner: { orgId: 'org_a', role: 'planner' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_rep_a: { orgId: 'org_a', role: 'rep', repId: 'rep_a' },
  usr_other: { orgId: 'org_b', role: 'manager' },
}

/** December 2026: November is the last complete month; December's row is partial. */
export const NOW = new Date('2026-12-04T10:00:00Z')
const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${formatMonth(parseMonth('2024-12')! + i)}-01`,
)

function account(id: string, unitId: string | null): Account {
  return {
    id,
    externalId: id,
    name: id,
    industry: 'Retail',
    sizeBand: 'small',
    location: [-90, 35],
    unitId,
    annualRevenue: 1e6,
    potential: 2_400,
    workloadMinutes: 2,
  }
}

/**
 * Five accounts in three units: acc_1 100 a month for 24 months (u1), acc_2 50 a month for
 * the last 12 only (u2), acc_3 10 and acc_4 20 a month for 24 (u3), acc_5 nothing (u3).
 * The scenario puts u1 and u2 in territory A, u3 in B, and acc_4 in A by override.
 */
export async function seedOrg(h: DatabaseHandle) {
  await seedTestPlans(h.db, {
    users: people,
    plans: [
      { id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_pub', 'scn_draft'] },
      { id: 'pln_b', orgId: 'org_b', scenarioIds: ['scn_b'] },
    ],
  })
  await insertReps(
    h.db,
    'org_a',
    ['rep_a', 'rep_b'].map((id) => ({
      id,
      name: `Rep ${id.slice(4).toUpperCase()}`,
      email: `${id}@x.test`,
      homeCity: 'X',
      home: [-90, 35] as [number, number],
      industries: [],
      products: [],
      experience: 3,
      weeklyCapacityMinutes: 2400,
    })),
  )
  await h.db
    .updateTable('users')
    .set({ rep_id: 'rep_a' })
    .where('id', '=', 'usr_rep_a')
    .execute()
  await h.db
    .insertInto('units')
    .values(
      ['u1', 'u2', 'u3'].map((id, i) => ({
        layer_id: 'lyr_1',
        id,
        name: id,
        region: '01',
        centroid_lon: -90 + i,
        centroid_lat: 35,
        area_km2: 100,
        perimeter_km: 40,
      })),
    )
    .execute()
  await insertAccounts(h.db, 'org_a', 'lyr_1', [
    account('acc_1', 'u1'),
    account('acc_2', 'u2'),
    account('acc_3', 'u3'),
    account('acc_4', 'u3'),
    account('acc_5', 'u3'),
  ])
  const rows: [string, string, number][] = []
  MONTHS.forEach((month, i) => {
    rows.push(['acc_1', month, 100])
    if (i >= 12) rows.push(['acc_2', month, 50])
    rows.push(['acc_3', month, 10], ['acc_4', month, 20])
  })
  rows.push(['acc_1', '2026-12-01', 9_999])
  await insertSales(h.db, {
    accountId: rows.map((r) => r[0]),
    month: rows.map((r) => r[1]),
    amount: rows.map((r) => r[2]),
  })
  await updateScenario(h.db, 'scn_pub', { status: 'published' }, NOW)
  for (const scenarioId of ['scn_pub', 'scn_draft']) {
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_1',
      territories: [
        {
          id: 'rgn_1',
          name: 'South',
          color: '#888888',
          kind: 'region',
          parentId: null,
          repId: null,
          locked: false,
        },
        ...(['a', 'b'] as const).map((k) => ({
          id: `ter_${k}`,
          name: `Territory ${k.toUpperCase()}`,
          color: k === 'a' ? '#336699' : '#993366',
          kind: 'territory' as const,
          parentId: 'rgn_1',
          repId: `rep_${k}`,
          locked: false,
        })),
      ],
      assignments: { u1: 'ter_a', u2: 'ter_a', u3: 'ter_b' },
      accountOverrides: { acc_4: 'ter_a' },
    })
    // The draft balances on the accounts' forecasts.
    if (scenarioId === 'scn_draft')
      planDocMeta(doc).set('balance', {
        metrics: [{ metric: 'forecast', weight: 1 }],
        tolerance: 0.1,
        target: 'mean',
      })
    await writeYjsSnapshot(
      h.db,
      planDocName(scenarioId),
      Y.encodeStateAsUpdate(doc),
    )
    doc.destroy()
  }
}
