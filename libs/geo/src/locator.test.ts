import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection } from 'topojson-specification'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '@tessera/domain'
import { createUnitLocator } from './locator.js'
import type { UnitLocator } from './locator.js'
import { usCounties } from './us-counties.fixture.js'

describe('createUnitLocator on us-atlas counties', () => {
  let locate: UnitLocator
  beforeAll(() => {
    locate = createUnitLocator(usCounties, 'counties')
  })

  it('finds the county of real city points', () => {
    expect(locate(-87.63, 41.88)).toBe('17031') // Chicago, Cook
    expect(locate(-122.42, 37.77)).toBe('06075') // San Francisco
    expect(locate(-95.37, 29.76)).toBe('48201') // Houston, Harris
    expect(locate(-157.86, 21.31)).toBe('15003') // Honolulu
    expect(locate(-149.9, 61.22)).toBe('02020') // Anchorage
    expect(locate(-66.1, 18.45)).toBe('72127') // San Juan, PR
    expect(locate(-70.1, 41.28)).toBe('25019') // Nantucket
    expect(locate(173.2, 52.9)).toBe('02016') // Attu, west of the antimeridian
  })

  it('respects holes: an independent city inside its county', () => {
    expect(locate(-77.306, 38.846)).toBe('51600') // Fairfax city, enclosed by Fairfax County
    expect(locate(-77.35, 38.9)).toBe('51059') // Fairfax County around it
  })

  it('returns null at sea, abroad and for bad input', () => {
    expect(locate(-40, 30)).toBeNull() // mid-Atlantic
    expect(locate(-123.5, 37.5)).toBeNull() // Pacific off San Francisco
    expect(locate(2.35, 48.86)).toBeNull() // Paris
    expect(locate(Number.NaN, 40)).toBeNull()
  })

  it('agrees with turf booleanPointInPolygon on random points', () => {
    const fc = feature(
      usCounties,
      usCounties.objects['counties'] as GeometryCollection,
    ) as FeatureCollection<Polygon | MultiPolygon>
    const rng = createRng(42)
    for (let i = 0; i < 600; i++) {
      const lon = -125 + 58 * rng.next()
      const lat = 25 + 24 * rng.next()
      const hits = fc.features.filter((f: Feature<Polygon | MultiPolygon>) =>
        booleanPointInPolygon([lon, lat], f),
      )
      const expected =
        hits.length > 0 ? String(hits.map((f) => f.id).sort()[0]) : null
      expect(locate(lon, lat)).toBe(expected)
    }
  })

  it('answers a million lookups in a few seconds', () => {
    const rng = createRng(7)
    const started = Date.now()
    let found = 0
    for (let i = 0; i < 1_000_000; i++)
      if (locate(-125 + 58 * rng.next(), 25 + 24 * rng.next()) !== null) found++
    const ms = Date.now() - started
    expect(found).toBeGreaterThan(500_000)
    // Typically well under a second; generous for a busy shared machine.
    expect(ms).toBeLessThan(10_000)
  })
})
