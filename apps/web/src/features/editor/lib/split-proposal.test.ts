import { describe, expect, it } from 'vitest'
import { proposeSplit } from './split-proposal'

type LonLat = readonly [number, number]

/** A row of units along a line, west to east (or south to north). */
function row(n: number, along: 'lon' | 'lat'): Map<string, LonLat> {
  const m = new Map<string, LonLat>()
  for (let i = 0; i < n; i++)
    m.set(
      `u${String(i).padStart(2, '0')}`,
      along === 'lon' ? [-100 + i * 0.5, 40] : [-100, 30 + i * 0.5],
    )
  return m
}

const ones = (ids: Iterable<string>) =>
  new Map<string, number>([...ids].map((id) => [id, 1]))

describe('proposeSplit', () => {
  it('cuts a long east–west territory across its length into equal halves', () => {
    const c = row(10, 'lon')
    const half = proposeSplit(c.keys(), c, ones(c.keys()))
    expect(half).toEqual(['u00', 'u01', 'u02', 'u03', 'u04'])
  })

  it('follows the axis of a north–south territory', () => {
    const c = row(6, 'lat')
    const half = proposeSplit(c.keys(), c, ones(c.keys()))
    expect(half.sort()).toEqual(['u00', 'u01', 'u02'])
  })

  it('balances weight, not unit count', () => {
    const c = row(10, 'lon')
    const w = ones(c.keys())
    w.set('u09', 9) // the easternmost unit alone weighs as much as the other nine
    const half = proposeSplit(c.keys(), c, w)
    expect(half).toEqual([
      'u00',
      'u01',
      'u02',
      'u03',
      'u04',
      'u05',
      'u06',
      'u07',
      'u08',
    ])
  })

  it('splits a 2-D blob along its longer side', () => {
    // 6 wide (east–west) × 2 tall: the cut must be north–south, i.e. by longitude.
    const c = new Map<string, LonLat>()
    for (let x = 0; x < 6; x++)
      for (let y = 0; y < 2; y++) c.set(`x${x}y${y}`, [-90 + x, 35 + y * 0.3])
    const half = proposeSplit(c.keys(), c, ones(c.keys()))
    expect(half.sort()).toEqual([
      'x0y0',
      'x0y1',
      'x1y0',
      'x1y1',
      'x2y0',
      'x2y1',
    ])
  })

  it('is deterministic whatever the input order', () => {
    const c = row(9, 'lon')
    const w = new Map([...c.keys()].map((id, i) => [id, (i * 7) % 5] as const))
    const a = proposeSplit([...c.keys()], c, w)
    const b = proposeSplit(
      [...c.keys()].reverse(),
      new Map([...c].reverse()),
      w,
    )
    expect(a).toEqual(b)
    expect(a.length).toBeGreaterThan(0)
    expect(a.length).toBeLessThan(9)
  })

  it('counts units when no unit has weight, and skips units without a centroid', () => {
    const c = row(4, 'lon')
    expect(proposeSplit([...c.keys(), 'nowhere'], c, new Map())).toEqual([
      'u00',
      'u01',
    ])
  })

  it('proposes nothing for fewer than two placeable units', () => {
    const c = row(1, 'lon')
    expect(proposeSplit(['u00', 'u01'], c, ones(['u00']))).toEqual([])
    expect(proposeSplit([], c, new Map())).toEqual([])
  })

  it('always leaves units on both sides, even with all weight on one unit', () => {
    const c = row(5, 'lon')
    const w = new Map([['u00', 100]])
    const half = proposeSplit(c.keys(), c, w)
    expect(half).toEqual(['u00'])
  })
})
