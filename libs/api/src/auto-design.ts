import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import {
  type Database,
  insertScenario,
  recordAudit,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type BalanceMetric,
  type TerritoryRecord,
  initPlanDoc,
  planDocMaps,
  planDocName,
  territoryColor,
} from '@tessera/domain'
import { designPlan } from '@tessera/engine'
import {
  loadPlanDoc,
  type ScenarioScope,
  type ScoringCache,
} from './scoring.js'

export interface AutoDesignRequest {
  parts: number
  metric: BalanceMetric
  tolerance: number
  seed: number
}

/**
 * Drafts a new scenario from scratch with the engine's auto-design: `parts` balanced,
 * contiguous territories on the source scenario's layer. The source's territory records
 * (names, colours, reps, regions) are reused for the first parts; extra parts get new ones.
 * The draft is written as a Yjs snapshot, so it opens like any other scenario.
 */
export async function autoDesignScenario(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope & { planId: string; userId: string },
  request: AutoDesignRequest,
) {
  const [model, source] = await Promise.all([
    cache.model(scope.orgId, scope.layerId),
    loadPlanDoc(db, scope.scenarioId),
  ])
  const existing = source.plan.territories.filter((t) => t.kind === 'territory')
  const regions = source.plan.territories.filter((t) => t.kind !== 'territory')
  const records: TerritoryRecord[] = Array.from(
    { length: request.parts },
    (_, i) => {
      const base = existing[i]
      return base
        ? { ...base, locked: false }
        : {
            id: `ter_${randomUUID().slice(0, 8)}`,
            name: `Territory ${i + 1}`,
            color: territoryColor(i),
            kind: 'territory',
            parentId: null,
            repId: null,
            locked: false,
          }
    },
  )
  const settings = {
    metrics: [{ metric: request.metric, weight: 1 }],
    tolerance: request.tolerance,
    target: 'mean' as const,
  }
  const started = performance.now()
  const result = designPlan(model, {
    parts: request.parts,
    settings,
    seed: request.seed,
    partIds: records.map((r) => r.id),
  })
  const ms = performance.now() - started
  const scenarioId = `scn_${randomUUID().slice(0, 12)}`
  const doc = new Y.Doc()
  initPlanDoc(doc, {
    unitLayerId: scope.layerId,
    territories: [...regions, ...records],
    assignments: result.assignments,
    // Units heavier than a territory's share are split: their accounts ride as overrides.
    accountOverrides: result.overrides,
  })
  planDocMaps(doc).meta.set('balance', settings)
  const name = `Auto-design: ${request.parts} territories, ±${Math.round(request.tolerance * 100)} % ${request.metric}`
  await db.transaction().execute(async (trx) => {
    await insertScenario(trx, {
      id: scenarioId,
      planId: scope.planId,
      name,
      status: 'draft',
      parentId: scope.scenarioId,
      effectiveDate: null,
      createdBy: scope.userId,
    })
    await writeYjsSnapshot(
      trx,
      planDocName(scenarioId),
      Y.encodeStateAsUpdate(doc),
      '0',
    )
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'scenario.auto_designed',
      subjectType: 'scenario',
      subjectId: scenarioId,
      details: {
        from: scope.scenarioId,
        ...request,
        maxDevPct: result.maxDevPct,
        splitAccounts: result.splitAccounts,
        ms: Math.round(ms),
      },
    })
  })
  doc.destroy()
  return {
    scenarioId,
    name,
    ms: Math.round(ms),
    balanceScore: result.balanceScore,
    maxDevPct: result.maxDevPct,
    contiguous: result.contiguous,
    splitAccounts: result.splitAccounts,
    cutEdges: result.cutEdges,
    polsbyPopperMean: result.polsbyPopperMean,
    infeasible: result.infeasible && {
      code: result.infeasible.code,
      message: result.infeasible.message,
    },
  }
}
