import { describe, expect, it } from 'vitest'
import {
  accountRadius,
  accountRadiusScale,
  unitLineOpacity,
} from './map-layers'

describe('account points', () => {
  it('grow in area with potential, within bounds', () => {
    const small = accountRadius(10_000, 1_000_000)
    const big = accountRadius(1_000_000, 1_000_000)
    expect(big).toBeGreaterThan(small)
    // Area ∝ potential: a quarter of the potential is half the (extra) radius.
    expect(accountRadius(250_000, 1_000_000) - 1.75).toBeCloseTo(
      (big - 1.75) / 2,
    )
    expect(accountRadius(0, 1_000_000)).toBe(1.75)
    expect(accountRadius(5, 0)).toBe(1.75)
    expect(accountRadius(2_000_000, 1_000_000)).toBe(big)
  })

  it('shrink when zoomed out to the whole country', () => {
    expect(accountRadiusScale(2)).toBeCloseTo(0.45)
    expect(accountRadiusScale(8)).toBe(1)
    expect(accountRadiusScale(4)).toBeGreaterThan(accountRadiusScale(3))
  })
})

describe('unit borders', () => {
  it('fade in between country and territory zoom', () => {
    expect(unitLineOpacity(3)).toBe(0)
    expect(unitLineOpacity(5)).toBe(0.5)
    expect(unitLineOpacity(7)).toBe(1)
  })
})
