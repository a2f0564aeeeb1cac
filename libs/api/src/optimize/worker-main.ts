import { parentPort, workerData } from 'node:worker_threads'
import {
  PlanState,
  assignReps,
  designPlan,
  maxDeviationPct,
  meanPolsbyPopper,
  rebalance,
  territoryNeeds,
} from '@tessera/engine'
import type {
  OptimizeOutcome,
  OptimizeTask,
  WorkerMessage,
} from './protocol.js'

/**
 * The optimization worker: runs one design or rebalance off the server's main thread,
 * posting progress as it goes. Cancellation is a flag in shared memory the main thread sets
 * (the engine runs synchronously, so a message could not be read until it finished); the
 * engine checks it at each progress step and returns the best plan so far.
 */
const { task, cancel } = workerData as {
  task: OptimizeTask
  cancel: SharedArrayBuffer
}
const flag = new Int32Array(cancel)
const post = (m: WorkerMessage) => parentPort!.postMessage(m)
const onProgress = (fraction: number, balanceScore: number) => {
  post({ type: 'progress', fraction, balanceScore })
  return Atomics.load(flag, 0) === 0
}

try {
  post({ type: 'done', outcome: run(task) })
} catch (error) {
  post({ type: 'error', message: (error as Error).message })
}

function run(t: OptimizeTask): OptimizeOutcome {
  if (t.kind === 'design') {
    const r = designPlan(t.model, {
      parts: t.parts,
      settings: t.settings,
      seed: t.seed,
      partIds: t.partIds,
      ...(t.seedUnits ? { seedUnits: t.seedUnits } : {}),
      splitUnits: t.splitUnits,
      onProgress: (p) => onProgress(p.fraction, p.balanceScore),
    })
    // Staff the new territories: the optimal rep ↔ territory assignment (travel from home,
    // missing skills, over-capacity), so each part keeps a rep who lives near it.
    const repOf: Record<string, string> = {}
    if (t.reps && t.reps.length > 0 && !r.cancelled) {
      const assigned = assignReps(territoryNeeds(r.state), t.reps)
      if (assigned.ok)
        for (const pair of assigned.value.pairs)
          repOf[pair.territoryId] = pair.repId
    }
    return {
      repOf,
      assignments: r.assignments,
      overrides: r.overrides,
      balanceScore: r.balanceScore,
      maxDevPct: r.maxDevPct,
      contiguous: r.contiguous,
      cutEdges: r.cutEdges,
      polsbyPopperMean: r.polsbyPopperMean,
      splitAccounts: r.splitAccounts,
      disruptedAccounts: 0,
      cancelled: r.cancelled,
      infeasible: r.infeasible && {
        code: r.infeasible.code,
        message: r.infeasible.message,
      },
    }
  }
  const state = new PlanState(t.model, t.plan)
  let rounds = 0
  const r = rebalance(state, {
    maxDisruptedAccounts: t.maxDisruptedAccounts,
    lockedUnits: new Set(t.lockedUnits),
    splitUnits: t.splitUnits,
    // Rounds of transport, then sweeps of local search: progress creeps toward 1.
    onProgress: (p) => {
      rounds++
      return onProgress(1 - 1 / (1 + rounds / 4), p.balanceScore)
    },
  })
  const plan = state.planScore()
  const territories = state.territoryScores()
  const alignment = state.currentAlignment()
  return {
    repOf: {},
    assignments: alignment.assignments,
    overrides: alignment.overrides,
    balanceScore: plan.balanceScore,
    maxDevPct: maxDeviationPct(plan),
    contiguous: plan.noncontiguousTerritories === 0,
    cutEdges: plan.cutEdges,
    polsbyPopperMean: meanPolsbyPopper(territories),
    splitAccounts: r.accountMoves,
    disruptedAccounts: plan.disruptedAccounts,
    cancelled: r.stopped === 'cancelled',
    infeasible: r.infeasible && {
      code: r.infeasible.code,
      message: r.infeasible.message,
    },
  }
}
