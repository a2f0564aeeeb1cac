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

  it('puts one seed unit in every part when seeds are given', () => {
    const seeds = [0, 100, 200, 300, 400, 500].map(
      (i) => layer.units[i * 1]!.id,
    )
    const r = designPlan(model, {
      parts: 6,
      settings,
      seed: 3,
      seedUnits: seeds,
    })
    const parts = seeds.map((id) => r.assignments[id])
    expect(new Set(parts).size).toBe(6)
    expect(r.contiguous).toBe(true)
  })

  it('splits a unit heavier than a whole part by account, and only with splitUnits', () => {
    // Half of all accounts piled into one unit in the middle: no whole-unit plan balances.
    const metro = layer.units[12 * 24 + 15]!.id
    const heavy = buildModel({
      units: layer.units,
      adjacency: layer.adjacency,
      accounts: layer.accounts.map((a, i) =>
        i % 2 === 0 ? { ...a, unitId: metro } : a,
      ),
    })
    if (!heavy.ok) throw new Error(heavy.error.message)
    const whole = designPlan(heavy.value, {
      parts: 10,
      settings,
      seed: 4,
      splitUnits: false,
    })
    expect(whole.splitAccounts).toBe(0)
    expect(Object.keys(whole.overrides)).toHaveLength(0)
    expect(whole.infeasible).toMatchObject({ code: 'UNIT_EXCEEDS_TARGET' })
    expect(whole.infeasible?.message).toMatch(
      new RegExp(
        `^infeasible because unit ${metro} alone is \\d+ % of the workload target`,
      ),
    )
    const split = designPlan(heavy.value, { parts: 10, settings, seed: 4 })
    expect(split.splitAccounts).toBeGreaterThan(0)
    // Overrides stay in units that need splitting or next to them.
    const overridden = Object.keys(split.overrides)
    expect(overridden.length).toBeGreaterThan(0)
    expect(split.maxDevPct).toBeLessThan(whole.maxDevPct)
    expect(split.contiguous).toBe(true)
  })

  it('reports a band no plan reached with the best plan found', () => {
    const r = designPlan(model, {
      parts: 12,
      settings: { ...settings, tolerance: 0.0001 },
      seed: 5,
      splitUnits: false,
    })
    expect(r.infeasible?.code).toBe('BAND_NOT_REACHED')
    expect(r.contiguous).toBe(true)
    expect(Object.keys(r.assignments)).toHaveLength(model.unitIds.length)
  })
})
