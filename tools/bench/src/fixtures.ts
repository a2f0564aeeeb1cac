import { type BalanceSettings, defaultBalanceSettings } from '@tessera/domain'
import {
  type EngineModel,
  type PlanInput,
  buildModel,
  hexGrid,
  territoryInputsFrom,
} from '@tessera/engine'
import {
  DEMO_AS_OF_MONTH,
  DEMO_SEED,
  generateDemoData,
  loadDemoInputs,
} from '@tessera/demo-data'

export function unwrap<T>(
  r: { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/**
 * The demo as the benchmarks score it: real counties, 25,000 accounts with their
 * last-12-month sales, and the published alignment with the reps' homes and capacities.
 */
export function demoFixture(): {
  model: EngineModel
  plan: (settings?: BalanceSettings) => PlanInput
} {
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
  const model = unwrap(
    buildModel({
      units: data.units,
      adjacency: data.adjacency,
      accounts: data.accounts.map((a, i) => ({ ...a, sales: sales[i]! })),
    }),
  )
  const territories = territoryInputsFrom(data.territories, data.reps)
  return {
    model,
    plan: (settings = defaultBalanceSettings) => ({
      territories,
      assignments: data.assignments,
      overrides: {},
      settings,
    }),
  }
}

/**
 * A synthetic hexagon grid of ≈100,000 units and 1,000,000 accounts in 500 territories
 * (25 × 20 blocks, rep at each block's first cell). The input objects are not kept, so a
 * heap reading after building measures the engine, not the generator.
 */
export function largeGridFixture(): { model: EngineModel; plan: PlanInput } {
  const cols = 320
  const rows = 313
  const layer = hexGrid({ cols, rows, accounts: 1_000_000, seed: 9 })
  const model = unwrap(buildModel(layer))
  const assignments: Record<string, string> = {}
  const homes = new Map<string, [number, number]>()
  for (const u of layer.units) {
    const [r, c] = u.id.slice(1).split('_').map(Number) as [number, number]
    const id = `t${Math.min(19, Math.floor((r * 20) / rows)) * 25 + Math.min(24, Math.floor((c * 25) / cols))}`
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
