import { createRng } from '@tessera/domain'
import type { Rng } from '@tessera/domain'

/**
 * Independent random streams from one seed, one per concern, so that e.g. changing the
 * account count does not reshuffle the territories or the reps.
 */
export const streams = {
  territories: 1,
  reps: 2,
  accounts: 3,
  sales: 4,
} as const

export function streamRng(
  seed: number,
  stream: (typeof streams)[keyof typeof streams],
): Rng {
  // murmur3's 32-bit finaliser over the seed and the stream number.
  let h = (seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return createRng((h ^ (h >>> 16)) >>> 0)
}
