import counties from 'us-atlas/counties-10m.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRng, defaultBalanceSettings } from '@tessera/domain'
import { type Topology, buildUnitLayer } from '@tessera/geo'
import { buildModel } from './model.js'
import { PlanState } from './plan-state.js'
import { scoreFromScratch } from './scratch.js'

/** The real US county graph (islands joined by proximity links), with seeded accounts. */
const topology = counties as unknown as Topology
const { units, adjacency } = buildUnitLayer(topology, 'counties', {
  region: (id) => id.slice(0, 2),
})
const rng = createRng(11)
const accounts = Array.from({ length: 6_000 }, (_, i) => {
  const u = units[Math.floor(rng.next() * units.length)]!
  return {
    id: `a${i}`,
    unitId: u.id,
    location: [
      u.centroid[0] + (rng.next() - 0.5) * 0.2,
      u.centroid[1] + (rng.next() - 0.5) * 0.2,
    ] as [number, number],
    potential: 1000 + rng.next() * 100_000,
    sales: rng.next() * 50_000,
    workloadMinutes: rng.next() * 10,
  }
})
const built = buildModel({ units, adjacency, accounts })
if (!built.ok) throw new Error(built.error.message)
const model = built.value
const settings = defaultBalanceSettings
const territories = Array.from({ length: 40 }, (_, i) => ({
  id: `t${i}`,
  repHome: units[i * 80]!.centroid,
  capacityMinutes: 1500,
  locked: false,
}))
// A contiguous-ish start: territory by longitude band and state.
const assignments = Object.fromEntries(
  units.map((u) => [
    u.id,
    `t${Math.floor(((u.centroid[0] + 180) * 7 + Number(u.region)) % 40)}`,
  ]),
)

function compare(state: PlanState) {
  const ref = scoreFromScratch(model, {
    territories: state.territoryInputs(),
    ...state.currentAlignment(),
    published: state.publishedAlignment(),
    settings,
  })
  const inc = state.territoryScores()
  inc.forEach((t, i) => {
    const r = ref.territories[i]!
    expect([t.units, t.accounts, t.pieces, t.disruptedAccounts]).toEqual([
      r.units,
      r.accounts,
      r.pieces,
      r.disruptedAccounts,
    ])
    for (const k of [
      'potential',
      'perimeterKm',
      'areaKm2',
      'travelLoad',
    ] as const) {
      expect(Math.abs(t[k] - r[k])).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(r[k])),
      )
    }
  })
  const p = state.planScore()
  expect([p.cutEdges, p.noncontiguousTerritories, p.disruptedAccounts]).toEqual(
    [
      ref.plan.cutEdges,
      ref.plan.noncontiguousTerritories,
      ref.plan.disruptedAccounts,
    ],
  )
  expect(Math.abs(p.balanceScore - ref.plan.balanceScore)).toBeLessThan(1e-9)
}

describe('PlanState on the real US county graph', () => {
  it('stays equal to a from-scratch score through random border moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(units.length - 1), fc.nat(39)), {
          minLength: 50,
          maxLength: 400,
        }),
        (moves) => {
          const state = new PlanState(model, {
            territories,
            assignments,
            overrides: {},
            settings,
          })
          for (const [u, t] of moves) {
            // Prefer border moves, as a painter makes them: take a neighbour's territory.
            const k = model.adjStart[u]!
            const nb =
              model.adjStart[u + 1]! > k
                ? model.adjNbr[k + (t % (model.adjStart[u + 1]! - k))]!
                : u
            state.moveUnit(u, state.unitTer[nb]! >= 0 ? state.unitTer[nb]! : t)
          }
          compare(state)
        },
      ),
      { numRuns: 25, seed: 7 },
    )
  })

  it('does not drift over 20,000 moves', () => {
    const state = new PlanState(model, {
      territories,
      assignments,
      overrides: {},
      settings,
    })
    const r = createRng(5)
    for (let i = 0; i < 20_000; i++)
      state.moveUnit(
        Math.floor(r.next() * units.length),
        Math.floor(r.next() * 40),
      )
    compare(state)
    const before = state.planScore()
    state.resync()
    compare(state)
    expect(state.planScore().cutEdges).toBe(before.cutEdges)
  })
})
