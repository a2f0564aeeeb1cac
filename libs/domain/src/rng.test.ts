import { describe, expect, it } from 'vitest'
import { createRng, cumulativeWeights } from './rng.js'

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const seqA = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA)
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true)
  })

  it('draws weighted indices in proportion to their weights', () => {
    const rng = createRng(7)
    const cum = cumulativeWeights([1, 0, 3])
    const counts = [0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[rng.weighted(cum)]!++
    expect(counts[1]).toBe(0)
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8)
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2)
  })
})
