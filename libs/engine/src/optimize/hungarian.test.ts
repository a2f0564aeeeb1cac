import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRng } from '@tessera/domain'
import { solveAssignment } from './hungarian.js'

/** Exhaustive search over all injections rows → columns: the oracle for small instances. */
function bruteForce(cost: Float64Array, n: number, m: number): number {
  let best = Infinity
  const used = new Uint8Array(m)
  const go = (i: number, acc: number) => {
    if (acc >= best) return
    if (i === n) {
      best = acc
      return
    }
    for (let j = 0; j < m; j++) {
      if (used[j]) continue
      used[j] = 1
      go(i + 1, acc + cost[i * m + j]!)
      used[j] = 0
    }
  }
  go(0, 0)
  return best
}

describe('solveAssignment', () => {
  it('finds the optimum of random small instances (checked exhaustively)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(10_000),
        fc.boolean(),
        (n, extra, seed, forbid) => {
          const m = n + extra
          const rng = createRng(seed)
          const cost = Float64Array.from({ length: n * m }, () =>
            forbid && rng.next() < 0.2
              ? Infinity
              : Math.round(rng.next() * 100) / 4,
          )
          const best = bruteForce(cost, n, m)
          const r = solveAssignment(cost, n, m)
          if (best === Infinity) {
            expect(r).toBeNull()
            return
          }
          expect(r).not.toBeNull()
          expect(r!.total).toBeCloseTo(best, 9)
          expect(new Set(r!.rowToCol).size).toBe(n)
          let sum = 0
          r!.rowToCol.forEach((j, i) => (sum += cost[i * m + j]!))
          expect(sum).toBeCloseTo(best, 9)
        },
      ),
      { numRuns: 400, seed: 1 },
    )
  })

  it('agrees on larger instances between the square (Jonker–Volgenant) and rectangular paths', () => {
    // The same problem with one extra, prohibitively expensive column goes through the other
    // code path; both must find the same optimum.
    for (const n of [7, 20, 60, 150]) {
      for (const seed of [1, 2, 3]) {
        const rng = createRng(seed * 1000 + n)
        const square = Float64Array.from({ length: n * n }, () =>
          Math.floor(rng.next() * 50),
        )
        const wide = new Float64Array(n * (n + 1))
        for (let i = 0; i < n; i++) {
          wide.set(square.subarray(i * n, i * n + n), i * (n + 1))
          wide[i * (n + 1) + n] = 1e9
        }
        const a = solveAssignment(square, n, n)!
        const b = solveAssignment(wide, n, n + 1)!
        expect(a.total).toBeCloseTo(b.total, 6)
        expect(new Set(a.rowToCol).size).toBe(n)
      }
    }
  })

  it('refuses a malformed matrix', () => {
    expect(() => solveAssignment(new Float64Array(3), 2, 2)).toThrow(RangeError)
    expect(() => solveAssignment(new Float64Array(6), 3, 2)).toThrow(RangeError)
  })
})
