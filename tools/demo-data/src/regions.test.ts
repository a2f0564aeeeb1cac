import type { Unit, UnitAdjacency } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { demoRegions, statePostalCodes, unitRegions } from './regions.js'
import { territoriesPerRegion } from './territories.js'

const unit = (id: string): Unit => ({
  id,
  name: id,
  region: id.slice(0, 2),
  centroid: [0, 0],
  areaKm2: 1,
  perimeterKm: 4,
})
const edge = (a: string, b: string, km: number): UnitAdjacency => ({
  a,
  b,
  sharedBorderKm: km,
  kind: km > 0 ? 'border' : 'proximity',
})

describe('demoRegions', () => {
  it('covers every state, DC and territory once', () => {
    const states = demoRegions.flatMap((r) => r.states)
    expect(new Set(states).size).toBe(states.length)
    expect([...states].sort()).toEqual(Object.keys(statePostalCodes).sort())
  })
})

describe('unitRegions', () => {
  const regions = [
    { key: 'a', name: 'A', states: ['01'] },
    { key: 'b', name: 'B', states: ['02'] },
  ]

  it('keeps units in their state region when each region is connected', () => {
    const units = ['01001', '01002', '02001'].map(unit)
    const r = unitRegions(
      units,
      [edge('01001', '01002', 5), edge('01002', '02001', 5)],
      regions,
    )
    expect(Array.from(r)).toEqual([0, 0, 1])
  })

  it('moves a detached piece and unknown states to the neighbour with the longest border', () => {
    // 01003 touches only region B; 99001 has no region and touches 01001 most.
    const units = ['01001', '01002', '01003', '02001', '99001'].map(unit)
    const adjacency = [
      edge('01001', '01002', 5),
      edge('01002', '02001', 5),
      edge('01003', '02001', 3),
      edge('01001', '99001', 9),
      edge('02001', '99001', 1),
    ]
    expect(Array.from(unitRegions(units, adjacency, regions))).toEqual([
      0, 0, 1, 1, 0,
    ])
  })
})

describe('territoriesPerRegion', () => {
  it('splits territories by market with a floor per region and the exact total', () => {
    const unitRegion = Int32Array.from([0, 0, 1, 2, 2, 2])
    const weight = Float64Array.from([10, 10, 1, 30, 30, 19])
    const counts = territoriesPerRegion(unitRegion, weight, 3, 12, 2)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12)
    expect(counts[1]).toBe(2)
    expect(counts[2]).toBeGreaterThan(counts[0]!)
    expect(() => territoriesPerRegion(unitRegion, weight, 3, 5, 2)).toThrow(
      RangeError,
    )
  })
})
