import type { Rep } from '@tessera/domain'
import type { AlignmentInput, PackedModel, Suggestion } from '@tessera/engine'
import type { PlanChanges, PlanSnapshot, ScoresUpdate } from './live-engine'

/** Messages from the page to the engine worker. */
export type ToEngine =
  | {
      type: 'init'
      model: PackedModel
      reps: readonly Rep[]
      published: AlignmentInput | null
      plan: PlanSnapshot
      /** How many suggestions to keep ready. */
      suggestions: number
    }
  | { type: 'update'; seq: number; changes: PlanChanges }

/** Messages from the engine worker to the page. */
export type FromEngine =
  | { type: 'scores'; seq: number; update: ScoresUpdate; ms: number }
  | {
      type: 'suggestions'
      seq: number
      balanceScore: number
      suggestions: Suggestion[]
      ms: number
    }
  | { type: 'error'; message: string }
