/**
 * `npm run bench:optimize`: suggestions (demo and a 100,000-unit grid), the assignment solver
 * (500² and 1000²), auto-design of the demo into 40 territories on workload, and a rebalance
 * of the unbalanced demo alignment capped at 15 % of accounts moved. Prints a table, then
 * one JSON line (the last line).
 */
import { createRng, defaultBalanceSettings } from '@tessera/domain'
import {
  type EngineModel,
  type PlanInput,
  PlanState,
  buildModel,
  designPlan,
  hexGrid,
  rebalance,
  solveAssignment,
  suggestMoves,
} from '@tessera/engine'
import {
  DEMO_AS_OF_MONTH,
  DEMO_SEED,
  generateDemoData,
  loadDemoInputs,
} from '@tessera/demo-data'
import { median, round } from './stats.js'

function unwrap<T>(
  r: { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function timeMedian(fn: () => void, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return round(median(times), 1)
}

const maxDevPct = (state: PlanState) =>
  round(
    100 *
      Math.max(
        0,
        ...state
          .territoryScores()
          .flatMap((t) => Object.values(t.deviations).map(Math.abs)),
      ),
    1,
  )

// Demo
const data = generateDemoData({
  ...loadDemoInputs(),
  seed: DEMO_SEED,
  accounts: 25_000,
  asOfMonth: DEMO_AS_OF_MONTH,
})
const last12 = data.sales.months.length - 12
const sales = new Float64Array(data.accounts.length)
for (let i = 0; i < data.sales.amount.length; i++) {
  if (data.sales.monthIndex[i]! >= last12)
    sales[data.sales.accountIndex[i]!]! += data.sales.amount[i]!
}
const demo = unwrap(
  buildModel({
    units: data.units,
    adjacency: data.adjacency,
    accounts: data.accounts.map((a, i) => ({ ...a, sales: sales[i]! })),
  }),
)
const reps = new Map(data.reps.map((r) => [r.id, r]))
const workload = {
  metrics: [{ metric: 'workload' as const, weight: 1 }],
  tolerance: 0.1,
  target: 'mean' as const,
}
const demoPlan = (settings = defaultBalanceSettings): PlanInput => ({
  territories: data.territories
    .filter((t) => t.kind === 'territory')
    .map((t) => ({
      id: t.id,
      repHome: reps.get(t.repId!)?.home ?? null,
      capacityMinutes: reps.get(t.repId!)?.weeklyCapacityMinutes ?? null,
      locked: false,
    })),
  assignments: data.assignments,
  overrides: {},
  settings,
})
const demoState = new PlanState(demo, demoPlan())
const suggest = {
  units: demo.unitIds.length,
  ms: timeMedian(() => suggestMoves(demoState, { limit: 10 }), 9, 3),
}

// Large grid
function largeGrid(): { model: EngineModel; plan: PlanInput } {
  const layer = hexGrid({ cols: 320, rows: 313, accounts: 1_000_000, seed: 9 })
  const model = unwrap(buildModel(layer))
  const assignments: Record<string, string> = {}
  const homes = new Map<string, [number, number]>()
  for (const u of layer.units) {
    const [r, c] = u.id.slice(1).split('_').map(Number) as [number, number]
    const id = `t${Math.min(19, Math.floor((r * 20) / 313)) * 25 + Math.min(24, Math.floor((c * 25) / 320))}`
    assignments[u.id] = id
    if (!homes.has(id)) homes.set(id, u.centroid)
  }
  return {
    model,
    plan: {
      territories: [...homes.entries()].map(([id, home]) => ({
        id,
        repHome: home,
        capacityMinutes: 2400,
        locked: false,
      })),
      assignments,
      overrides: {},
      settings: defaultBalanceSettings,
    },
  }
}
const large = largeGrid()
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
  movedAccountsPct: round((100 * rb.disrupted) / demo.accountIds.length, 1),
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
