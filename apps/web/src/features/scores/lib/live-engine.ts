import type { BalanceSettings, Rep, TerritoryRecord } from '@tessera/domain'
import {
  type AlignmentInput,
  type EngineModel,
  type PlanScore,
  PlanState,
  type Suggestion,
  type TerritoryScore,
  suggestMoves,
  territoryInputsFrom,
} from '@tessera/engine'

/** One key's new value; null removes it (a unit left unassigned, an override dropped). */
export type Change = readonly [key: string, value: string | null]

/** The plan as the live document holds it, in full (the first message, and after a reset). */
export interface PlanSnapshot {
  territories: readonly TerritoryRecord[]
  assignments: Readonly<Record<string, string>>
  overrides: Readonly<Record<string, string>>
  lockedUnits: readonly string[]
  settings: BalanceSettings
}

/** What changed in the document since the last update; absent fields did not change. */
export interface PlanChanges {
  assignments?: readonly Change[]
  overrides?: readonly Change[]
  /** The whole territory set (rare: create, rename, recolour, rep, lock, delete). */
  territories?: readonly TerritoryRecord[]
  settings?: BalanceSettings
  lockedUnits?: readonly Change[]
}

/** Scores to show: the plan's, and only the territory rows that differ from the last result. */
export interface ScoresUpdate {
  plan: PlanScore
  /** Rows whose numbers changed (every row the first time). */
  changed: TerritoryScore[]
  /** Territories that are gone. */
  removed: string[]
  /** Unit and account ids the plan refers to that the model does not know. */
  warnings: number
}

/**
 * The browser's copy of the engine: the scenario's incremental plan state, fed with what
 * changes in the live document. A unit move is an O(accounts in the unit + degree) update;
 * a change to the territories or settings (rare) rebuilds the state in O(units + accounts).
 * Each result carries only the rows that changed, so the table repaints only those.
 */
export class LiveEngine {
  private state: PlanState
  private readonly assignments: Map<string, string>
  private readonly overrides: Map<string, string>
  private readonly locked: Set<string>
  private territories: readonly TerritoryRecord[]
  private settings: BalanceSettings
  /** The last row sent per territory, to send only what differs. */
  private readonly sent = new Map<string, string>()

  constructor(
    private readonly model: EngineModel,
    private readonly reps: readonly Rep[],
    private readonly published: AlignmentInput | null,
    plan: PlanSnapshot,
  ) {
    this.assignments = new Map(Object.entries(plan.assignments))
    this.overrides = new Map(Object.entries(plan.overrides))
    this.locked = new Set(plan.lockedUnits)
    this.territories = plan.territories
    this.settings = plan.settings
    this.state = this.build()
  }

  update(changes: PlanChanges): void {
    apply(this.assignments, changes.assignments)
    apply(this.overrides, changes.overrides)
    for (const [unitId, v] of changes.lockedUnits ?? [])
      if (v === null) this.locked.delete(unitId)
      else this.locked.add(unitId)
    if (changes.territories) this.territories = changes.territories
    if (changes.settings) this.settings = changes.settings
    if (changes.territories || changes.settings) {
      this.state = this.build()
      return
    }
    if (changes.assignments?.length) {
      const moved = this.state.applyMoves(
        changes.assignments.map(([unitId, to]) => ({ unitId, to })),
      )
      // A unit or territory the state does not know (a territory created in the same
      // breath, a unit of another layer): rebuild, which warns and leaves it out.
      if (!moved.ok) this.state = this.build()
    }
    for (const [accountId, to] of changes.overrides ?? []) {
      if (!this.state.setOverride(accountId, to).ok) {
        this.state = this.build()
        break
      }
    }
  }

  /** The plan's score and the rows that changed since the last call. */
  scores(): ScoresUpdate {
    const rows = this.state.territoryScores()
    const changed: TerritoryScore[] = []
    const seen = new Set<string>()
    for (const row of rows) {
      seen.add(row.territoryId)
      const key = JSON.stringify(row)
      if (this.sent.get(row.territoryId) === key) continue
      this.sent.set(row.territoryId, key)
      changed.push(row)
    }
    const removed = [...this.sent.keys()].filter((id) => !seen.has(id))
    for (const id of removed) this.sent.delete(id)
    return {
      plan: this.state.planScore(),
      changed,
      removed,
      warnings: this.state.warnings.length,
    }
  }

  /** The engine's best next moves; locked units never move. */
  suggestions(limit: number): {
    balanceScore: number
    suggestions: Suggestion[]
  } {
    return {
      balanceScore: this.state.balanceScore(),
      suggestions: suggestMoves(this.state, {
        limit,
        lockedUnits: this.locked,
      }),
    }
  }

  private build(): PlanState {
    return new PlanState(this.model, {
      territories: territoryInputsFrom(this.territories, this.reps),
      assignments: Object.fromEntries(this.assignments),
      overrides: Object.fromEntries(this.overrides),
      published: this.published ?? undefined,
      settings: this.settings,
    })
  }
}

function apply(map: Map<string, string>, changes: readonly Change[] = []) {
  for (const [key, value] of changes)
    if (value === null) map.delete(key)
    else map.set(key, value)
}
