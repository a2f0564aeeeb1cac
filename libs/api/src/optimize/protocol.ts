import type { BalanceSettings, OptimizeJobResult } from '@tessera/domain'
import type { EngineModel, PlanInput, RepCandidate } from '@tessera/engine'

/** What the main thread asks an optimization worker to do (structured-cloned). */
export type OptimizeTask =
  | {
      kind: 'design'
      model: EngineModel
      parts: number
      settings: BalanceSettings
      seed: number
      partIds: string[]
      seedUnits?: string[]
      splitUnits: boolean
      /** Reps to staff the new territories with (optimal assignment), if any. */
      reps?: RepCandidate[]
    }
  | {
      kind: 'rebalance'
      model: EngineModel
      plan: PlanInput
      maxDisruptedAccounts: number
      lockedUnits: string[]
      splitUnits: boolean
    }

/**
 * The outcome both kinds share: a whole alignment and how good it is (the scores are the
 * ones a finished job reports; the server adds the draft it saved).
 */
export interface OptimizeOutcome extends Omit<
  OptimizeJobResult,
  'scenarioId' | 'name'
> {
  assignments: Record<string, string>
  overrides: Record<string, string>
  /** Design only: the rep the assignment gave each part (parts without one are left out). */
  repOf: Record<string, string>
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; balanceScore: number }
  | { type: 'done'; outcome: OptimizeOutcome }
  | { type: 'error'; message: string }
