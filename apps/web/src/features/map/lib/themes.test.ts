import { describe, expect, it } from 'vitest'
import { CATEGORICAL, OTHER_COLOR, RAMPS, rampColor } from './color-ramps'
import { densityGrid } from './density'
import { mercatorY } from './planar'
import type { TerritoryPaint } from './territory-paint'
import {
  BALANCED,
  NO_DATA,
  balanceColor,
  buildThemeFill,
  themeColor,
} from './themes'
import type { UnitStat } from './unit-stats'

const paint: TerritoryPaint = {
  territoryIds: ['ter_a', 'ter_b', 'ter_c'],
  territoryIndex: new Map([
    ['ter_a', 0],
    ['ter_b', 1],
    ['ter_c', 2],
  ]),
  territoryOfUnit: Int32Array.from([0, 1, 2, -1]),
  colors: [
    [255, 0, 0],
    [0, 255, 0],
    [0, 0, 255],
  ],
}
const unitIds = ['u0', 'u1', 'u2', 'u3']
const statsOf = (list: UnitStat[]) => new Map(list.map((s) => [s.unitId, s]))

describe('rampColor', () => {
  it('runs from the first stop to the last, clamping outside', () => {
    expect(rampColor(['#000000', '#ffffff'], 0)).toEqual([0, 0, 0])
    expect(rampColor(['#000000', '#ffffff'], 0.5)).toEqual([128, 128, 128])
    expect(rampColor(['#000000', '#ffffff'], 2)).toEqual([255, 255, 255])
    expect(rampColor(['#000000', '#ffffff'], Number.NaN)).toEqual([0, 0, 0])
  })
})

describe('sequential themes', () => {
  const stats = statsOf([
    { unitId: 'u0', accounts: 3, potential: 0, sales: 10 },
    { unitId: 'u1', accounts: 2, potential: 400 },
    { unitId: 'u2', accounts: 0, potential: 0 },
  ])

  it('colour units by potential, darker for more, and leave empty units as no data', () => {
    const fill = buildThemeFill('potential', { unitIds, stats, paint })
    expect(themeColor(fill, 0).slice(0, 3)).toEqual(
      rampColor(RAMPS.potential, 0),
    )
    expect(themeColor(fill, 1).slice(0, 3)).toEqual(
      rampColor(RAMPS.potential, 1),
    )
    expect(themeColor(fill, 2)).toEqual(NO_DATA)
    expect(themeColor(fill, 3)).toEqual(NO_DATA)
    expect(fill.key).toMatchObject({ kind: 'ramp', min: 0, max: 400 })
  })

  it('say so when the server sends no sales', () => {
    const fill = buildThemeFill('sales', {
      unitIds,
      stats: statsOf([{ unitId: 'u1', accounts: 1, potential: 5 }]),
      paint,
    })
    expect(fill.key.kind).toBe('unavailable')
    expect(themeColor(fill, 1)).toEqual(NO_DATA)
  })

  it('clip the scale at a high percentile so one outlier does not wash out the rest', () => {
    const many = Array.from({ length: 100 }, (_, i) => `v${i}`)
    const fill = buildThemeFill('potential', {
      unitIds: many,
      stats: statsOf(
        many.map((unitId, i) => ({
          unitId,
          accounts: 1,
          potential: i === 99 ? 1e9 : i,
        })),
      ),
      paint: { ...paint, territoryOfUnit: new Int32Array(100).fill(-1) },
    })
    expect(fill.key).toMatchObject({ kind: 'ramp', max: 97, clipped: true })
  })
})

describe('segment theme', () => {
  it('gives each main industry a colour and the long tail "Other"', () => {
    const industries = Array.from({ length: 12 }, (_, i) => `Ind ${i}`)
    const ids = industries.map((_, i) => `s${i}`)
    const fill = buildThemeFill('segment', {
      unitIds: [...ids, 'none'],
      stats: statsOf([
        ...ids.map((unitId, i) => ({
          unitId,
          accounts: 1,
          potential: 1,
          topIndustry: industries[i],
        })),
        { unitId: 'none', accounts: 0, potential: 0, topIndustry: null },
      ]),
      paint,
    })
    if (fill.key.kind !== 'categories') throw new Error(fill.key.kind)
    expect(fill.key.items).toHaveLength(CATEGORICAL.length + 1)
    expect(fill.key.items.at(-1)).toEqual({
      label: 'Other',
      color: OTHER_COLOR,
      units: 3,
    })
    expect(themeColor(fill, 12)).toEqual(NO_DATA)
  })
})

describe('balance theme', () => {
  it('is neutral within tolerance, blue under and red over target', () => {
    const fill = buildThemeFill('balance', {
      unitIds,
      stats: new Map(),
      paint,
      deviations: new Map([
        ['ter_a', 0.03],
        ['ter_b', -0.4],
        ['ter_c', 0.9],
      ]),
      tolerance: 0.05,
    })
    expect(themeColor(fill, 0).slice(0, 3)).toEqual(BALANCED.slice(0, 3))
    const [r1, , b1] = themeColor(fill, 1)
    const [r2, , b2] = themeColor(fill, 2)
    expect(b1).toBeGreaterThan(r1)
    expect(r2).toBeGreaterThan(b2)
    expect(themeColor(fill, 3)).toEqual(NO_DATA) // unassigned
    expect(fill.key).toEqual({
      kind: 'diverging',
      tolerance: 0.05,
      extent: 0.5,
    })
  })

  it('darkens with distance from target', () => {
    const light = balanceColor(0.15, 0.1, 0.5)
    const dark = balanceColor(0.45, 0.1, 0.5)
    expect(dark[1]).toBeLessThan(light[1])
  })

  it('asks for targets when there are none', () => {
    expect(
      buildThemeFill('balance', { unitIds, stats: new Map(), paint }).key,
    ).toMatchObject({ kind: 'unavailable' })
  })
})

describe('densityGrid', () => {
  it('sums weights per screen-square cell and skips empty points', () => {
    const grid = densityGrid(
      [
        { position: [-100, 40], weight: 3 },
        { position: [-100.01, 40.01], weight: 2 },
        { position: [-80, 35], weight: 1 },
        { position: [-90, 35], weight: 0 },
      ],
      5.7,
    )
    expect(grid.zoom).toBe(5)
    expect(grid.cells.map((c) => c.count).sort()).toEqual([1, 5])
    expect(grid.max).toBe(5)
    // Square on screen: as tall as wide in Mercator.
    const [[w, s], [e], [, n]] = grid.cells[0]!.polygon as [
      [number, number],
      [number, number],
      [number, number],
    ]
    expect(mercatorY(n) - mercatorY(s)).toBeCloseTo(e - w)
  })
})
