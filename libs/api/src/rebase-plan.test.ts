import { sql } from 'kysely'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  insertAccounts,
  insertUnitLayer,
  loadYjsDoc,
  seedTestPlans,
  squaresTopology,
  setPublishedScenario,
  setTerritoryQuota,
  testBackends,
  updateScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type Account,
  createRng,
  initPlanDoc,
  planDocName,
  readPlanState,
} from '@tessera/domain'
import { appRouter } from './router.js'
import { testContext, testUser } from './testing.js'

const people = {
  usr_planner: { orgId: 'org_a', role: 'planner' as const },
  usr_other: { orgId: 'org_b', role: 'planner' as const },
}

const territory = (id: string) => ({
  id,
  name: id,
  color: '#336699',
  kind: 'territory' as const,
  parentId: null,
  repId: null,
  locked: false,
})

async function stateOf(h: DatabaseHandle, scenarioId: string) {
  const stored = await loadYjsDoc(h.db, planDocName(scenarioId))
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return readPlanState(doc)
}

describe.each(testBackends())(
  're-basing a plan onto hexagons on $name',
  (backend) => {
    let h: DatabaseHandle
    const as = (userId: keyof typeof people) =>
      appRouter.createCaller(
        testContext(h.db, testUser(userId, people[userId]), {
          now: () => new Date('2026-12-04T10:00:00Z'),
        }),
      )
    // 400 accounts spread over both squares, one at (0, 0) (a failed geocode).
    const rng = createRng(7)
    const accounts: Account[] = Array.from({ length: 400 }, (_, i) => {
      const lon = -100 + 2 * rng.next()
      const lat = 40 + rng.next()
      return {
        id: `acc_${String(i).padStart(3, '0')}`,
        externalId: `X-${i}`,
        name: `Account ${i}`,
        industry: 'Retail',
        sizeBand: 'small',
        location: i === 399 ? [0, 0] : [lon, lat],
        unitId: i === 399 ? null : lon < -99 ? 'A' : 'B',
        annualRevenue: 1000,
        potential: 1000,
        workloadMinutes: 10,
      }
    })
    /** Every account's territory in a plan state, by the layer's placement. */
    const territories = async (layerId: string, scenarioId: string) => {
      const state = await stateOf(h, scenarioId)
      const { rows } = await sql<{ id: string; unit_id: string | null }>`
      select a.id, au.unit_id from accounts a
      left join account_units au on au.account_id = a.id and au.layer_id = ${layerId}
      where a.org_id = 'org_a' order by a.id`.execute(h.db)
      return Object.fromEntries(
        rows.map((r) => [
          r.id,
          state.accountOverrides[r.id] ??
            (r.unit_id ? state.assignments[r.unit_id] : undefined) ??
            null,
        ]),
      )
    }

    beforeAll(async () => {
      h = await backend.open()
      await seedTestPlans(h.db, {
        users: people,
        plans: [
          {
            id: 'pln_a',
            orgId: 'org_a',
            scenarioIds: ['scn_pub', 'scn_draft'],
          },
          { id: 'pln_b', orgId: 'org_b', scenarioIds: [] },
        ],
      })
      await insertUnitLayer(
        h.db,
        {
          id: 'lyr_sq',
          name: 'Squares',
          kind: 'test',
          topology: JSON.stringify(squaresTopology),
          unitsObject: 'units',
        },
        [
          {
            id: 'A',
            name: 'A',
            region: 'NE',
            centroid: [-99.5, 40.5],
            areaKm2: 9400,
            perimeterKm: 390,
          },
          {
            id: 'B',
            name: 'B',
            region: 'NE',
            centroid: [-98.5, 40.5],
            areaKm2: 9400,
            perimeterKm: 390,
          },
        ],
        [{ a: 'A', b: 'B', sharedBorderKm: 111, kind: 'border' }],
      )
      await sql`update plans set unit_layer_id = 'lyr_sq' where id = 'pln_a'`.execute(
        h.db,
      )
      await insertAccounts(h.db, 'org_a', 'lyr_sq', accounts)
      await updateScenario(h.db, 'scn_pub', { status: 'published' }, new Date())
      await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
      const write = async (
        scenarioId: string,
        accountOverrides: Record<string, string>,
        lockedUnits: string[] = [],
      ) => {
        const doc = new Y.Doc()
        initPlanDoc(doc, {
          unitLayerId: 'lyr_sq',
          territories: [territory('ter_w'), territory('ter_e')],
          assignments: { A: 'ter_w', B: 'ter_e' },
          accountOverrides,
          lockedUnits,
        })
        await writeYjsSnapshot(
          h.db,
          planDocName(scenarioId),
          Y.encodeStateAsUpdate(doc),
        )
      }
      await write('scn_pub', {})
      // The draft moved one eastern account west, and locked the western square.
      await write('scn_draft', { acc_001: 'ter_w', acc_002: 'ter_w' }, ['A'])
      await setTerritoryQuota(h.db, {
        planId: 'pln_a',
        territoryId: 'ter_w',
        amount: 5000,
        setBy: 'usr_planner',
        setAt: new Date('2026-01-01T00:00:00Z'),
      })
    }, 120_000)
    afterAll(async () => {
      await h?.close()
    })

    it('offers resolutions with cell counts and recommends one', async () => {
      const o = await as('usr_planner').plans.hexagonOptions()
      expect(o.accounts).toBe(400)
      expect(o.options.map((x) => x.resolution)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ])
      expect(o.options[9]!.cells).toBeGreaterThan(o.options[2]!.cells)
      expect(o.recommended.reason).toMatch(/^resolution \d/)
    })

    it('makes a new plan on hexagons where every account keeps its territory', async () => {
      const before = {
        pub: await territories('lyr_sq', 'scn_pub'),
        draft: await territories('lyr_sq', 'scn_draft'),
      }
      const r = await as('usr_planner').plans.rebaseOnHexagons({
        planId: 'pln_a',
        scenarioId: 'scn_draft',
        resolution: 5,
      })
      expect(r.layer.resolution).toBe(5)
      expect(r.layer.cells).toBeGreaterThan(40)
      expect(r.accounts).toMatchObject({ total: 400, placed: 399, skipped: 1 })
      // The border at −99° cuts through cells: some accounts need an override.
      expect(r.accounts.overrides).toBeGreaterThan(0)

      expect(await territories(r.layerId, r.draftScenarioId)).toEqual(
        before.draft,
      )
      expect(await territories(r.layerId, r.publishedScenarioId!)).toEqual(
        before.pub,
      )

      const plans = await as('usr_planner').plans.list()
      const made = plans.find((p) => p.id === r.planId)!
      expect(made).toMatchObject({
        unitLayerId: r.layerId,
        publishedScenarioId: r.publishedScenarioId,
      })
      expect(made.scenarios.map((s) => s.status).sort()).toEqual([
        'draft',
        'published',
      ])
      // The source plan is untouched.
      expect(plans.find((p) => p.id === 'pln_a')!.unitLayerId).toBe('lyr_sq')
      // Cells where everything came from the locked square stay locked in the draft.
      const draft = await stateOf(h, r.draftScenarioId)
      expect(draft.lockedUnits.length).toBeGreaterThan(0)
      expect(draft.unitLayerId).toBe(r.layerId)
      // Quotas follow the territories; the map's units carry the old region.
      const quota = await h.db
        .selectFrom('territory_quotas')
        .select('amount')
        .where('plan_id', '=', r.planId)
        .executeTakeFirst()
      expect(quota?.amount).toBe(5000)
      const units = await as('usr_planner').geo.units({ layerId: r.layerId })
      expect(
        units.units.every((u) => u.region === 'NE' || u.region === ''),
      ).toBe(true)
      expect(units.stats.reduce((n, s) => n + s.accounts, 0)).toBe(399)
      // Scores work on the new layer.
      const scores = await as('usr_planner').plans.scores({
        scenarioId: r.draftScenarioId,
      })
      expect(scores.territories.length).toBe(2)
    })

    it('re-bases onto US ZIP areas inside the old units, every account keeping its territory', async () => {
      const before = await territories('lyr_sq', 'scn_pub')
      const r = await as('usr_planner').plans.rebaseOnHexagons({
        planId: 'pln_a',
        units: 'zips',
        resolution: 6,
      })
      expect(r.planName).toMatch(/\(ZIP areas\)$/)
      expect(r.layer).toMatchObject({ kind: 'zips', resolution: 6 })
      // Central Nebraska's ZIP codes: a few dozen areas drawn with a few hundred cells.
      expect(r.layer.units).toBeGreaterThan(10)
      expect(r.layer.units).toBeLessThan(r.layer.cells)
      expect(await territories(r.layerId, r.publishedScenarioId!)).toEqual(
        before,
      )
      const { units } = await as('usr_planner').geo.units({
        layerId: r.layerId,
      })
      for (const u of units) expect(u.id).toMatch(/^\d{5}$/)
      // Kearney, NE (68847) is one of them, named after its town.
      expect(units.find((u) => u.id === '68847')?.name).toMatch(
        /^68847 (near )?Kearney$/,
      )
    })

    it('keeps the layer to its organization', async () => {
      const r = await as('usr_planner').plans.rebaseOnHexagons({
        planId: 'pln_a',
      })
      await expect(
        as('usr_other').geo.layer({ layerId: r.layerId }),
      ).rejects.toThrow(/No unit layer/)
      await expect(
        as('usr_other').geo.units({ layerId: r.layerId }),
      ).rejects.toThrow(/No unit layer/)
      await expect(
        as('usr_other').plans.rebaseOnHexagons({ planId: 'pln_a' }),
      ).rejects.toThrow(/No plan/)
    })

    it('refuses what cannot be built, with a message, and writes nothing', async () => {
      const plansBefore = (await as('usr_planner').plans.list()).length
      await expect(
        as('usr_planner').plans.rebaseOnHexagons({
          planId: 'pln_a',
          resolution: 14,
        }),
      ).rejects.toThrow()
      await expect(
        as('usr_other').plans.rebaseOnHexagons({ planId: 'pln_b' }),
      ).rejects.toThrow(/no published alignment|no accounts/i)
      await expect(as('usr_other').plans.hexagonOptions()).rejects.toThrow(
        /no accounts yet/,
      )
      expect((await as('usr_planner').plans.list()).length).toBe(plansBefore)
    })
  },
)
