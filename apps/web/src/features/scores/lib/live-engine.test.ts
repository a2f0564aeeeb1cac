import {
  type Rep,
  type TerritoryRecord,
  defaultBalanceSettings,
} from '@tessera/domain'
import {
  PlanState,
  buildModel,
  hexGrid,
  territoryInputsFrom,
} from '@tessera/engine'
import { describe, expect, it } from 'vitest'
import { LiveEngine, type PlanSnapshot } from './live-engine'

const layer = hexGrid({ cols: 10, rows: 8, accounts: 500, seed: 11 })
const built = buildModel(layer)
if (!built.ok) throw new Error(built.error.message)
const model = built.value

const reps: Rep[] = ['a', 'b', 'c'].map((id, k) => ({
  id: `rep_${id}`,
  name: `Rep ${id}`,
  email: `${id}@example.com`,
  homeCity: 'Somewhere',
  home: [model.unitLon[k * 20]!, model.unitLat[k * 20]!],
  industries: [],
  products: [],
  experience: 3,
  weeklyCapacityMinutes: 2400,
}))
const territory = (id: string, k: number): TerritoryRecord => ({
  id,
  name: `T ${id}`,
  color: '#336699',
  kind: 'territory',
  parentId: null,
  repId: reps[k]?.id ?? null,
  locked: false,
})
const territories = ['a', 'b', 'c'].map(territory)

function snapshot(): PlanSnapshot {
  return {
    territories,
    // Left, middle and right thirds of the grid.
    assignments: Object.fromEntries(
      model.unitIds.map((id, u) => [
        id,
        ['a', 'b', 'c'][u % 10 < 3 ? 0 : u % 10 < 7 ? 1 : 2]!,
      ]),
    ),
    overrides: {},
    lockedUnits: [],
    settings: defaultBalanceSettings,
  }
}

/** The scores a fresh engine gives for the same plan. */
function fresh(plan: PlanSnapshot) {
  return new PlanState(model, {
    territories: territoryInputsFrom(plan.territories, reps),
    assignments: plan.assignments,
    overrides: plan.overrides,
    settings: plan.settings,
  })
}

describe('LiveEngine', () => {
  it('sends every row first, then only the rows an edit changed', () => {
    const plan = snapshot()
    const engine = new LiveEngine(model, reps, null, plan)
    const first = engine.scores()
    expect(first.changed.map((r) => r.territoryId).sort()).toEqual([
      'a',
      'b',
      'c',
    ])
    expect(engine.scores().changed).toEqual([])

    // A unit of `a` goes to `b`: rows a and b change, c keeps its numbers.
    const unit = model.unitIds.find((id) => plan.assignments[id] === 'a')!
    engine.update({ assignments: [[unit, 'b']] })
    const second = engine.scores()
    expect(second.changed.map((r) => r.territoryId).sort()).toEqual(['a', 'b'])
    const expected = fresh({
      ...plan,
      assignments: { ...plan.assignments, [unit]: 'b' },
    })
    expect(second.plan.balanceScore).toBeCloseTo(
      expected.planScore().balanceScore,
      9,
    )
  })

  it('agrees with a fresh engine after moves, unassignments, overrides and territory changes', () => {
    const plan = snapshot()
    const engine = new LiveEngine(model, reps, null, plan)
    const assignments = { ...plan.assignments }
    const overrides: Record<string, string> = {}
    const ids = ['a', 'b', 'c']
    for (let k = 0; k < 60; k++) {
      const unit = model.unitIds[(k * 37) % model.unitIds.length]!
      const to = k % 7 === 0 ? null : ids[k % 3]!
      if (to === null) delete assignments[unit]
      else assignments[unit] = to
      engine.update({ assignments: [[unit, to]] })
    }
    const account = model.accountIds[5]!
    overrides[account] = 'c'
    engine.update({ overrides: [[account, 'c']] })
    // A new territory arrives with units in the same update.
    const withD = [...territories, territory('d', 9)]
    const unit = model.unitIds[3]!
    assignments[unit] = 'd'
    engine.update({ territories: withD, assignments: [[unit, 'd']] })
    const got = engine.scores()
    const want = fresh({ ...plan, territories: withD, assignments, overrides })
    expect(got.plan.balanceScore).toBeCloseTo(want.planScore().balanceScore, 9)
    expect(got.plan.accounts).toBe(want.planScore().accounts)
    expect(got.changed.map((r) => r.territoryId)).toContain('d')

    // Deleting `d` (its units unassigned): its row is reported gone.
    delete assignments[unit]
    engine.update({ territories, assignments: [[unit, null]] })
    expect(engine.scores().removed).toEqual(['d'])
  })

  it('rebuilds instead of failing when an edit names a territory it does not know yet', () => {
    const plan = snapshot()
    const engine = new LiveEngine(model, reps, null, plan)
    engine.scores()
    const unit = model.unitIds[0]!
    // The assignment arrives before the territory record: the unit counts as unassigned.
    engine.update({ assignments: [[unit, 'zzz']] })
    const s = engine.scores()
    expect(s.warnings).toBeGreaterThan(0)
    expect(s.plan.unassigned.units).toBe(1)
  })

  it('never suggests moving a locked unit', () => {
    const plan = snapshot()
    const free = new LiveEngine(model, reps, null, plan).suggestions(5)
    expect(free.suggestions.length).toBeGreaterThan(0)
    const locked = free.suggestions.flatMap((s) => s.unitIds)
    const engine = new LiveEngine(model, reps, null, {
      ...plan,
      lockedUnits: locked,
    })
    for (const s of engine.suggestions(5).suggestions)
      for (const u of s.unitIds) expect(locked).not.toContain(u)
  })
})
