/**
 * Times the generator and reports memory: `npx tsx tools/demo-data/src/benchmark.ts [accounts] [seed]`.
 * Run with `node --expose-gc --import tsx` for a post-GC heap figure.
 */
import { generateDemoData } from './generate.js'
import { loadDemoInputs } from './load-inputs.js'

const count = Number(process.argv[2] ?? 25_000)
const seed = Number(process.argv[3] ?? 1)
const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`

let t = performance.now()
const inputs = loadDemoInputs()
console.log(
  `load inputs: ${(performance.now() - t).toFixed(0)} ms (${inputs.cities.length} cities)`,
)
t = performance.now()
const data = generateDemoData({
  ...inputs,
  seed,
  accounts: count,
  asOfMonth: '2025-06',
})
const ms = performance.now() - t
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const mem = process.memoryUsage()
console.log(
  `generate ${count} accounts: ${ms.toFixed(0)} ms; heap ${mb(mem.heapUsed)}, rss ${mb(mem.rss)}, arrayBuffers ${mb(mem.arrayBuffers)}`,
)
console.log(
  `units ${data.units.length}, edges ${data.adjacency.length}, reps ${data.reps.length}, territories ${data.territories.length}, sales rows ${data.sales.amount.length}`,
)
