import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { type BalanceSettings, defaultBalanceSettings } from '@tessera/domain'
import { buildModel, type EngineModel } from './model.js'
import { type PlanInput, PlanState, type TerritoryInput } from './plan-state.js'
import { scoreFromScratch } from './scratch.js'
import type { PlanScore, TerritoryScore } from './scores.js'
import { hexGrid } from './testing/synthetic.js'

/**
 * Floating sums are updated by adding and subtracting the same terms, so the incremental
 * state may differ from a fresh sum by rounding only: relative 1e-9 of the magnitude.
 */
const EPS = 1e-9

function close(a: number | null, b: number | null, scale = 1): boolean {
  if (a === null || b === null) return a === b
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b), scale)
}

function expectSameTerritory(
  inc: TerritoryScore,
  ref: TerritoryScore,
  ctx: string,
) {
  const exact = [
    'territoryId',
    'units',
    'accounts',
    'pieces',
    'contiguous',
    'disruptedAccounts',
    'locked',
    'inBand',
  ] as const
  for (const k of exact) expect(inc[k], `${ctx} ${k}`).toEqual(ref[k])
  const approx = [
    'potential',
    'sales',
    'workloadMinutes',
    'forecast',
    'travelLoad',
    'areaKm2',
    'perimeterKm',
    'polsbyPopper',
    'disruptedPotential',
    'utilization',
    'travelKm',
    'capacityMinutes',
  ] as const
  for (const k of approx)
    expect(
      close(inc[k], ref[k], ref.potential),
      `${ctx} ${k}: ${inc[k]} vs ${ref[k]}`,
    ).toBe(true)
  for (const [metric, d] of Object.entries(ref.deviations)) {
    expect(
      close(inc.deviations[metric as keyof typeof ref.deviations]!, d),
      `${ctx} deviation ${metric}`,
    ).toBe(true)
  }
}

function expectSamePlan(inc: PlanScore, ref: PlanScore) {
  const exact = [
    'territories',
    'units',
    'accounts',
    'disruptedAccounts',
    'cutEdges',
    'noncontiguousTerritories',
  ] as const
  for (const k of exact) expect(inc[k], `plan ${k}`).toEqual(ref[k])
  expect(inc.unassigned.units).toBe(ref.unassigned.units)
  expect(inc.unassigned.accounts).toBe(ref.unassigned.accounts)
  const approx = [
    'potential',
    'sales',
    'workloadMinutes',
    'forecast',
    'balanceScore',
    'inBandShare',
    'totalTravelLoad',
    'meanTravelKm',
    'disruptedPotential',
    'disruptedShare',
    'disruptedPotentialShare',
  ] as const
  for (const k of approx)
    expect(
      close(inc[k], ref[k], ref.potential),
      `plan ${k}: ${inc[k]} vs ${ref[k]}`,
    ).toBe(true)
  expect(
    close(
      Math.abs(inc.worstDeviation?.deviation ?? 0),
      Math.abs(ref.worstDeviation?.deviation ?? 0),
    ),
  ).toBe(true)
  expect(inc.balanceScore).toBeGreaterThanOrEqual(0)
  expect(inc.balanceScore).toBeLessThanOrEqual(100)
}

/** Checks the incremental state against a from-scratch score of the same plan. */
function expectExact(
  model: EngineModel,
  state: PlanState,
  settings: BalanceSettings,
) {
  const ref = scoreFromScratch(model, {
    territories: state.territoryInputs(),
    ...state.currentAlignment(),
    published: state.publishedAlignment(),
    settings,
  })
  const inc = state.territoryScores()
  expect(inc.map((t) => t.territoryId)).toEqual(
    ref.territories.map((t) => t.territoryId),
  )
  inc.forEach((t, i) =>
    expectSameTerritory(t, ref.territories[i]!, t.territoryId),
  )
  expectSamePlan(state.planScore(), ref.plan)
}

const layer = hexGrid({
  cols: 14,
  rows: 12,
  accounts: 900,
  seed: 3,
  holes: 0.12,
  islands: 4,
})
const model = (() => {
  const r = buildModel(layer)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
})()

function territory(i: number): TerritoryInput {
  return {
    id: `t${i}`,
    repHome: i % 5 === 4 ? null : [-100 + (i % 7) * 0.3, 40 + (i % 3) * 0.3],
    capacityMinutes: i % 4 === 3 ? null : 500 + 100 * i,
    locked: false,
    targets:
      i % 2 ? { potential: 1_000_000 * (1 + i), accounts: 100 } : undefined,
  }
}

/** A random edit against the current state, as fast-check commands are drawn. */
const edit = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      unit: fc.nat(),
      to: fc.integer({ min: -1, max: 12 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      account: fc.nat(),
      to: fc.integer({ min: -1, max: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      n: fc.integer({ min: 20, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      a: fc.nat(12),
      b: fc.nat(12),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      a: fc.nat(40),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rep' as const),
      a: fc.nat(12),
      lon: fc.double({ min: -101, max: -99, noNaN: true }),
    }),
  },
)

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never

function run(state: PlanState, e: Edit) {
  const ids = state.territoryIds()
  const pickTer = (i: number) =>
    i < 0 || ids.length === 0 ? null : ids[i % ids.length]!
  switch (e.kind) {
    case 'move': {
      const r = state.applyMoves([
        {
          unitId: model.unitIds[e.unit % model.unitIds.length]!,
          to: pickTer(e.to),
        },
      ])
      expect(r.ok).toBe(true)
      break
    }
    case 'override': {
      const r = state.setOverride(
        model.accountIds[e.account % model.accountIds.length]!,
        pickTer(e.to),
      )
      expect(r.ok).toBe(true)
      break
    }
    case 'create':
      state.createTerritory(territory(e.n))
      break
    case 'merge': {
      const a = pickTer(e.a)
      const b = pickTer(e.b)
      if (a && b && a !== b) expect(state.mergeTerritories(a, b).ok).toBe(true)
      break
    }
    case 'delete': {
      const id = `t${e.a}`
      const r = state.deleteTerritory(id)
      const s = state.territoryScore(id)
      if (!r.ok && s) expect(r.error.code).toBe('CONFLICT')
      break
    }
    case 'rep': {
      const id = pickTer(e.a)
      if (id)
        state.updateTerritory({
          ...territory(Number(id.slice(1))),
          id,
          repHome: [e.lon, 40.2],
        })
      break
    }
  }
}

function randomPlan(seed: number, settings: BalanceSettings): PlanInput {
  const assignments: Record<string, string> = {}
  model.unitIds.forEach((u, i) => {
    const h = (i * 2654435761 + seed * 97) >>> 0
    if (h % 17 !== 0) assignments[u] = `t${h % 8}`
  })
  return {
    territories: Array.from({ length: 8 }, (_, i) => territory(i)),
    assignments,
    overrides: { a1: 't2', a7: 't5' },
    settings,
  }
}

describe('PlanState equals a from-scratch score after any edits', () => {
  it.each([
    ['mean targets', defaultBalanceSettings],
    [
      'explicit targets',
      {
        ...defaultBalanceSettings,
        target: 'explicit' as const,
        tolerance: 0.05,
      },
    ],
    [
      'sales only',
      {
        metrics: [{ metric: 'sales' as const, weight: 1 }],
        tolerance: 0.2,
        target: 'mean' as const,
      },
    ],
    [
      'forecast and workload',
      {
        metrics: [
          { metric: 'forecast' as const, weight: 2 },
          { metric: 'workload' as const, weight: 1 },
        ],
        tolerance: 0.1,
        target: 'mean' as const,
      },
    ],
  ])('on a hexagon grid with holes and islands (%s)', (_name, settings) => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.array(edit, { minLength: 1, maxLength: 60 }),
        (seed, edits) => {
          const state = new PlanState(model, randomPlan(seed, settings))
          expectExact(model, state, settings)
          edits.forEach((e, i) => {
            run(state, e)
            if (i % 10 === 9) expectExact(model, state, settings)
          })
          expectExact(model, state, settings)
        },
      ),
      { numRuns: 150, seed: 42 },
    )
  })
})

describe('PlanState edits', () => {
  const settings = defaultBalanceSettings
  it('refuses unknown units and territories without changing anything', () => {
    const state = new PlanState(model, randomPlan(1, settings))
    const before = state.planScore()
    const r1 = state.applyMoves([
      { unitId: model.unitIds[0]!, to: 't1' },
      { unitId: 'nope', to: 't1' },
    ])
    expect(r1).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'unknown unit nope' },
    })
    const r2 = state.applyMoves([{ unitId: model.unitIds[0]!, to: 'ghost' }])
    expect(r2).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(state.planScore()).toEqual(before)
  })

  it('reports the deltas of exactly the two territories a move touches', () => {
    const state = new PlanState(model, randomPlan(2, settings))
    const u = model.unitIds.find(
      (id) => state.currentAlignment().assignments[id] === 't3',
    )!
    const before3 = state.territoryScore('t3')!
    const r = state.applyMoves([{ unitId: u, to: 't4' }])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.map((d) => d.territoryId).sort()).toEqual(['t3', 't4'])
    const d3 = r.value.find((d) => d.territoryId === 't3')!
    expect(d3.units).toBe(-1)
    expect(state.territoryScore('t3')!.accounts).toBe(
      before3.accounts + d3.accounts,
    )
  })

  it('treats an empty territory and an island without NaN', () => {
    const state = new PlanState(model, randomPlan(3, settings))
    expect(
      state.createTerritory({
        id: 'empty',
        repHome: null,
        capacityMinutes: 0,
        locked: false,
      }).ok,
    ).toBe(true)
    const s = state.territoryScore('empty')!
    expect(s).toMatchObject({
      units: 0,
      accounts: 0,
      pieces: 0,
      polsbyPopper: 0,
      travelKm: null,
      utilization: null,
    })
    const island = model.unitIds.find(
      (_, u) => model.adjStart[u + 1] === model.adjStart[u],
    )!
    expect(state.applyMoves([{ unitId: island, to: 'empty' }]).ok).toBe(true)
    expect(state.territoryScore('empty')!.pieces).toBe(1)
    const plan = state.planScore()
    for (const v of [plan.balanceScore, plan.inBandShare, plan.disruptedShare])
      expect(Number.isFinite(v)).toBe(true)
    expect(state.deleteTerritory('empty')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('scores bad metric values as zero and says so', () => {
    const r = buildModel({
      units: layer.units.slice(0, 2),
      adjacency: [],
      accounts: [
        {
          id: 'x',
          unitId: layer.units[0]!.id,
          location: [0, 0],
          potential: Number.NaN,
          sales: -5,
          workloadMinutes: Infinity,
        },
      ],
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.warnings.map((w) => w.detail)).toEqual([
      'potential NaN scored as 0',
      'sales -5 scored as 0',
      'workloadMinutes Infinity scored as 0',
    ])
    const state = new PlanState(r.value, {
      territories: [territory(0)],
      assignments: { [layer.units[0]!.id]: 't0' },
      overrides: {},
      settings,
    })
    expect(state.planScore().potential).toBe(0)
    expect(Number.isNaN(state.balanceScore())).toBe(false)
  })
})
