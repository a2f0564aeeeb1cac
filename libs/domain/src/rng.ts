/**
 * A seeded PRNG (mulberry32) and the few distributions the demo data and the engine need.
 * Pure code never calls `Math.random`: randomness is a seed passed in, so every run of
 * the demo generator and every auto-design is reproducible.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number
  /** Standard normal (Box–Muller). */
  normal(): number
  pick<T>(items: readonly T[]): T
  /** Index drawn with probability proportional to `weights[i]` via a prefix-sum table. */
  weighted(cumulative: Float64Array): number
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (cumulative) => {
      const total = cumulative[cumulative.length - 1] ?? 0
      const x = next() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((cumulative[mid] as number) > x) hi = mid
        else lo = mid + 1
      }
      return lo
    },
  }
}

/** Prefix sums of non-negative weights, for {@link Rng.weighted}. */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    sum += Math.max(0, weights[i] as number)
    out[i] = sum
  }
  return out
}
