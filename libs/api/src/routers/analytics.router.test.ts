import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, listAudit, testBackends } from '@tessera/db'
import { refreshForecasts } from '../forecasts.js'
import { appRouter } from '../router.js'
import { testContext, testUser } from '../testing.js'
import { NOW, people, seedOrg } from './analytics.fixture.js'

describe.each(testBackends())(
  'forecasts and the dashboard on $name',
  (backend) => {
    let h: DatabaseHandle
    const as = (userId: string) => {
      const p = people[userId]!
      return appRouter.createCaller(
        testContext(
          h.db,
          { ...testUser(userId, p), repId: p.repId ?? null },
          { now: () => NOW },
        ),
      )
    }
    const forecasts = async () =>
      new Map(
        (await h.db.selectFrom('account_forecasts').selectAll().execute()).map(
          (f) => [f.account_id, f],
        ),
      )

    beforeAll(async () => {
      h = await backend.open()
      await seedOrg(h)
    }, 120_000)
    afterAll(async () => {
      await h?.close()
    })

    it('forecasts every account from its complete months, with a prior for one without history', async () => {
      const report = await refreshForecasts(h.db, 'org_a', NOW)
      expect(report).toMatchObject({ accounts: 5, asOf: '2026-11-01' })
      const f = await forecasts()
      expect([...f.keys()].sort()).toEqual([
        'acc_1',
        'acc_2',
        'acc_3',
        'acc_4',
        'acc_5',
      ])
      // A flat 100 a month stays near 1,200 a year; December's partial 9,999 is not read.
      expect(f.get('acc_1')!.next_12m).toBeGreaterThan(1_100)
      expect(f.get('acc_1')!.next_12m).toBeLessThan(1_300)
      expect(f.get('acc_1')).toMatchObject({
        as_of: '2026-11-01',
        history_months: 24,
      })
      expect(f.get('acc_2')!.history_months).toBe(12)
      // No sales at all: the segment's prior, blended in, and said so.
      expect(f.get('acc_5')).toMatchObject({ history_months: 0 })
      expect(f.get('acc_5')!.method).toMatch(/\+prior$/)
      expect(f.get('acc_5')!.next_12m).toBeGreaterThan(0)
      expect(new Date(f.get('acc_5')!.computed_at).toISOString()).toBe(
        NOW.toISOString(),
      )

      // A second run replaces the rows, it does not add to them.
      await refreshForecasts(h.db, 'org_a', NOW)
      expect((await forecasts()).size).toBe(5)
      // An organization without sales gets none, and no error.
      expect(await refreshForecasts(h.db, 'org_b', NOW)).toMatchObject({
        accounts: 0,
        asOf: null,
      })
    })

    it('sums sales, quota, attainment, trend, forecast and pipeline per territory, rep and plan', async () => {
      await refreshForecasts(h.db, 'org_a', NOW)
      const f = await forecasts()
      const fc = (id: string) => f.get(id)!.next_12m
      await as('usr_manager').analytics.setQuota({
        planId: 'pln_a',
        territoryId: 'ter_a',
        amount: 2_000,
      })
      const d = await as('usr_planner').analytics.dashboard({
        planId: 'pln_a',
        scenarioId: 'scn_draft',
      })
      expect(d.asOf).toBe('2026-11-01')
      expect(d.months[0]).toBe('2024-12-01')
      expect(d.months[23]).toBe('2026-11-01')
      const [a, b] = d.territories
      // A: acc_1 (u1), acc_2 (u2) and acc_4 by override.
      expect(a).toMatchObject({
        territoryId: 'ter_a',
        regionName: 'South',
        repName: 'Rep A',
        sales12m: 1_200 + 600 + 240,
        salesPrior12m: 1_200 + 240,
        quota: 2_000,
        quotaIsDefault: false,
        accounts: 3,
        activeAccounts: 3,
      })
      expect(a!.attainment).toBeCloseTo(2_040 / 2_000, 10)
      expect(a!.trend[0]).toBe(120)
      expect(a!.trend[23]).toBe(170)
      expect(a!.forecast12m).toBeCloseTo(
        fc('acc_1') + fc('acc_2') + fc('acc_4'),
        6,
      )
      const gap = (id: string, sales: number) => Math.max(0, fc(id) - sales)
      expect(a!.pipeline).toBeCloseTo(
        gap('acc_1', 1_200) + gap('acc_2', 600) + gap('acc_4', 240),
        6,
      )
      // B: acc_3 and acc_5 (acc_4 left by override); no quota set → 120 × 1.05, flagged.
      expect(b).toMatchObject({
        territoryId: 'ter_b',
        sales12m: 120,
        salesPrior12m: 120,
        quotaIsDefault: true,
        accounts: 2,
        activeAccounts: 1,
      })
      expect(b!.quota).toBeCloseTo(126, 10)
      expect(b!.attainment).toBeCloseTo(1 / 1.05, 10)
      expect(b!.trend.every((v) => v === 10)).toBe(true)
      expect(b!.forecast12m).toBeCloseTo(fc('acc_3') + fc('acc_5'), 6)
      expect(d.reps.map((r) => [r.repId, r.sales12m])).toEqual([
        ['rep_a', 2_040],
        ['rep_b', 120],
      ])
      expect(d.summary).toMatchObject({ sales12m: 2_160, defaultQuotas: 1 })
      expect(d.summary.quota).toBeCloseTo(2_126, 10)
      expect(d.summary.attainment).toBeCloseTo(2_160 / 2_126, 10)
      expect(d.summary.trend[23]).toBe(180)
      expect(d.unassigned.accounts).toBe(0)
      expect(d.canSetQuota).toBe(true)
    })

    it('gives the engine each territory’s forecast to balance on', async () => {
      await refreshForecasts(h.db, 'org_a', NOW)
      const f = await forecasts()
      const fc = (id: string) => f.get(id)!.next_12m
      const scores = await as('usr_planner').plans.scores({
        scenarioId: 'scn_draft',
      })
      expect(scores.settings.metrics).toEqual([
        { metric: 'forecast', weight: 1 },
      ])
      const a = scores.territories.find((t) => t.territoryId === 'ter_a')!
      const b = scores.territories.find((t) => t.territoryId === 'ter_b')!
      expect(a.forecast).toBeCloseTo(fc('acc_1') + fc('acc_2') + fc('acc_4'), 6)
      expect(b.forecast).toBeCloseTo(fc('acc_3') + fc('acc_5'), 6)
      const mean = (a.forecast + b.forecast) / 2
      expect(a.targets.forecast).toBeCloseTo(mean, 6)
      expect(a.deviations.forecast).toBeCloseTo(a.forecast / mean - 1, 6)
      expect(scores.plan.forecast).toBeCloseTo(a.forecast + b.forecast, 6)
    })

    it('shows a rep their own territory and the plan’s totals, on what they may read', async () => {
      const d = await as('usr_rep_a').analytics.dashboard({
        planId: 'pln_a',
        scenarioId: 'scn_pub',
      })
      expect(d.territories.map((t) => t.territoryId)).toEqual(['ter_a'])
      expect(d.reps.map((r) => r.repId)).toEqual(['rep_a'])
      expect(d.summary.sales12m).toBe(2_160)
      expect(d.canSetQuota).toBe(false)
      // A draft is not theirs to read; nor is another organization's plan anyone's.
      await expect(
        as('usr_rep_a').analytics.dashboard({
          planId: 'pln_a',
          scenarioId: 'scn_draft',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_other').analytics.dashboard({
          planId: 'pln_a',
          scenarioId: 'scn_pub',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('lets planners and managers set quotas, audited; a rep cannot; null restores the default', async () => {
      await expect(
        as('usr_rep_a').analytics.setQuota({
          planId: 'pln_a',
          territoryId: 'ter_a',
          amount: 1,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(
        as('usr_other').analytics.setQuota({
          planId: 'pln_a',
          territoryId: 'ter_a',
          amount: 1,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_planner').analytics.setQuota({
          planId: 'pln_a',
          territoryId: 'ter_b',
          amount: -5,
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      await as('usr_planner').analytics.setQuota({
        planId: 'pln_a',
        territoryId: 'ter_b',
        amount: 240,
      })
      const read = async () =>
        (
          await as('usr_planner').analytics.dashboard({
            planId: 'pln_a',
            scenarioId: 'scn_pub',
          })
        ).territories.find((t) => t.territoryId === 'ter_b')!
      expect(await read()).toMatchObject({
        quota: 240,
        quotaIsDefault: false,
        attainment: 0.5,
      })
      await as('usr_planner').analytics.setQuota({
        planId: 'pln_a',
        territoryId: 'ter_b',
        amount: null,
      })
      expect((await read()).quotaIsDefault).toBe(true)
      const audit = await listAudit(h.db, 'org_a')
      expect(audit.map((e) => e.action)).toEqual(
        expect.arrayContaining(['quota.set', 'quota.clear']),
      )
    })
  },
)
