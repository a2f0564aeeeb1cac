import { describe, expect, it } from 'vitest'
import {
  barExtent,
  deviationBar,
  deviationTone,
  primaryMetric,
  scoreTone,
  sortTerritories,
  utilizationTone,
} from './balance'

describe('deviationTone', () => {
  it('is fine inside the band, amber up to twice it, red beyond', () => {
    expect(deviationTone(0.05, 0.1)).toBe('ok')
    expect(deviationTone(-0.1, 0.1)).toBe('ok')
    expect(deviationTone(0.1 + 1e-12, 0.1)).toBe('ok')
    expect(deviationTone(-0.15, 0.1)).toBe('warn')
    expect(deviationTone(0.2, 0.1)).toBe('warn')
    expect(deviationTone(2.77, 0.1)).toBe('bad')
  })

  it('has no amber zone without a tolerance', () => {
    expect(deviationTone(0, 0)).toBe('ok')
    expect(deviationTone(0.01, 0)).toBe('bad')
  })
})

describe('scoreTone', () => {
  it('grades the balance score', () => {
    expect(scoreTone(100)).toBe('ok')
    expect(scoreTone(80)).toBe('ok')
    expect(scoreTone(72)).toBe('warn')
    expect(scoreTone(49.9)).toBe('bad')
  })
})

describe('utilizationTone', () => {
  it('warns above full capacity only', () => {
    expect(utilizationTone(null)).toBeNull()
    expect(utilizationTone(0.8)).toBe('ok')
    expect(utilizationTone(1)).toBe('ok')
    expect(utilizationTone(1.1)).toBe('warn')
  })
})

describe('deviationBar', () => {
  it('centres the band on the target', () => {
    const bar = deviationBar(0, 0.1)
    expect(barExtent(0.1)).toBe(0.5)
    expect(bar.bandLeft).toBe(40)
    expect(bar.bandWidth).toBe(20)
    expect(bar.marker).toBe(50)
    expect(bar.fillWidth).toBe(0)
    expect(bar.clipped).toBeNull()
    expect(bar.tone).toBe('ok')
  })

  it('fills from the target towards the deviation on either side', () => {
    const over = deviationBar(0.25, 0.1)
    expect(over).toMatchObject({
      fillLeft: 50,
      fillWidth: 25,
      marker: 75,
      tone: 'bad',
    })
    const under = deviationBar(-0.15, 0.1)
    expect(under).toMatchObject({
      fillLeft: 35,
      fillWidth: 15,
      marker: 35,
      tone: 'warn',
    })
  })

  it('clamps a deviation past the bar and says which end', () => {
    expect(deviationBar(2.77, 0.1)).toMatchObject({
      marker: 100,
      fillLeft: 50,
      fillWidth: 50,
      clipped: 'right',
    })
    expect(deviationBar(-0.9, 0.1)).toMatchObject({
      marker: 0,
      fillLeft: 0,
      clipped: 'left',
    })
  })

  it('widens with a wide band and survives odd input', () => {
    const wide = deviationBar(0, 0.3)
    expect(wide.bandLeft).toBeCloseTo(33.33, 2)
    expect(wide.bandWidth).toBeCloseTo(33.33, 1)
    expect(deviationBar(Number.NaN, 0.1).marker).toBe(50)
    expect(deviationBar(0.2, 0.1, 0).marker).toBe(60)
  })
})

describe('primaryMetric', () => {
  it('takes the first balanced metric, potential by default', () => {
    expect(primaryMetric(null)).toBe('potential')
    expect(primaryMetric({ metrics: [] })).toBe('potential')
    expect(
      primaryMetric({
        metrics: [
          { metric: 'workload', weight: 1 },
          { metric: 'accounts', weight: 1 },
        ],
      }),
    ).toBe('workload')
  })
})

describe('sortTerritories', () => {
  const items = [
    { id: 'b', name: 'Territory 10', potential: 5 },
    { id: 'a', name: 'Territory 2', potential: 9 },
    { id: 'c', name: 'Alpha', potential: 5 },
    { id: 'd', name: 'Delta', potential: 1 },
  ]
  const scores = new Map([
    ['a', { deviations: { potential: 0.05 }, utilization: 1.2 }],
    ['b', { deviations: { potential: -0.4 }, utilization: null }],
    ['c', { deviations: { potential: 0.3 }, utilization: 0.7 }],
  ])
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id)

  it('sorts names naturally by default and leaves the input alone', () => {
    expect(ids(sortTerritories(items, 'name', scores, 'potential'))).toEqual([
      'c',
      'd',
      'a',
      'b',
    ])
    expect(ids(items)).toEqual(['b', 'a', 'c', 'd'])
  })

  it('puts the largest absolute deviation first, unscored last', () => {
    expect(
      ids(sortTerritories(items, 'deviation', scores, 'potential')),
    ).toEqual(['b', 'c', 'a', 'd'])
  })

  it('sorts potential and utilization descending, ties and gaps by name', () => {
    expect(
      ids(sortTerritories(items, 'potential', scores, 'potential')),
    ).toEqual(['a', 'c', 'b', 'd'])
    expect(
      ids(sortTerritories(items, 'utilization', scores, 'potential')),
    ).toEqual(['a', 'c', 'd', 'b'])
  })

  it('falls back to names when there are no scores', () => {
    expect(ids(sortTerritories(items, 'deviation', null, 'potential'))).toEqual(
      ['c', 'd', 'a', 'b'],
    )
  })
})
