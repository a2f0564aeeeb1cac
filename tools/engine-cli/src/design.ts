import { designPlan } from '@tessera/engine'
import {
  balanceOnWeight,
  engineModelOf,
  type PlanQuality,
  planQuality,
  rounded,
} from './engine-model.js'
import { type GraphArgs, type Io, loadGraph, writeJsonFile } from './files.js'

export interface DesignArgs extends GraphArgs {
  parts: number
  /** ± fraction of the mean part weight, e.g. 0.01. */
  tolerance: number
  seed: number
  /** Where the plan is written: `{"assignment": {"<nodeId>": part, …}}`. */
  out: string
}

export interface DesignSummary extends PlanQuality {
  ms: number
  /** Why the request cannot be met (the best plan found is still written), or null. */
  infeasible: string | null
}

/**
 * `design`: draws `parts` contiguous parts of balanced weight with the engine's auto-design,
 * writes the plan (parts numbered 0 … K−1) and prints a one-line JSON summary.
 */
export function designCommand(args: DesignArgs, io: Io): DesignSummary {
  const graph = loadGraph(args, io)
  const model = engineModelOf(graph)
  const progress = progressLine(io, 'design')
  const started = performance.now()
  const result = designPlan(model, {
    // One weight per node: moving a node's only "account" alone would fake contiguity.
    splitUnits: false,
    parts: args.parts,
    settings: balanceOnWeight(args.tolerance),
    seed: args.seed,
    partIds: Array.from({ length: args.parts }, (_, i) => String(i)),
    onProgress: (p) => progress.update(p.fraction),
  })
  const ms = performance.now() - started
  progress.done()
  const assignment: Record<string, number> = {}
  for (const u of graph.units) {
    const part = result.assignments[u.id]
    if (part !== undefined) assignment[u.id] = Number(part)
  }
  writeJsonFile(args.out, { assignment })
  const summary: DesignSummary = {
    ...planQuality(result.state, graph.hasGeometry),
    ms,
    infeasible: result.infeasible?.message ?? null,
  }
  io.stdout(JSON.stringify(rounded(summary)))
  return summary
}

/** A percentage on stderr: one line rewritten on a terminal, a line per 10 % otherwise. */
function progressLine(io: Io, label: string) {
  let shown = -1
  return {
    update(fraction: number): void {
      const pct = Math.floor(Math.min(1, Math.max(0, fraction)) * 100)
      if (io.interactive) {
        if (pct !== shown) io.stderr(`\r${label}: ${pct}%`)
        shown = pct
      } else if (Math.floor(pct / 10) > Math.floor(shown / 10)) {
        io.stderr(`${label}: ${pct}%\n`)
        shown = pct
      }
    },
    done(): void {
      if (io.interactive) io.stderr(`\r${label}: 100%\n`)
      else if (shown < 100) io.stderr(`${label}: 100%\n`)
    },
  }
}
