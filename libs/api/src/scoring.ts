import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import {
  type Database,
  listAdjacency,
  listDiffAccounts,
  listReps,
  listScoringAccounts,
  listUnits,
  loadYjsDoc,
  unitAccountStats,
  unitSalesAndIndustry,
} from '@tessera/db'
import {
  BalanceSettings,
  type DiffAccount,
  type PlanState as PlanDocState,
  defaultBalanceSettings,
  planDocMeta,
  planDocName,
  readPlanState,
} from '@tessera/domain'
import {
  type EngineModel,
  type PackedModel,
  type PlanInput,
  PlanState,
  buildModel,
  packModel,
  suggestMoves,
  territoryInputsFrom,
} from '@tessera/engine'

/** A scenario's plan document, read from the Yjs store into plain JSON. */
/** A scenario's whole stored Yjs state (its snapshot and every update) as one update. */
export async function scenarioDocState(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<Uint8Array | null> {
  const stored = await loadYjsDoc(db, planDocName(scenarioId))
  const parts = [
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates,
  ]
  return parts.length > 0 ? Y.mergeUpdates(parts) : null
}

export async function loadPlanDoc(
  db: Kysely<Database>,
  scenarioId: string,
): Promise<{ plan: PlanDocState; settings: BalanceSettings }> {
  const stored = await loadYjsDoc(db, planDocName(scenarioId))
  const doc = new Y.Doc()
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    // Settings live in the document's meta; anything malformed falls back to the defaults.
    const parsed = BalanceSettings.safeParse(planDocMeta(doc).get('balance'))
    return {
      plan: readPlanState(doc),
      settings: parsed.success ? parsed.data : defaultBalanceSettings,
    }
  } finally {
    doc.destroy()
  }
}

/** Per-unit account totals the map shows (thematic colours, tooltips). */
export type UnitStatRow = Awaited<
  ReturnType<typeof unitAccountStats>
>[number] & {
  sales: number
  topIndustry: string | null
  /** Accounts with sales in the last 12 months (white space: coverage). */
  activeAccounts: number
  /** Σ next-12-month forecast (white space: potential not yet expected). */
  forecast: number
}

/** One shared build per key; a failed build is forgotten, so the next caller tries again. */
function once<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  build: () => Promise<T>,
): Promise<T> {
  let entry = cache.get(key)
  if (!entry) {
    entry = build()
    cache.set(key, entry)
    entry.catch(() => cache.delete(key))
  }
  return entry
}

/**
 * Engine models (geography + accounts as typed arrays) and per-unit account totals, per
 * organization and layer, built once from the database and shared by every scenario and
 * every page load (both read all of an organization's accounts and 12 months of sales);
 * `invalidate` after an import.
 */
export class ScoringCache {
  private readonly models = new Map<string, Promise<EngineModel>>()
  private readonly stats = new Map<string, Promise<UnitStatRow[]>>()
  private readonly packs = new WeakMap<EngineModel, PackedModel>()
  private readonly derivedValues = new Map<string, Promise<unknown>>()

  constructor(private readonly db: Kysely<Database>) {}

  model(orgId: string, layerId: string): Promise<EngineModel> {
    return once(this.models, `${orgId}|${layerId}`, () =>
      this.build(orgId, layerId),
    )
  }

  /** The model packed for a browser, encoded once per model. */
  packed(model: EngineModel): PackedModel {
    let p = this.packs.get(model)
    if (!p) this.packs.set(model, (p = packModel(model)))
    return p
  }

  unitStats(orgId: string, layerId: string): Promise<UnitStatRow[]> {
    return once(this.stats, `${orgId}|${layerId}`, () =>
      this.buildStats(orgId, layerId),
    )
  }

  /**
   * Anything else built from an organization's accounts and sales (a dashboard's per-unit
   * figures…), built once per key and dropped with the rest by {@link invalidate}.
   */
  derived<T>(orgId: string, key: string, build: () => Promise<T>): Promise<T> {
    return once(
      this.derivedValues as Map<string, Promise<T>>,
      `${orgId}|${key}`,
      build,
    )
  }

  /**
   * Every account of the organization with its unit in the layer and its figures, as a
   * scenario diff names them (compare, review, My changes, the alignment CSV): the model's
   * query, seconds on the embedded database, and a rep's My changes asks for it on every
   * notification.
   */
  diffAccounts(orgId: string, layerId: string): Promise<DiffAccount[]> {
    return this.derived(orgId, `diff-accounts|${layerId}`, () =>
      listDiffAccounts(this.db, orgId, layerId),
    )
  }

  invalidate(orgId: string): void {
    for (const cache of [this.models, this.stats, this.derivedValues])
      for (const key of cache.keys())
        if (key.startsWith(`${orgId}|`)) cache.delete(key)
  }

  private async buildStats(
    orgId: string,
    layerId: string,
  ): Promise<UnitStatRow[]> {
    const [totals, extra] = await Promise.all([
      unitAccountStats(this.db, orgId, layerId),
      unitSalesAndIndustry(this.db, orgId, layerId),
    ])
    const byUnit = new Map(extra.map((e) => [e.unitId, e]))
    return totals.map((s) => ({
      ...s,
      sales: byUnit.get(s.unitId)?.sales ?? 0,
      topIndustry: byUnit.get(s.unitId)?.topIndustry ?? null,
      activeAccounts: byUnit.get(s.unitId)?.activeAccounts ?? 0,
      forecast: byUnit.get(s.unitId)?.forecast ?? 0,
    }))
  }

  private async build(orgId: string, layerId: string): Promise<EngineModel> {
    const [units, adjacency, accounts] = await Promise.all([
      listUnits(this.db, layerId),
      listAdjacency(this.db, layerId),
      listScoringAccounts(this.db, orgId, layerId),
    ])
    const built = buildModel({
      units,
      adjacency,
      accounts: accounts.map((a) => ({
        id: a.id,
        unitId: a.unitId,
        location: [a.lon, a.lat],
        potential: a.potential,
        sales: a.sales12m,
        workloadMinutes: a.workloadMinutes,
        forecast: a.forecast12m,
      })),
    })
    if (!built.ok) throw new Error(built.error.message)
    return built.value
  }
}

export interface ScenarioScope {
  orgId: string
  layerId: string
  scenarioId: string
  publishedScenarioId: string | null
}

/** A scenario's engine input, against its plan's published alignment, with the reps' homes and capacities. */
export async function scenarioInput(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope,
) {
  const [model, current, reps] = await Promise.all([
    cache.model(scope.orgId, scope.layerId),
    loadPlanDoc(db, scope.scenarioId),
    listReps(db, scope.orgId),
  ])
  const published =
    scope.publishedScenarioId && scope.publishedScenarioId !== scope.scenarioId
      ? (await loadPlanDoc(db, scope.publishedScenarioId)).plan
      : undefined
  const input: PlanInput = {
    territories: territoryInputsFrom(current.plan.territories, reps),
    assignments: current.plan.assignments,
    overrides: current.plan.accountOverrides,
    published: published && {
      assignments: published.assignments,
      overrides: published.accountOverrides,
    },
    settings: current.settings,
  }
  return { model, input, current }
}

/** A scenario's incremental state, against its plan's published alignment. */
async function scenarioState(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope,
) {
  const { model, input, current } = await scenarioInput(db, cache, scope)
  return {
    state: new PlanState(model, input),
    settings: current.settings,
    modelWarnings: model.warnings.length,
  }
}

/** Scores of a scenario: per territory and for the plan. */
export async function scoreScenario(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope,
) {
  const { state, settings, modelWarnings } = await scenarioState(
    db,
    cache,
    scope,
  )
  return {
    settings,
    plan: state.planScore(),
    territories: state.territoryScores(),
    warnings: modelWarnings + state.warnings.length,
  }
}

/** The engine's best next moves for a scenario, each with its reasons. */
export async function suggestForScenario(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope,
  options: { limit: number; maxDisruptedAccounts?: number | undefined },
) {
  const { state } = await scenarioState(db, cache, scope)
  return {
    balanceScore: state.balanceScore(),
    suggestions: suggestMoves(state, options),
  }
}

/**
 * What a browser needs to score the scenario itself while it is edited: the engine model
 * (packed; built once per layer and shared) and the published alignment disruption is
 * measured against. The plan itself comes live from the document; reps from `reps.list`.
 */
export async function engineInputFor(
  db: Kysely<Database>,
  cache: ScoringCache,
  scope: ScenarioScope,
) {
  const model = await cache.model(scope.orgId, scope.layerId)
  const published =
    scope.publishedScenarioId && scope.publishedScenarioId !== scope.scenarioId
      ? (await loadPlanDoc(db, scope.publishedScenarioId)).plan
      : null
  return {
    model: cache.packed(model),
    published: published && {
      assignments: published.assignments,
      overrides: published.accountOverrides,
    },
  }
}
