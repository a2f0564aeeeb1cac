import { describe, expect, it } from 'vitest'
import type { BalanceSettings } from '@tessera/domain'
import { buildModel } from '../model.js'
import { hexGrid } from '../testing/synthetic.js'
import { designPlan } from './design.js'

const settings: BalanceSettings = {
  metrics: [{ metric: 'workload', weight: 1 }],
  tolerance: 0.05,
  target: 'mean',
}
const layer = hexGrid({ cols: 30, rows: 24, accounts: 8_000, seed: 8 })
const built = buildModel(layer)
if (!built.ok) throw new Error(built.error.message)
const model = built.value

describe('designPlan', () => {
  it('draws balanced, contiguous parts, the same for the same seed', () => {
    const a = designPlan(model, { parts: 12, settings, seed: 5 })
    const b = designPlan(model, { parts: 12, settings, seed: 5 })
    expect(a.assignments).toEqual(b.assignments)
    expect(new Set(Object.values(a.assignments)).size).toBe(12)
    expect(Object.keys(a.assignments)).toHaveLength(model.unitIds.length)
    expect(a.contiguous).toBe(true)
    expect(a.maxDevPct).toBeLessThanOrEqual(5)
    expect(a.infeasible).toBeNull()
    expect(a.cutEdges).toBeGreaterThan(0)
    expect(a.polsbyPopperMean).toBeGreaterThan(0.1)
  })

  it('says why when there are more parts than units, and still returns a plan', () => {
    const small = buildModel({
      units: layer.units.slice(0, 3),
      adjacency: [],
      accounts: [],
    })
    if (!small.ok) throw new Error(small.error.message)
    const r = designPlan(small.value, { parts: 5, settings, seed: 1 })
    expect(r.infeasible?.code).toBe('MORE_TERRITORIES_THAN_UNITS')
    expect(Object.keys(r.assignments)).toHaveLength(3)
  })

  it('says why when the graph has more separate parts than territories', () => {
    const islands = buildModel({
      units: layer.units.slice(0, 4),
      adjacency: [],
      accounts: layer.accounts.slice(0, 10),
    })
    if (!islands.ok) throw new Error(islands.error.message)
    const r = designPlan(islands.value, { parts: 2, settings, seed: 1 })
    expect(r.infeasible).toMatchObject({ code: 'DISCONNECTED' })
    expect(r.infeasible?.message).toMatch(
      /^infeasible because the graph has 4 separate parts but only 2 territories/,
    )
  })

  it('can be cancelled and keeps the best plan so far', () => {
    const r = designPlan(model, {
      parts: 8,
      settings,
      seed: 2,
      onProgress: () => false,
    })
    expect(r.cancelled).toBe(true)
    expect(Object.keys(r.assignments)).toHaveLength(model.unitIds.length)
  })
})
