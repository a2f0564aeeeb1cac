import type { Kysely } from 'kysely'
import {
  type Database,
  insertNotifications,
  listPlans,
  recordAudit,
} from '@tessera/db'
import type { UserNotification } from '@tessera/domain'
import { newId, toUserNotification } from './collab/access.js'
import { loadPlanDoc, type ScoringCache, scoreScenario } from './scoring.js'

/** A territory's forecast moving by more than this share is worth a look. */
export const FORECAST_DRIFT_SHARE = 0.15

export interface TerritoryDrift {
  planId: string
  territoryId: string
  territory: string
  /** Why it was flagged, in words. */
  reasons: string[]
}

type Scores = Awaited<ReturnType<typeof scoreScenario>>

/**
 * Each plan's published alignment scored now (call before new data is taken in), to be
 * compared by {@link flagDrift} after it.
 */
export async function scorePublished(
  db: Kysely<Database>,
  scoring: ScoringCache,
  orgId: string,
): Promise<Map<string, Scores>> {
  const scores = new Map<string, Scores>()
  for (const plan of await listPlans(db, orgId)) {
    if (!plan.publishedScenarioId) continue
    scores.set(
      plan.id,
      await scoreScenario(db, scoring, {
        orgId,
        layerId: plan.unitLayerId,
        scenarioId: plan.publishedScenarioId,
        publishedScenarioId: plan.publishedScenarioId,
      }),
    )
  }
  return scores
}

/**
 * Market drift after a sales import: territories of each plan's published alignment that
 * were within the balance tolerance and no longer are, or whose forecast moved by more
 * than {@link FORECAST_DRIFT_SHARE}. Each is recorded in the audit log (the activity feed
 * shows it on the plan) and its rep, the organization's planners and managers are told,
 * so rebalancing starts from evidence. `before` comes from {@link scorePublished}, taken
 * before the import's data was folded in; the scoring cache must be invalidated since.
 */
export async function flagDrift(
  db: Kysely<Database>,
  scoring: ScoringCache,
  orgId: string,
  before: Map<string, Scores>,
  now: Date,
  notify: (userId: string, n: UserNotification) => void,
): Promise<TerritoryDrift[]> {
  const after = await scorePublished(db, scoring, orgId)
  const plans = await listPlans(db, orgId)
  const drifts: TerritoryDrift[] = []
  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'rep_id'])
    .where('org_id', '=', orgId)
    .execute()
  for (const [planId, current] of after) {
    const was = before.get(planId)
    if (!was) continue
    const plan = plans.find((p) => p.id === planId)!
    const { plan: doc } = await loadPlanDoc(db, plan.publishedScenarioId!)
    const names = new Map(doc.territories.map((t) => [t.id, t]))
    const old = new Map(was.territories.map((t) => [t.territoryId, t]))
    const pct = (x: number) => `${Math.round(x * 100)}%`
    for (const t of current.territories) {
      const o = old.get(t.territoryId)
      const record = names.get(t.territoryId)
      if (!o || !record || record.kind !== 'territory') continue
      const reasons: string[] = []
      if (o.inBand && !t.inBand)
        reasons.push(
          `left the balance tolerance (±${pct(current.settings.tolerance)})`,
        )
      if (o.forecast > 0) {
        const moved = t.forecast / o.forecast - 1
        if (Math.abs(moved) > FORECAST_DRIFT_SHARE)
          reasons.push(
            `forecast ${moved > 0 ? 'up' : 'down'} ${pct(Math.abs(moved))}`,
          )
      }
      if (reasons.length === 0) continue
      drifts.push({
        planId,
        territoryId: t.territoryId,
        territory: record.name,
        reasons,
      })
      await recordAudit(db, {
        orgId,
        actorId: null,
        action: 'plan.drift_flagged',
        subjectType: 'plan',
        subjectId: planId,
        details: {
          territoryId: t.territoryId,
          territory: record.name,
          reasons,
        },
      })
      const message = `Market drift in ${record.name}: ${reasons.join('; ')} after the latest sales import.`
      const to = users.filter(
        (u) =>
          u.role === 'planner' ||
          u.role === 'manager' ||
          (record.repId !== null && u.rep_id === record.repId),
      )
      const rows = to.map((u) => ({
        id: newId('ntf'),
        orgId,
        userId: u.id,
        actorId: null,
        kind: 'market_drift',
        planId,
        scenarioId: plan.publishedScenarioId,
        link: { territoryId: t.territoryId },
        message,
        now,
      }))
      await insertNotifications(db, rows)
      for (const r of rows)
        notify(
          r.userId,
          toUserNotification(r, {
            actorName: null,
            createdAt: now.toISOString(),
            readAt: null,
          }),
        )
    }
  }
  return drifts
}
