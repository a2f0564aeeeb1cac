import { describe, expect, it } from 'vitest'
import { deltaE, hexToRgb, labOf, territoryColor } from './palette.js'

const minDistance = (n: number) => {
  const labs = Array.from({ length: n }, (_, i) =>
    labOf(hexToRgb(territoryColor(i))),
  )
  let min = Infinity
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      min = Math.min(min, deltaE(labs[i]!, labs[j]!))
  return min
}

describe('territoryColor', () => {
  it('keeps 40+ territories apart: every pair of the first 48 differs by ΔE ≥ 15', () => {
    // ΔE ≈ 2 is a just-noticeable difference; 15 reads as a different colour at a glance.
    expect(minDistance(40)).toBeGreaterThanOrEqual(17)
    expect(minDistance(48)).toBeGreaterThanOrEqual(15)
  })

  it('is deterministic, valid hex, and keeps going past the palette', () => {
    expect(territoryColor(7)).toBe(territoryColor(7))
    for (const i of [0, 1, 39, 63, 64, 500, -3, 2.7])
      expect(territoryColor(i)).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('stays readable under dark labels and white borders: no colour too dark or too light', () => {
    for (let i = 0; i < 64; i++) {
      const [l] = labOf(hexToRgb(territoryColor(i)))
      expect(l).toBeGreaterThan(25)
      expect(l).toBeLessThan(92)
    }
  })
})
