import { skipToken, useQuery } from '@tanstack/react-query'
import {
  BalanceSettings,
  type PlanDoc,
  type Rep,
  defaultBalanceSettings,
  planStateOf,
} from '@tessera/domain'
import type { PlanScore, Suggestion, TerritoryScore } from '@tessera/engine'
import { startTransition, useEffect, useState } from 'react'
import { useMapDrawn } from '../../../lib/map-drawn'
import { useTRPC } from '../../../lib/trpc'
import type { Change, PlanChanges, PlanSnapshot } from '../lib/live-engine'
import type { FromEngine, ToEngine } from '../lib/protocol'
import { watchPlanChanges } from '../../../lib/plan-changes'

export interface LiveScores {
  status: 'loading' | 'ready' | 'error'
  error: string | null
  settings: BalanceSettings
  plan: PlanScore | null
  /** territoryId → row; a row keeps its identity until its numbers change. */
  territories: ReadonlyMap<string, TerritoryScore>
  suggestions: { balanceScore: number; list: Suggestion[] } | null
  /** The last document change these scores include (for tests and the benchmark). */
  seq: number
  /** The worker's time for the last update, in ms. */
  ms: number
}

const initial: LiveScores = {
  status: 'loading',
  error: null,
  settings: defaultBalanceSettings,
  plan: null,
  territories: new Map(),
  suggestions: null,
  seq: 0,
  ms: 0,
}

function settingsOf(plan: PlanDoc): BalanceSettings {
  const parsed = BalanceSettings.safeParse(plan.meta.get('balance'))
  return parsed.success ? parsed.data : defaultBalanceSettings
}

/**
 * Scores and suggestions for the live plan, from the engine in a Web Worker: every edit,
 * local or remote, is sent as the keys it changed; the worker answers with the plan score
 * and only the rows that changed. Starts once the document has synced and the model (the
 * scenario's geography and accounts, packed) has arrived.
 */
export function useLiveScores(opts: {
  scenarioId: string | null
  planDoc: PlanDoc | null
  synced: boolean
  reps: readonly Rep[] | undefined
  suggestions?: number
}): LiveScores {
  const { scenarioId, planDoc, synced, reps } = opts
  const limit = opts.suggestions ?? 6
  const trpc = useTRPC()
  // The model is fetched once the map has drawn: the first view shows the server's scores.
  const mapDrawn = useMapDrawn()
  const input = useQuery(
    trpc.plans.engineInput.queryOptions(
      scenarioId && mapDrawn ? { scenarioId } : skipToken,
      // Its own request: ~0.9 MB the map's first batch need not wait for.
      {
        staleTime: Infinity,
        gcTime: 60_000,
        trpc: { context: { skipBatch: true } },
      },
    ),
  )
  const [scores, setScores] = useState<LiveScores>(initial)
  const inputData = input.data
  const ready = Boolean(planDoc && synced && inputData && reps)

  useEffect(() => {
    setScores(initial)
    if (!ready || !planDoc || !inputData || !reps) return
    const worker = new Worker(
      new URL('../worker/engine.worker.ts', import.meta.url),
      { type: 'module', name: 'tessera-engine' },
    )
    const send = (message: ToEngine) => worker.postMessage(message)

    // Changes are gathered per animation frame: a brush stroke or a burst of remote
    // updates becomes one message.
    let seq = 0
    // Parsed once, then again only when the document's settings change.
    let settings = settingsOf(planDoc)
    const values = (keys: Set<string>, log: PlanDoc['assignments']): Change[] =>
      [...keys].map((k) => [k, log.get(k) ?? null])
    const unwatch = watchPlanChanges(planDoc, (c) => {
      const changes: PlanChanges = {}
      if (c.assignments.size)
        changes.assignments = values(c.assignments, planDoc.assignments)
      if (c.overrides.size)
        changes.overrides = values(c.overrides, planDoc.accountOverrides)
      if (c.lockedUnits.size)
        changes.lockedUnits = values(c.lockedUnits, planDoc.lockedUnits)
      if (c.territories) changes.territories = [...planDoc.territories.values()]
      if (c.meta.has('balance'))
        changes.settings = settings = settingsOf(planDoc)
      if (Object.keys(changes).length > 0)
        send({ type: 'update', seq: ++seq, changes })
    })

    worker.onmessage = (event: MessageEvent<FromEngine>) => {
      const message = event.data
      // Scores and suggestions are a transition: React renders the panels they feed in
      // slices it can interrupt, so a page busy with an edit is never blocked by them.
      if (message.type === 'scores') {
        const { update } = message
        startTransition(() =>
          setScores((s) => {
            const territories = new Map(s.territories)
            for (const row of update.changed)
              territories.set(row.territoryId, row)
            for (const id of update.removed) territories.delete(id)
            return {
              ...s,
              status: 'ready',
              error: null,
              settings,
              plan: update.plan,
              territories,
              seq: message.seq,
              ms: message.ms,
            }
          }),
        )
      } else if (message.type === 'suggestions') {
        startTransition(() =>
          setScores((s) => ({
            ...s,
            suggestions: {
              balanceScore: message.balanceScore,
              list: message.suggestions,
            },
          })),
        )
      } else {
        setScores((s) => ({ ...s, status: 'error', error: message.message }))
      }
    }
    worker.onerror = (event) => {
      event.preventDefault()
      setScores((s) => ({
        ...s,
        status: 'error',
        error: event.message || 'The scoring engine stopped.',
      }))
    }

    const state = planStateOf(planDoc)
    const plan: PlanSnapshot = {
      territories: state.territories,
      assignments: state.assignments,
      overrides: state.accountOverrides,
      lockedUnits: state.lockedUnits,
      settings,
    }
    send({
      type: 'init',
      model: inputData.model,
      reps,
      published: inputData.published,
      plan,
      suggestions: limit,
    })
    return () => {
      unwatch()
      worker.terminate()
    }
  }, [ready, planDoc, inputData, reps, limit])

  if (input.isError && scores.status === 'loading')
    return { ...scores, status: 'error', error: input.error.message }
  return scores
}
