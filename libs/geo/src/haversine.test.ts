import { describe, expect, it } from 'vitest'
import { haversineKm, pathLengthKm } from './haversine.js'

describe('haversineKm', () => {
  it('measures Los Angeles to New York as about 3,936 km', () => {
    expect(haversineKm([-118.2437, 34.0522], [-74.006, 40.7128])).toBeCloseTo(
      3936,
      -1,
    )
  })

  it('is zero for a point and symmetric', () => {
    expect(haversineKm([10, 20], [10, 20])).toBe(0)
    expect(haversineKm([1, 2], [3, 4])).toBe(haversineKm([3, 4], [1, 2]))
  })

  it('takes the short way across the antimeridian', () => {
    expect(haversineKm([179.5, 0], [-179.5, 0])).toBeCloseTo(111.2, 0)
  })
})

describe('pathLengthKm', () => {
  it('sums the segments of a path', () => {
    expect(
      pathLengthKm([
        [0, 0],
        [0, 1],
        [0, 2],
      ]),
    ).toBeCloseTo(2 * 111.195, 2)
    expect(pathLengthKm([[0, 0]])).toBe(0)
  })
})
