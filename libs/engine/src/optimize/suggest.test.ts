import { describe, expect, it } from 'vitest'
import { defaultBalanceSettings } from '@tessera/domain'
import { buildModel } from '../model.js'
import { type PlanInput, PlanState } from '../plan-state.js'
import { scoreFromScratch } from '../scratch.js'
import { hexGrid } from '../testing/synthetic.js'
import { suggestMoves } from './suggest.js'

const layer = hexGrid({ cols: 24, rows: 20, accounts: 3_000, seed: 21 })
const built = buildModel(layer)
if (!built.ok) throw new Error(built.error.message)
const model = built.value

/** Four vertical strips, the first twice as wide: deliberately unbalanced. */
function stripes(): PlanInput {
  const assignments: Record<string, string> = {}
  for (const u of layer.units) {
    const c = Number(u.id.split('_')[1])
    assignments[u.id] = c < 8 ? 't0' : c < 13 ? 't1' : c < 18 ? 't2' : 't3'
  }
  return {
    territories: [0, 1, 2, 3].map((i) => ({
      id: `t${i}`,
      repHome: layer.units[i * 5]!.centroid,
      capacityMinutes: 3000,
      locked: false,
    })),
    assignments,
    overrides: {},
    settings: defaultBalanceSettings,
  }
}

describe('suggestMoves', () => {
  it('proposes moves that really raise the balance score and keep every territory in one piece', () => {
    const plan = stripes()
    const state = new PlanState(model, plan)
    const suggestions = suggestMoves(state, { limit: 5 })
    expect(suggestions.length).toBe(5)
    for (let i = 1; i < suggestions.length; i++)
      expect(suggestions[i - 1]!.balanceGain).toBeGreaterThanOrEqual(
        suggestions[i]!.balanceGain,
      )
    for (const s of suggestions) {
      expect(s.from).toBe('t0') // the over-sized territory gives
      const after = scoreFromScratch(model, {
        ...plan,
        assignments: { ...plan.assignments, [s.unitId]: s.to },
      })
      expect(after.plan.balanceScore).toBeCloseTo(s.balanceAfter, 9)
      expect(after.plan.balanceScore).toBeGreaterThan(state.balanceScore())
      expect(after.plan.noncontiguousTerritories).toBe(0)
      expect(s.fromTravelDelta).toBeLessThanOrEqual(0)
      expect(s.toTravelDelta).toBeGreaterThanOrEqual(0)
    }
  })

  it('leaves locked territories and units alone and respects the disruption budget', () => {
    const plan = stripes()
    const state = new PlanState(model, {
      ...plan,
      territories: plan.territories.map((t) => ({
        ...t,
        locked: t.id === 't1',
      })),
    })
    const locked = new Set(
      layer.units
        .filter((u) => Number(u.id.split('_')[1]) === 7)
        .map((u) => u.id),
    )
    for (const s of suggestMoves(state, { limit: 20, lockedUnits: locked })) {
      expect(s.from).not.toBe('t1')
      expect(s.to).not.toBe('t1')
      expect(locked.has(s.unitId)).toBe(false)
    }
    expect(suggestMoves(state, { limit: 20, maxDisruptedAccounts: 0 })).toEqual(
      [],
    )
  })

  it('has nothing to suggest for a perfectly balanced or single-territory plan', () => {
    const one = new PlanState(model, {
      ...stripes(),
      territories: [stripes().territories[0]!],
      assignments: Object.fromEntries(layer.units.map((u) => [u.id, 't0'])),
    })
    expect(suggestMoves(one)).toEqual([])
  })
})
