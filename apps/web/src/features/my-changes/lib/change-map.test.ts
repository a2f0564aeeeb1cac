import { describe, expect, it } from 'vitest'
import { indexUnitShapes } from '../../../lib/svg-map'
import { pathPieces as rings, threeSquares } from '../../../lib/test-topology'
import { buildChangeMap, classifyUnits } from './change-map'

const shapes = () => indexUnitShapes(threeSquares, 'counties')!

describe('classifyUnits', () => {
  it('tells kept, gained and lost apart', () => {
    const c = classifyUnits(['a', 'b', 'c'], ['b', 'c', 'd'])
    expect([...c]).toEqual([
      ['b', 'kept'],
      ['c', 'kept'],
      ['d', 'gained'],
      ['a', 'lost'],
    ])
  })

  it('handles an empty side', () => {
    expect([...classifyUnits([], ['x']).values()]).toEqual(['gained'])
    expect([...classifyUnits(['x'], []).values()]).toEqual(['lost'])
  })
})

describe('buildChangeMap', () => {
  it('draws kept, lost and gained units and the two outlines', () => {
    // Before: A and C. After: A and B. So A is kept, B gained, C lost.
    const map = buildChangeMap(shapes(), ['A', 'C'], ['A', 'B'])!
    expect(map.counts).toEqual({ kept: 1, gained: 1, lost: 1 })
    expect(map.units.map((u) => [u.id, u.change])).toEqual([
      ['A', 'kept'],
      ['C', 'lost'],
      ['B', 'gained'],
    ])
    expect(map.missing).toEqual([])
    // Everything lies inside the box.
    for (const u of map.units)
      for (const ring of rings(u.d))
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(map.width)
          expect(y).toBeGreaterThanOrEqual(0)
          expect(y).toBeLessThanOrEqual(map.height)
        }
    // Old outline: A and C, apart, two rings. New: A and B merged, one ring without the
    // shared border between them: six corners and the closing point.
    expect(rings(map.beforeOutline)).toHaveLength(2)
    const after = rings(map.afterOutline)
    expect(after).toHaveLength(1)
    expect(after[0]).toHaveLength(7)
  })

  it('skips unit ids the layer does not know', () => {
    const map = buildChangeMap(shapes(), ['A', 'ghost'], ['A', 'B', 'P'])!
    expect(map.units.map((u) => u.id)).toEqual(['A', 'B'])
    expect(map.missing.sort()).toEqual(['P', 'ghost'])
    expect(map.counts).toEqual({ kept: 1, gained: 1, lost: 0 })
    expect(rings(map.beforeOutline)).toHaveLength(1)
  })

  it('gives null when no unit can be drawn', () => {
    expect(buildChangeMap(shapes(), ['x'], ['y'])).toBeNull()
    expect(buildChangeMap(shapes(), [], [])).toBeNull()
  })
})
