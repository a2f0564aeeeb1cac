import type { Kysely } from 'kysely'
import type { Plan, Scenario } from '@tessera/domain'
import type { Database, ScenarioRow } from './schema.js'

export async function insertPlan(
  db: Kysely<Database>,
  plan: { id: string; orgId: string; name: string; unitLayerId: string },
): Promise<void> {
  await db
    .insertInto('plans')
    .values({
      id: plan.id,
      org_id: plan.orgId,
      name: plan.name,
      unit_layer_id: plan.unitLayerId,
    })
    .execute()
}

export async function setPublishedScenario(
  db: Kysely<Database>,
  planId: string,
  scenarioId: string,
): Promise<void> {
  await db
    .updateTable('plans')
    .set({ published_scenario_id: scenarioId })
    .where('id', '=', planId)
    .execute()
}

export async function listPlans(
  db: Kysely<Database>,
  orgId: string,
): Promise<Plan[]> {
  const rows = await db
    .selectFrom('plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unitLayerId: r.unit_layer_id,
    publishedScenarioId: r.published_scenario_id,
  }))
}

export async function findPlan(
  db: Kysely<Database>,
  planId: string,
): Promise<(Plan & { orgId: string }) | undefined> {
  const r = await db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst()
  return (
    r && {
      id: r.id,
      orgId: r.org_id,
      name: r.name,
      unitLayerId: r.unit_layer_id,
      publishedScenarioId: r.published_scenario_id,
    }
  )
}

export async function insertScenario(
  db: Kysely<Database>,
  s: Omit<Scenario, 'updatedAt'> & { updatedAt?: Date },
): Promise<void> {
  await db
    .insertInto('scenarios')
    .values({
      id: s.id,
      plan_id: s.planId,
      name: s.name,
      status: s.status,
      parent_id: s.parentId,
      effective_date: s.effectiveDate,
      created_by: s.createdBy,
      updated_at: s.updatedAt ?? new Date(),
    })
    .execute()
}

export async function listScenarios(
  db: Kysely<Database>,
  planId: string,
): Promise<Scenario[]> {
  const rows = await db
    .selectFrom('scenarios')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toScenario)
}

/** A scenario with the organization that owns it, so callers can check access. */
export async function findScenario(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<(Scenario & { orgId: string }) | undefined> {
  const row = await db
    .selectFrom('scenarios')
    .innerJoin('plans', 'plans.id', 'scenarios.plan_id')
    .selectAll('scenarios')
    .select('plans.org_id')
    .where('scenarios.id', '=', scenarioId)
    .executeTakeFirst()
  return row && { ...toScenario(row), orgId: row.org_id }
}

function toScenario(r: ScenarioRow): Scenario {
  return {
    id: r.id,
    planId: r.plan_id,
    name: r.name,
    status: r.status,
    parentId: r.parent_id,
    effectiveDate: r.effective_date,
    createdBy: r.created_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

/** Renames a scenario or moves it to another status; the new `updated_at` is `now`. */
export async function updateScenario(
  db: Kysely<Database>,
  scenarioId: string,
  patch: { name?: string; status?: Scenario['status'] },
  now: Date,
): Promise<void> {
  await db
    .updateTable('scenarios')
    .set({ ...patch, updated_at: now })
    .where('id', '=', scenarioId)
    .execute()
}

/**
 * Deletes a scenario with everything stored under it: its plan document, its territories'
 * notes documents, and (by the schema's cascades) its comments, tasks and reviews.
 */
export async function deleteScenario(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<void> {
  // (LIKE's wildcards in an id are taken literally.)
  const notes = `notes:${scenarioId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`
  for (const table of ['yjs_updates', 'yjs_snapshots'] as const) {
    await db
      .deleteFrom(table)
      .where((eb) =>
        eb.or([
          eb('doc_name', '=', `scenario:${scenarioId}`),
          eb('doc_name', 'like', notes),
        ]),
      )
      .execute()
  }
  await db.deleteFrom('scenarios').where('id', '=', scenarioId).execute()
}

/** When each of these documents last changed (its newest stored update or snapshot). */
export async function lastDocChanges(
  db: Kysely<Database>,
  docNames: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (docNames.length === 0) return out
  const updates = await db
    .selectFrom('yjs_updates')
    .select(['doc_name', (eb) => eb.fn.max('created_at').as('at')])
    .where('doc_name', 'in', docNames)
    .groupBy('doc_name')
    .execute()
  const snaps = await db
    .selectFrom('yjs_snapshots')
    .select(['doc_name', 'updated_at as at'])
    .where('doc_name', 'in', docNames)
    .execute()
  for (const r of [...updates, ...snaps]) {
    if (!r.at) continue
    const at = new Date(r.at as string | Date).toISOString()
    const seen = out.get(r.doc_name)
    if (!seen || at > seen) out.set(r.doc_name, at)
  }
  return out
}
