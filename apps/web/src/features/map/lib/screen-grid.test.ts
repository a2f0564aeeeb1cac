import { describe, expect, it } from 'vitest'
import { ScreenGrid } from './screen-grid'

/** A small seeded generator (mulberry32): the same boxes every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const meets = (b: ArrayLike<number>, i: number, r: number[]) =>
  Math.min(b[i]!, b[i + 2]!) <= r[2]! &&
  Math.max(b[i]!, b[i + 2]!) >= r[0]! &&
  Math.min(b[i + 1]!, b[i + 3]!) <= r[3]! &&
  Math.max(b[i + 1]!, b[i + 3]!) >= r[1]!

describe('ScreenGrid', () => {
  it('finds every item that meets a rectangle, once each, in order', () => {
    const next = random(7)
    const n = 2000
    const boxes = new Float32Array(n * 4)
    for (let i = 0; i < n; i++) {
      // Segments with their ends either way round, some reaching off screen.
      const x = next() * 900 - 50
      const y = next() * 700 - 50
      boxes.set([x, y, x + (next() - 0.5) * 80, y + (next() - 0.5) * 80], i * 4)
    }
    const grid = new ScreenGrid(boxes, 800, 600, 32)
    for (let q = 0; q < 200; q++) {
      const x = next() * 800
      const y = next() * 600
      const r = [x, y, x + next() * 120, y + next() * 120]
      const found = grid.near(r[0]!, r[1]!, r[2]!, r[3]!)
      expect(new Set(found).size).toBe(found.length)
      expect(found).toEqual([...found].sort((a, b) => a - b))
      // Everything that meets the rectangle on screen is found (the grid may add near
      // misses; what lies off screen is never drawn).
      const onScreen = [
        r[0]!,
        r[1]!,
        Math.min(r[2]!, 799.9),
        Math.min(r[3]!, 599.9),
      ]
      for (let i = 0; i < n; i++)
        if (meets(boxes, i * 4, onScreen)) expect(found).toContain(i)
    }
  })

  it('leaves out items off screen or with no extent', () => {
    const boxes = [
      10,
      10,
      20,
      20,
      -50,
      -50,
      -10,
      -10,
      900,
      10,
      950,
      20,
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
      NaN,
      0,
      5,
      5,
    ]
    const grid = new ScreenGrid(boxes, 800, 600)
    expect(grid.near(-1000, -1000, 2000, 2000)).toEqual([0])
  })

  it('answers a rectangle off screen with nothing', () => {
    const grid = new ScreenGrid([10, 10, 20, 20], 100, 100)
    expect(grid.near(200, 200, 300, 300)).toEqual([])
    expect(grid.near(-30, -30, -20, -20)).toEqual([])
  })
})
