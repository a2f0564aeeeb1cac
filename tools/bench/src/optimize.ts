/**
 * `npm run bench:optimize`: suggestions (demo and a 100,000-unit grid), the assignment solver
 * (500² and 1000²), auto-design of the demo into 40 territories on workload, and a rebalance
 * of the unbalanced demo alignment capped at 15 % of accounts moved. Prints a table, then
 * one JSON line (the last line).
 */
import { createRng } from '@tessera/domain'
import {
  PlanState,
  designPlan,
  maxDeviationPct,
  rebalance,
  solveAssignment,
  suggestMoves,
} from '@tessera/engine'
import { demoFixture, largeGridFixture } from './fixtures.js'
import { medianMs, round } from './stats.js'

const maxDevPct = (state: PlanState) =>
  round(maxDeviationPct(state.planScore()), 2)
const timeMedian = (fn: () => void, runs: number, warmup: number) =>
  round(medianMs(fn, runs, warmup), 1)

// Demo
const { model: demo, plan: demoPlan } = demoFixture()
const workload = {
  metrics: [{ metric: 'workload' as const, weight: 1 }],
  tolerance: 0.1,
  target: 'mean' as const,
}
const demoState = new PlanState(demo, demoPlan())
const suggest = {
  units: demo.unitIds.length,
  ms: timeMedian(() => suggestMoves(demoState, { limit: 10 }), 9, 3),
}

// Large grid
const large = largeGridFixture()
const largeState = new PlanState(large.model, large.plan)
const suggestLarge = {
  units: large.model.unitIds.length,
  ms: timeMedian(() => suggestMoves(largeState, { limit: 10 }), 5, 2),
}

// Assignment
function assignCase(n: number) {
  const rng = createRng(n)
  const cost = Float64Array.from({ length: n * n }, () => rng.next() * 1000)
  return { n, ms: timeMedian(() => solveAssignment(cost, n, n), 7, 3) }
}
const assign = assignCase(500)
const assign1000 = assignCase(1000)

// Auto-design of the demo on workload (±5 %)
let designResult: ReturnType<typeof designPlan> | undefined
const designMs = timeMedian(
  () => {
    designResult = designPlan(demo, {
      parts: 40,
      settings: { ...workload, tolerance: 0.05 },
      seed: 1,
    })
  },
  3,
  1,
)
const design = {
  units: demo.unitIds.length,
  territories: 40,
  ms: designMs,
  maxDevPct: round(designResult!.maxDevPct, 1),
  contiguous: designResult!.contiguous,
  cutEdges: designResult!.cutEdges,
  infeasible: designResult!.infeasible?.message ?? null,
}

// Rebalance of the published demo alignment on workload, ≤ 15 % of accounts moved
const rb = new PlanState(demo, demoPlan(workload))
const before = maxDevPct(rb)
const t0 = performance.now()
const rbResult = rebalance(rb, {
  maxDisruptedAccounts: Math.floor(0.15 * demo.accountIds.length),
})
const rebalanceCase = {
  maxDevPctBefore: before,
  maxDevPctAfter: maxDevPct(rb),
  movedAccountsPct: round((100 * rb.disrupted) / demo.accountIds.length, 2),
  ms: round(performance.now() - t0, 0),
  infeasible: rbResult.infeasible?.message ?? null,
}

console.log('optimize benchmark (median ms)')
console.log(
  `suggest        ${suggest.units} units            ${suggest.ms} ms   (target ≤ 50)`,
)
console.log(
  `suggestLarge   ${suggestLarge.units} units          ${suggestLarge.ms} ms   (target ≤ 200)`,
)
console.log(
  `assign         500²                   ${assign.ms} ms   (target ≤ 15)`,
)
console.log(
  `assign1000     1000²                  ${assign1000.ms} ms   (target ≤ 80)`,
)
console.log(
  `design         40 parts, ±5 % workload ${design.ms} ms, max dev ${design.maxDevPct} %, contiguous ${design.contiguous}, cut edges ${design.cutEdges}`,
)
if (design.infeasible) console.log(`               ${design.infeasible}`)
console.log(
  `rebalance      max dev ${rebalanceCase.maxDevPctBefore} % → ${rebalanceCase.maxDevPctAfter} %, moved ${rebalanceCase.movedAccountsPct} % of accounts, ${rebalanceCase.ms} ms`,
)
if (rebalanceCase.infeasible)
  console.log(`               ${rebalanceCase.infeasible}`)
console.log(
  JSON.stringify({
    bench: 'optimize',
    suggest,
    suggestLarge,
    assign,
    assign1000,
    design,
    rebalance: rebalanceCase,
  }),
)
