import { describe, expect, it } from 'vitest'
import { indexUnitShapes } from '../../../lib/svg-map'
import { pathPieces, squaresTopology } from '../../../lib/test-topology'
import { buildReportMap, declutterLabels, ringCentroid } from './report-map'

/**
 * Four one-degree squares in a row, a b c d from west to east: a and b are T1's, c is T2's,
 * d belongs to no territory.
 */
const row = () =>
  indexUnitShapes(
    squaresTopology(
      ['a', 'b', 'c', 'd'].map((id, i) => ({
        id,
        west: -100 + i,
        south: 40,
        size: 1,
      })),
    ),
    'units',
  )!
const colors = new Map([
  ['T1', '#ff0000'],
  ['T2', '#00ff00'],
])

const points = (d: string) => pathPieces(d).flat()

describe('buildReportMap', () => {
  it('fills each territory once, and tells unit, territory and outer borders apart', () => {
    const map = buildReportMap(
      row(),
      { a: 'T1', b: 'T1', c: 'T2', ghost: 'T2' },
      colors,
    )!
    expect(map.frames).toHaveLength(1)
    const [frame] = map.frames
    expect(frame!.fills.map((f) => [f.territoryId, f.color])).toEqual([
      [null, null],
      ['T1', '#ff0000'],
      ['T2', '#00ff00'],
    ])
    // T1 is a and b merged: one ring without the border between them (four corners, the
    // two ends of the old border on the outline, and the closing point).
    expect(pathPieces(frame!.fills[1]!.d)).toHaveLength(1)
    expect(points(frame!.fills[1]!.d)).toHaveLength(7)
    // Inside T1 one unit border (a|b); between territories b|c and c|d.
    expect(pathPieces(frame!.unitBorders)).toHaveLength(1)
    expect(pathPieces(frame!.territoryBorders)).toHaveLength(2)
    expect(frame!.outline).not.toBe('')
    expect(map.territoryIds).toEqual(['T1', 'T2'])
    expect(map.unassignedUnits).toBe(1)
    expect(map.missing).toBe(1)
    // Everything inside the drawing.
    for (const f of [
      frame!.unitBorders,
      frame!.territoryBorders,
      frame!.outline,
    ])
      for (const [x, y] of points(f)) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(map.width)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(y).toBeLessThanOrEqual(map.height)
      }
  })

  it('labels each territory inside its piece, and draws a territory without a colour as no territory', () => {
    const map = buildReportMap(
      row(),
      { a: 'T1', b: 'T1', c: 'T2', d: 'T9' },
      colors,
    )!
    expect(map.unassignedUnits).toBe(1)
    expect(map.labels.map((l) => l.territoryId)).toEqual(['T1', 'T2'])
    const [t1, t2] = map.labels
    // West to east: T1's label left of T2's, both mid-height.
    expect(t1!.x).toBeLessThan(t2!.x)
    expect(t1!.y).toBeCloseTo(map.height / 2, -1)
    expect(t1!.x).toBeGreaterThan(0)
    expect(t2!.x).toBeLessThan(map.width)
  })

  it('draws far-off units in insets under the main frame, within the width', () => {
    const squares = [
      ...Array.from({ length: 16 }, (_, i) => ({
        id: `m${i}`,
        west: -100 + (i % 4),
        south: 40 + Math.floor(i / 4),
        size: 1,
      })),
      { id: 'far1', west: -150, south: 60, size: 1 },
      { id: 'far2', west: 144, south: 13, size: 1 },
    ]
    const shapes = indexUnitShapes(squaresTopology(squares), 'units')!
    const assignments = Object.fromEntries(
      squares.map((s) => [s.id, s.id.startsWith('far') ? 'T2' : 'T1']),
    )
    const map = buildReportMap(shapes, assignments, colors, {
      width: 500,
      gap: 10,
    })!
    const [main, ...insets] = map.frames
    expect(main!.inset).toBe(false)
    expect(insets.map((f) => f.inset)).toEqual([true, true])
    expect(insets[0]!.y).toBe(main!.height + 10)
    expect(insets[1]!.x).toBe(insets[0]!.width + 10)
    expect(insets[1]!.x + insets[1]!.width).toBeLessThanOrEqual(500)
    expect(map.height).toBe(main!.height + 10 + insets[0]!.height)
    // The far territory's label would not fit an inset: only T1 is named.
    expect(map.labels.map((l) => l.territoryId)).toEqual(['T1'])
    expect(insets.every((f) => f.fills[0]!.territoryId === 'T2')).toBe(true)
  })

  it('gives null for a layer without units', () => {
    const empty = indexUnitShapes(squaresTopology([]), 'units')!
    expect(buildReportMap(empty, {}, colors)).toBeNull()
  })
})

describe('ringCentroid', () => {
  it('finds the centre and area of a ring, whichever its winding', () => {
    const square: [number, number][] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]
    expect(ringCentroid(square)).toEqual({ area: 4, x: 1, y: 1 })
    expect(ringCentroid([...square].reverse())).toEqual({ area: 4, x: 1, y: 1 })
    expect(
      ringCentroid([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBeNull()
  })
})

describe('declutterLabels', () => {
  const label = (territoryId: string, x: number, y: number, area: number) => ({
    territoryId,
    x,
    y,
    area,
  })

  it('keeps the larger territory’s label where two would overlap', () => {
    const kept = declutterLabels(
      [
        label('small', 105, 100, 1_000),
        label('big', 100, 102, 50_000),
        label('apart', 100, 200, 500),
        // Side by side, clear of each other at this length of name.
        label('beside', 160, 100, 2_000),
      ],
      (l) => l.territoryId,
      12,
    )
    expect(kept.map((l) => l.territoryId)).toEqual(['big', 'beside', 'apart'])
  })

  it('measures by the length of the text', () => {
    const labels = [label('a', 100, 100, 2), label('b', 150, 100, 1)]
    expect(declutterLabels(labels, () => 'x', 12)).toHaveLength(2)
    expect(
      declutterLabels(labels, () => 'a rather long name', 12),
    ).toHaveLength(1)
  })
})
