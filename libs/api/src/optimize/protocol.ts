import type { BalanceSettings } from '@tessera/domain'
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

/** The outcome both kinds share: a whole alignment and how good it is. */
export interface OptimizeOutcome {
  assignments: Record<string, string>
  overrides: Record<string, string>
  balanceScore: number
  maxDevPct: number
  contiguous: boolean
  cutEdges: number
  polsbyPopperMean: number
  splitAccounts: number
  disruptedAccounts: number
  /** Design only: the rep the assignment gave each part (parts without one are left out). */
  repOf: Record<string, string>
  cancelled: boolean
  infeasible: { code: string; message: string } | null
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; balanceScore: number }
  | { type: 'done'; outcome: OptimizeOutcome }
  | { type: 'error'; message: string }
