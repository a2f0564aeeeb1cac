/**
 * `npm run bench:engine`: scoring speed on the demo (real US counties, 25,000 accounts,
 * 40 territories) and on a synthetic hexagon grid (≈100,000 units, 1,000,000 accounts,
 * 500 territories). Prints a table, then one JSON line (the last line) for tracking.
 */
import { createRng } from '@tessera/domain'
import {
  type EngineModel,
  type PlanInput,
  PlanState,
  scoreFromScratch,
} from '@tessera/engine'
import { demoFixture, largeGridFixture } from './fixtures.js'
import { heapMB, medianMs, percentile, round } from './stats.js'

interface Case {
  units: number
  accounts: number
  territories: number
  fullMs: number
  scratchMs: number
  moveP50Us: number
  moveP99Us: number
  heapMB: number
}

/** Single-unit moves of random border units to a neighbouring territory, each followed by reading the score. */
function timeMoves(
  model: EngineModel,
  state: PlanState,
  count: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed)
  const n = model.unitIds.length
  const times = new Float64Array(count)
  let sink = 0
  let done = 0
  let guard = 0
  while (done < count && guard++ < count * 50) {
    const u = Math.floor(rng.next() * n)
    const from = state.unitTer[u]!
    const start = model.adjStart[u]!
    const degree = model.adjStart[u + 1]! - start
    if (degree === 0) continue
    const to =
      state.unitTer[model.adjNbr[start + Math.floor(rng.next() * degree)]!]!
    if (to === from || to < 0) continue // not a border unit on that side
    const t = performance.now()
    state.moveUnit(u, to)
    sink += state.balanceScore()
    times[done++] = (performance.now() - t) * 1000
  }
  if (Number.isNaN(sink)) throw new Error('NaN score')
  return times.slice(0, done).sort()
}

function measure(
  name: string,
  model: EngineModel,
  plan: PlanInput,
  moves: number,
): Case {
  const fullMs = medianMs(
    () => {
      const s = new PlanState(model, plan)
      s.planScore()
    },
    15,
    5,
  )
  const scratchMs = medianMs(() => scoreFromScratch(model, plan), 3, 1)
  const state = new PlanState(model, plan)
  timeMoves(model, state, Math.min(2_000, moves), 1) // warm-up
  const times = timeMoves(model, state, moves, 2)
  const heap = heapMB()
  const c: Case = {
    units: model.unitIds.length,
    accounts: model.accountIds.length,
    territories: plan.territories.length,
    fullMs: round(fullMs, 2),
    scratchMs: round(scratchMs, 1),
    moveP50Us: round(percentile(times, 50), 2),
    moveP99Us: round(percentile(times, 99), 2),
    heapMB: round(heap, 0),
  }
  console.log(
    `${name.padEnd(6)} ${String(c.units).padStart(7)} ${String(c.accounts).padStart(9)} ${String(c.territories).padStart(5)}` +
      ` ${c.fullMs.toFixed(2).padStart(9)} ${c.scratchMs.toFixed(1).padStart(10)} ${c.moveP50Us.toFixed(2).padStart(9)} ${c.moveP99Us.toFixed(2).padStart(9)} ${String(c.heapMB).padStart(7)}`,
  )
  return c
}

function demoCase(): Case {
  const demo = demoFixture()
  return measure('demo', demo.model, demo.plan(), 20_000)
}

function largeCase(): Case {
  const large = largeGridFixture()
  return measure('large', large.model, large.plan, 20_000)
}

console.log(
  'engine benchmark (times: full = build state + score from scratch, median of 15 after 5 warm-ups; moves = one border unit + read score)',
)
console.log(
  'case     units  accounts  terr   fullMs  scratchMs  moveP50µs moveP99µs  heapMB',
)
const demo = demoCase()
const large = largeCase()
const { scratchMs: _d, heapMB: _h, ...demoJson } = demo
const { scratchMs: _l, ...largeJson } = large
console.log(
  JSON.stringify({ bench: 'engine', demo: demoJson, large: largeJson }),
)
