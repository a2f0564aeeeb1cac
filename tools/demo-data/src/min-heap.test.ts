import { describe, expect, it } from 'vitest'
import { MinHeap } from './min-heap.js'

describe('MinHeap', () => {
  it('pops by priority, equal priorities in insertion order', () => {
    const h = new MinHeap()
    const input: [number, number][] = [
      [5, 1],
      [1, 2],
      [3, 3],
      [1, 4],
      [9, 5],
      [0, 6],
      [3, 7],
    ]
    for (const [p, v] of input) h.push(p, v)
    expect(h.peekPriority()).toBe(0)
    const out: number[] = []
    while (h.size > 0) out.push(h.pop() as number)
    expect(out).toEqual([6, 2, 4, 3, 7, 1, 5])
    expect(h.pop()).toBeUndefined()
    expect(h.peekPriority()).toBe(Infinity)
  })
})
