import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRng } from '@tessera/domain'
import {
  type RepCandidate,
  type TerritoryNeed,
  assignReps,
  repCost,
} from './assign-reps.js'

const industries = ['Retail', 'Healthcare', 'Technology']

function instance(seed: number, nT: number, nR: number, pins: boolean) {
  const rng = createRng(seed)
  const needs: TerritoryNeed[] = Array.from({ length: nT }, (_, i) => ({
    id: `t${i}`,
    centre: [-120 + rng.next() * 40, 30 + rng.next() * 15],
    workloadMinutes: 1000 + rng.next() * 2000,
    potential: 100,
    industryPotential: {
      Retail: rng.next() * 50,
      Healthcare: rng.next() * 30,
      Technology: rng.next() * 20,
    },
  }))
  const reps: RepCandidate[] = Array.from({ length: nR }, (_, j) => ({
    id: `r${j}`,
    home: [-120 + rng.next() * 40, 30 + rng.next() * 15],
    capacityMinutes: 1500 + rng.next() * 1500,
    industries: industries.filter(() => rng.next() < 0.6),
  }))
  if (pins && nT > 0 && nR > 0) needs[0]!.pinnedRepId = reps[nR - 1]!.id
  return { needs, reps }
}

/** Every injection of territories into reps (or reps into territories), pins kept: the exact optimum. */
function bruteForce(needs: TerritoryNeed[], reps: RepCandidate[]): number {
  let best = Infinity
  const used = new Set<string>()
  const pinned = new Set(
    needs.flatMap((t) => (t.pinnedRepId ? [t.pinnedRepId] : [])),
  )
  const slots = Math.min(needs.length, reps.length)
  const go = (i: number, acc: number, assigned: number) => {
    if (i === needs.length) {
      if (assigned === slots) best = Math.min(best, acc)
      return
    }
    const t = needs[i]!
    if (t.pinnedRepId)
      return go(
        i + 1,
        acc +
          repCost(
            t,
            reps.find((r) => r.id === t.pinnedRepId)!,
          ).cost,
        assigned + 1,
      )
    go(i + 1, acc, assigned) // territory left without a rep (only when reps are fewer)
    for (const r of reps) {
      if (used.has(r.id) || pinned.has(r.id)) continue
      used.add(r.id)
      go(i + 1, acc + repCost(t, r).cost, assigned + 1)
      used.delete(r.id)
    }
  }
  go(0, 0, 0)
  return best
}

describe('assignReps', () => {
  it('is optimal (exhaustive check) with pins and with more or fewer reps than territories', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(1000),
        fc.boolean(),
        (nT, nR, seed, pins) => {
          const { needs, reps } = instance(seed, nT, nR, pins)
          const r = assignReps(needs, reps)
          expect(r.ok).toBe(true)
          if (!r.ok) return
          expect(r.value.totalCost).toBeCloseTo(bruteForce(needs, reps), 9)
          expect(new Set(r.value.pairs.map((p) => p.repId)).size).toBe(
            r.value.pairs.length,
          )
          if (pins)
            expect(
              r.value.pairs.find((p) => p.territoryId === 't0')?.repId,
            ).toBe(reps[nR - 1]!.id)
          expect(
            r.value.pairs.length + r.value.unassignedTerritories.length,
          ).toBe(nT)
        },
      ),
      { numRuns: 300, seed: 3 },
    )
  })

  it('names a bad pin', () => {
    const { needs, reps } = instance(1, 2, 2, false)
    expect(
      assignReps([{ ...needs[0]!, pinnedRepId: 'ghost' }], reps),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(
      assignReps(
        [
          { ...needs[0]!, pinnedRepId: 'r0' },
          { ...needs[1]!, pinnedRepId: 'r0' },
        ],
        reps,
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('prefers the nearby, skilled rep with room', () => {
    const t: TerritoryNeed = {
      id: 't',
      centre: [-100, 40],
      workloadMinutes: 2000,
      potential: 10,
      industryPotential: { Retail: 10 },
    }
    const near: RepCandidate = {
      id: 'near',
      home: [-100.1, 40],
      capacityMinutes: 2400,
      industries: ['Retail'],
    }
    const far: RepCandidate = {
      id: 'far',
      home: [-80, 35],
      capacityMinutes: 2400,
      industries: ['Retail'],
    }
    const unskilled: RepCandidate = {
      id: 'unskilled',
      home: [-100.1, 40],
      capacityMinutes: 2400,
      industries: [],
    }
    const r = assignReps([t], [far, unskilled, near])
    expect(r.ok && r.value.pairs[0]!.repId).toBe('near')
  })
})
