import counties from 'us-atlas/counties-10m.json' with { type: 'json' }
import { mesh } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import {
  borderSegments,
  buildArcIndex,
  decodeArcs,
  outlinePaths,
  unitBorderSegments,
} from './arc-index'
import { buildUnitGeometry } from './unit-geometry'

const topology = counties as unknown as Topology
const geometry = buildUnitGeometry(topology, 'counties')
const index = buildArcIndex(geometry)
const arcs = decodeArcs(topology)

/** Territories by state (the first two digits of a county's FIPS code), a few left unassigned. */
const stateOf = (i: number) => Number(geometry.unitIds[i]!.slice(0, 2))
const territoryOfUnit = Int32Array.from(geometry.unitIds, (id, i) =>
  id.startsWith('06') ? -1 : stateOf(i),
)

const meshLength = (lines: GeoJSON.MultiLineString) =>
  lines.coordinates.reduce(
    (sum, l) =>
      sum +
      l
        .slice(1)
        .reduce(
          (s, p, i) => s + Math.hypot(p[0]! - l[i]![0]!, p[1]! - l[i]![1]!),
          0,
        ),
    0,
  )
const flatLength = (s: Float64Array) => {
  let sum = 0
  for (let i = 0; i < s.length; i += 4)
    sum += Math.hypot(s[i + 2]! - s[i]!, s[i + 3]! - s[i + 1]!)
  return sum
}

const segmentsOf = (lines: GeoJSON.MultiLineString) =>
  lines.coordinates.reduce((n, l) => n + l.length - 1, 0)

describe('the arc index on us-atlas counties', () => {
  it('draws the same territory borders as topojson.mesh', () => {
    const territoryOf = (g: { id?: string | number }) =>
      territoryOfUnit[geometry.indexOf.get(String(g.id)) ?? -1] ?? -1
    const expected = mesh(
      topology,
      geometry.unitsObject as never,
      (a, b) => a !== b && territoryOf(a) !== territoryOf(b),
    )
    const got = borderSegments(index, arcs, territoryOfUnit)
    expect(got.length / 4).toBe(segmentsOf(expected))
    // The same lines: the same total length (stitching into longer lines leaves it alone).
    expect(flatLength(got)).toBeCloseTo(meshLength(expected), 9)
  })

  it('outlines one territory, coast included, like topojson.mesh', () => {
    const iowa = 19
    const inside = (i: number) => territoryOfUnit[i] === iowa
    const expected = mesh(topology, geometry.unitsObject as never, (a, b) => {
      const ia = inside(geometry.indexOf.get(String(a.id)) ?? -1)
      return a === b
        ? ia
        : ia !== inside(geometry.indexOf.get(String(b.id)) ?? -1)
    })
    const got = outlinePaths(index, arcs, inside)
    expect(segmentsOf(got)).toBe(segmentsOf(expected))
    expect(meshLength(got)).toBeCloseTo(meshLength(expected), 9)
    // California is unassigned, and its coast belongs to its outline too.
    const california = outlinePaths(
      index,
      arcs,
      (i) => territoryOfUnit[i] === -1,
    )
    expect(segmentsOf(california)).toBeGreaterThan(0)
  })

  it('draws every unit border like topojson.mesh', () => {
    // Units, not geometry objects: a county listed twice under one id has no border with itself.
    const unitOf = (g: { id?: string | number }) =>
      geometry.indexOf.get(String(g.id)) ?? -1
    const expected = mesh(topology, geometry.unitsObject as never, (a, b) => {
      const [ua, ub] = [unitOf(a), unitOf(b)]
      return ua >= 0 && ub >= 0 && ua !== ub
    })
    const got = unitBorderSegments(index, arcs)
    expect(got.length / 4).toBe(segmentsOf(expected))
    expect(flatLength(got)).toBeCloseTo(meshLength(expected), 9)
  })

  it('has no border inside one territory, and none when nothing is assigned', () => {
    expect(
      borderSegments(
        index,
        arcs,
        new Int32Array(geometry.unitIds.length).fill(-1),
      ).length,
    ).toBe(0)
    expect(
      borderSegments(
        index,
        arcs,
        new Int32Array(geometry.unitIds.length).fill(3),
      ).length,
    ).toBe(0)
  })
})
