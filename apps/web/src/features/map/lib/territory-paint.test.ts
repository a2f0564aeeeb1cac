import { hexToRgb, type TerritoryRecord } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import {
  UNASSIGNED_COLOR,
  buildTerritoryPaint,
  paintAfterDelta,
  territoryIdOfUnit,
  unitFill,
  withUnitMoved,
} from './territory-paint'

function record(
  id: string,
  kind: TerritoryRecord['kind'],
  color: string,
  parentId: string | null = null,
): TerritoryRecord {
  return { id, name: id, color, kind, parentId, repId: null, locked: false }
}

const territories = [
  record('reg_west', 'region', '#000000'),
  record('ter_a', 'territory', '#ff0000', 'reg_west'),
  record('ter_b', 'territory', '#00ff00', 'reg_west'),
]
const unitIds = ['06001', '06003', '06005', '32001']
const assignments = {
  '06001': 'ter_a',
  '06003': 'ter_b',
  '06005': 'ter_a',
  '32001': 'ter_gone',
}

describe('buildTerritoryPaint', () => {
  const paint = buildTerritoryPaint(unitIds, assignments, territories)

  it('indexes only territories, not regions', () => {
    expect(paint.territoryIds).toEqual(['ter_a', 'ter_b'])
    expect(paint.colors).toEqual([hexToRgb('#ff0000'), hexToRgb('#00ff00')])
  })

  it('maps every unit to its territory, or -1', () => {
    expect([...paint.territoryOfUnit]).toEqual([0, 1, 0, -1])
    expect(territoryIdOfUnit(paint, 1)).toBe('ter_b')
    expect(territoryIdOfUnit(paint, 3)).toBeUndefined()
  })

  it('fills units with their territory colour, fading others when one is selected', () => {
    expect(unitFill(paint, 0).slice(0, 3)).toEqual([255, 0, 0])
    expect(unitFill(paint, 3)).toEqual(UNASSIGNED_COLOR)
    const selectedB = paint.territoryIndex.get('ter_b') as number
    expect(unitFill(paint, 1, selectedB)[3]).toBeGreaterThan(
      unitFill(paint, 0, selectedB)[3],
    )
  })

  it('moves one unit without touching the original (a live edit)', () => {
    const moved = withUnitMoved(paint, 0, 'ter_b')
    expect(moved).not.toBe(paint)
    expect(moved.colors).toBe(paint.colors)
    expect(unitFill(moved, 0).slice(0, 3)).toEqual([0, 255, 0])
    expect(unitFill(paint, 0).slice(0, 3)).toEqual([255, 0, 0])
    expect(territoryIdOfUnit(withUnitMoved(paint, 0, null), 0)).toBeUndefined()
  })
})

describe('paintAfterDelta', () => {
  const paint = buildTerritoryPaint(unitIds, assignments, territories)
  const indexOf = new Map(unitIds.map((id, i) => [id, i]))

  it('gives what a rebuild gives, looking up only the changed units', () => {
    const next = {
      ...assignments,
      '06001': 'ter_b',
      '32001': 'ter_a',
    } as Record<string, string>
    delete next['06005']
    const keys = new Set(['06001', '32001', '06005'])
    const after = paintAfterDelta(paint, indexOf, keys, next)
    const rebuilt = buildTerritoryPaint(unitIds, next, territories)
    expect([...after.territoryOfUnit]).toEqual([...rebuilt.territoryOfUnit])
    expect(after.moved?.from).toBe(paint)
    expect([...(after.moved?.units ?? [])].sort()).toEqual([0, 2, 3])
    // The old paint is left as it was.
    expect([...paint.territoryOfUnit]).toEqual([0, 1, 0, -1])
  })

  it('skips keys that are not units of this layer', () => {
    const after = paintAfterDelta(
      paint,
      indexOf,
      new Set(['99999']),
      assignments,
    )
    expect(after.moved?.units).toEqual([])
    expect([...after.territoryOfUnit]).toEqual([...paint.territoryOfUnit])
  })
})
