import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import {
  type Database,
  insertScenario,
  listReps,
  recordAudit,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type BalanceMetric,
  type BalanceSettings,
  type TerritoryRecord,
  initPlanDoc,
  planDocMeta,
  planDocName,
  territoryColor,
} from '@tessera/domain'
import type { OptimizeJobs } from './optimize/jobs.js'
import type { OptimizeOutcome } from './optimize/protocol.js'
import {
  type ScenarioScope,
  type ScoringCache,
  loadPlanDoc,
  scenarioInput,
} from './scoring.js'

export interface AutoDesignRequest {
  parts: number
  metric: BalanceMetric
  tolerance: number
  seed: number
  /** Let units heavier than a territory's share be split by account (default true). */
  splitUnits: boolean
}

export interface RebalanceRequest {
  /** Most accounts moved away from the published alignment, as a share (0–1) of all accounts. */
  maxMovedShare: number
  splitUnits: boolean
}

type Scope = ScenarioScope & { planId: string; userId: string }

/**
 * Starts an auto-design of `parts` balanced, contiguous territories on the source
 * scenario's layer, in a worker. The source's territory records (names, colours, reps,
 * regions) are reused for the first parts; extra parts get new ones. When it finishes, the
 * result is drafted as a new scenario (a Yjs snapshot, audited) and the job says which.
 */
export async function startAutoDesign(
  db: Kysely<Database>,
  cache: ScoringCache,
  jobs: OptimizeJobs,
  scope: Scope,
  request: AutoDesignRequest,
) {
  const [model, source, reps] = await Promise.all([
    cache.model(scope.orgId, scope.layerId),
    loadPlanDoc(db, scope.scenarioId),
    listReps(db, scope.orgId),
  ])
  const existing = source.plan.territories.filter((t) => t.kind === 'territory')
  const regions = source.plan.territories.filter((t) => t.kind !== 'territory')
  const settings: BalanceSettings = {
    metrics: [{ metric: request.metric, weight: 1 }],
    tolerance: request.tolerance,
    target: 'mean',
  }
  const partIds = Array.from({ length: request.parts }, (_, i) => `p${i}`)
  const name = `Auto-design: ${request.parts} territories, ±${+(request.tolerance * 100).toFixed(2)} % ${request.metric}`
  return jobs.start(
    { orgId: scope.orgId, userId: scope.userId, scenarioId: scope.scenarioId },
    {
      kind: 'design',
      model,
      parts: request.parts,
      settings,
      seed: request.seed,
      partIds,
      splitUnits: request.splitUnits,
      reps: reps.map((r) => ({
        id: r.id,
        home: r.home,
        capacityMinutes: r.weeklyCapacityMinutes,
        industries: r.industries,
      })),
    },
    (outcome) => {
      const records = staffedRecords(partIds, outcome.repOf, existing)
      const rename = (v: string) => records.get(v)?.id ?? v
      return saveDraft(db, scope, {
        name,
        territories: [...regions, ...records.values()],
        settings,
        outcome: {
          ...outcome,
          assignments: mapValues(outcome.assignments, rename),
          overrides: mapValues(outcome.overrides, rename),
        },
        action: 'scenario.auto_designed',
        details: { ...request },
      })
    },
  )
}

/**
 * The territory record of each designed part: a part staffed with a rep who had a territory
 * keeps that territory's record (id, name, colour, region), so the draft compares
 * territory by territory with its source; other parts get new records.
 */
function staffedRecords(
  partIds: readonly string[],
  repOf: Readonly<Record<string, string>>,
  existing: readonly TerritoryRecord[],
): Map<string, TerritoryRecord> {
  const byRep = new Map(
    existing.filter((t) => t.repId).map((t) => [t.repId!, t]),
  )
  const used = new Set<string>()
  const out = new Map<string, TerritoryRecord>()
  partIds.forEach((p) => {
    const rep = repOf[p]
    const from = rep ? byRep.get(rep) : undefined
    if (from && !used.has(from.id)) {
      used.add(from.id)
      out.set(p, { ...from, locked: false })
    }
  })
  let n = existing.length
  partIds.forEach((p) => {
    if (out.has(p)) return
    n++
    out.set(p, {
      id: `ter_${randomUUID().slice(0, 8)}`,
      name: `Territory ${n}`,
      color: territoryColor(n - 1),
      kind: 'territory',
      parentId: null,
      repId: repOf[p] ?? null,
      locked: false,
    })
  })
  return out
}

function mapValues(
  record: Readonly<Record<string, string>>,
  f: (v: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(record)) out[k] = f(v)
  return out
}

/**
 * Starts a rebalance of the scenario (its own balance settings, locked territories left
 * alone) within a cap on accounts moved from the published alignment, in a worker; the
 * result is drafted as a new scenario next to the source.
 */
export async function startRebalance(
  db: Kysely<Database>,
  cache: ScoringCache,
  jobs: OptimizeJobs,
  scope: Scope,
  request: RebalanceRequest,
) {
  const { model, input, current } = await scenarioInput(db, cache, scope)
  const maxDisruptedAccounts = Math.floor(
    request.maxMovedShare * model.accountIds.length,
  )
  const name = `Rebalance (≤ ${+(request.maxMovedShare * 100).toFixed(1)} % moved)`
  return jobs.start(
    { orgId: scope.orgId, userId: scope.userId, scenarioId: scope.scenarioId },
    {
      kind: 'rebalance',
      model,
      plan: input,
      maxDisruptedAccounts,
      // Units a planner locked stay where they are.
      lockedUnits: current.plan.lockedUnits,
      splitUnits: request.splitUnits,
    },
    (outcome) =>
      saveDraft(db, scope, {
        name,
        territories: current.plan.territories,
        settings: current.settings,
        outcome,
        action: 'scenario.rebalanced',
        details: { ...request, maxDisruptedAccounts },
      }),
  )
}

/** Writes an optimization's alignment as a new draft scenario (Yjs snapshot + audit row). */
async function saveDraft(
  db: Kysely<Database>,
  scope: Scope,
  draft: {
    name: string
    territories: TerritoryRecord[]
    settings: BalanceSettings
    outcome: OptimizeOutcome
    action: string
    details: Record<string, unknown>
  },
): Promise<{ scenarioId: string; name: string }> {
  const scenarioId = `scn_${randomUUID().slice(0, 12)}`
  const doc = new Y.Doc()
  try {
    initPlanDoc(doc, {
      unitLayerId: scope.layerId,
      territories: draft.territories,
      assignments: draft.outcome.assignments,
      // Units heavier than a territory's share are split: their accounts ride as overrides.
      accountOverrides: draft.outcome.overrides,
    })
    planDocMeta(doc).set('balance', draft.settings)
    await db.transaction().execute(async (trx) => {
      await insertScenario(trx, {
        id: scenarioId,
        planId: scope.planId,
        name: draft.name,
        status: 'draft',
        parentId: scope.scenarioId,
        effectiveDate: null,
        createdBy: scope.userId,
      })
      await writeYjsSnapshot(
        trx,
        planDocName(scenarioId),
        Y.encodeStateAsUpdate(doc),
      )
      await recordAudit(trx, {
        orgId: scope.orgId,
        actorId: scope.userId,
        action: draft.action,
        subjectType: 'scenario',
        subjectId: scenarioId,
        details: {
          from: scope.scenarioId,
          ...draft.details,
          maxDevPct: draft.outcome.maxDevPct,
          splitAccounts: draft.outcome.splitAccounts,
        },
      })
    })
  } finally {
    doc.destroy()
  }
  return { scenarioId, name: draft.name }
}
