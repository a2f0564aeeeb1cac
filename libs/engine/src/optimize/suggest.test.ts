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
    const suggestions = suggestMoves(state, { limit: 5, maxGroupSize: 1 })
    expect(suggestions.length).toBe(5)
    for (let i = 1; i < suggestions.length; i++)
      expect(suggestions[i - 1]!.balanceGain).toBeGreaterThanOrEqual(
        suggestions[i]!.balanceGain,
      )
    for (const s of suggestions) {
      expect(s.from).toBe('t0') // the over-sized territory gives
      const moved = Object.fromEntries(s.unitIds.map((u) => [u, s.to]))
      const after = scoreFromScratch(model, {
        ...plan,
        assignments: { ...plan.assignments, ...moved },
      })
      expect(after.plan.balanceScore).toBeCloseTo(s.balanceAfter, 9)
      expect(after.plan.balanceScore).toBeGreaterThan(state.balanceScore())
      expect(after.plan.noncontiguousTerritories).toBe(0)
      expect(s.fromTravelDelta).toBeLessThanOrEqual(0)
      expect(s.toTravelDelta).toBeGreaterThanOrEqual(0)
    }
  })

  it('proposes small connected groups where one unit is too little, and the state is unchanged after', () => {
    const plan = stripes()
    const state = new PlanState(model, plan)
    const before = state.planScore()
    const all = suggestMoves(state, { limit: 20, maxGroupSize: 4 })
    const groups = all.filter((s) => s.unitIds.length > 1)
    expect(groups.length).toBeGreaterThan(0)
    const singles = suggestMoves(state, { limit: 20, maxGroupSize: 1 })
    expect(singles.every((s) => s.unitIds.length === 1)).toBe(true)
    // The best group beats the best single move, and previewing left no trace.
    expect(all[0]!.balanceGain).toBeGreaterThan(singles[0]!.balanceGain)
    const now = state.planScore()
    for (const [k, v] of Object.entries(before))
      if (typeof v === 'number')
        expect(now[k as keyof typeof now] as number).toBeCloseTo(v, 6)
      else expect(now[k as keyof typeof now]).toEqual(v)
    for (const g of groups) {
      expect(g.unitIds.length).toBeLessThanOrEqual(4)
      // Connected: every unit touches another of the group or the receiver.
      const ids = new Set(g.unitIds)
      for (const id of g.unitIds) {
        const u = model.unitIndex.get(id)!
        let touches = false
        for (let k = model.adjStart[u]!; k < model.adjStart[u + 1]!; k++) {
          const v = model.unitIds[model.adjNbr[k]!]!
          if (ids.has(v) || plan.assignments[v] === g.to) touches = true
        }
        expect(touches).toBe(true)
      }
      const after = scoreFromScratch(model, {
        ...plan,
        assignments: {
          ...plan.assignments,
          ...Object.fromEntries(g.unitIds.map((u) => [u, g.to])),
        },
        published: { assignments: plan.assignments, overrides: {} },
      })
      expect(after.plan.balanceScore).toBeCloseTo(g.balanceAfter, 9)
      expect(after.plan.noncontiguousTerritories).toBe(0)
      expect(after.plan.disruptedAccounts - before.disruptedAccounts).toBe(
        g.disruptedDelta,
      )
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
