import { describe, expect, it } from 'vitest'
import { targetArea } from './target-area.js'

describe('targetArea', () => {
  it('keeps points within the radius, by great-circle distance', () => {
    // Portland, Maine; 10 km radius.
    const a = targetArea({
      circle: { lon: -70.2568, lat: 43.6591, radiusKm: 10 },
    })
    expect(a.contains(-70.2568, 43.7)).toBe(true) // ≈4.6 km north
    expect(a.contains(-70.2568, 43.8)).toBe(false) // ≈15.7 km north
    expect(a.distanceKm(-70.2568, 43.7)).toBeCloseTo(4.55, 1)
    const [w, s, e, n] = a.bbox!
    expect(w).toBeLessThan(-70.2568)
    expect(e).toBeGreaterThan(-70.2568)
    expect(n - s).toBeCloseTo((2 * 10) / 111.32, 3)
  })

  it('keeps points inside a drawn polygon, and both shapes must hold together', () => {
    const square: [number, number][] = [
      [-71, 43],
      [-70, 43],
      [-70, 44],
      [-71, 44],
    ]
    const p = targetArea({ polygon: square })
    expect(p.contains(-70.5, 43.5)).toBe(true)
    expect(p.contains(-69.5, 43.5)).toBe(false)
    expect(p.bbox).toEqual([-71, 43, -70, 44])
    const both = targetArea({
      polygon: square,
      circle: { lon: -70.5, lat: 43.5, radiusKm: 5 },
    })
    expect(both.contains(-70.5, 43.5)).toBe(true)
    expect(both.contains(-70.1, 43.9)).toBe(false)
  })

  it('without a shape, everything is inside', () => {
    const all = targetArea({})
    expect(all.bbox).toBeNull()
    expect(all.contains(10, 10)).toBe(true)
  })
})
