import { describe, expect, it } from 'vitest'
import {
  blendProfiles,
  hasSeasonality,
  ownSeasonality,
  pooledSeasonalProfile,
  seasonalSpread,
} from './seasonality.js'

const SEASON = [0.8, 0.85, 0.95, 1, 1, 1.05, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2]
const wiggle = (t: number) =>
  Math.sin(t * 12.9898) * 0.5 + Math.sin(t * 78.233) * 0.5

describe('seasonality', () => {
  it("recovers a series' own factors at its phase", () => {
    // Starts in April (phase 3); factors are indexed by calendar position.
    const y = Array.from(
      { length: 48 },
      (_, t) => 500 * (SEASON[(3 + t) % 12] as number),
    )
    const own = ownSeasonality(y, 12, 3)
    expect(own).not.toBeNull()
    own!.profile.forEach((f, c) =>
      expect(f).toBeCloseTo(SEASON[c] as number, 2),
    )
    expect(own!.noise).toBeLessThan(1e-4)
    expect(hasSeasonality(y, 12)).toBe(true)
  })

  it('finds no seasonality in a flat noisy series', () => {
    const y = Array.from({ length: 60 }, (_, t) => 100 + 10 * wiggle(t))
    expect(hasSeasonality(y, 12)).toBe(false)
  })

  it('pools a profile over short series with different start months', () => {
    const series = Array.from({ length: 60 }, (_, i) => {
      const phase = i % 12
      const level = 100 + 37 * i
      return {
        phase,
        values: Array.from(
          { length: 12 + (i % 5) },
          (_, t) =>
            level *
            (SEASON[(phase + t) % 12] as number) *
            (1 + 0.02 * wiggle(i * 31 + t)),
        ),
      }
    })
    const profile = pooledSeasonalProfile(series, 12)
    expect(profile).not.toBeNull()
    profile!.forEach((f, c) =>
      expect(Math.abs(f - (SEASON[c] as number))).toBeLessThan(0.03),
    )
  })

  it('needs at least 10 series to pool, and shrinks a flat panel to flat', () => {
    const flat = Array.from({ length: 40 }, (_, i) => ({
      phase: 0,
      values: Array.from(
        { length: 12 },
        (_, t) => 100 * (1 + 0.1 * wiggle(i * 13 + t)),
      ),
    }))
    expect(pooledSeasonalProfile(flat.slice(0, 9), 12)).toBeNull()
    const profile = pooledSeasonalProfile(flat, 12)!
    for (const f of profile) expect(Math.abs(f - 1)).toBeLessThan(0.03)
  })

  it('lets a clean series keep its own pattern against the pooled one', () => {
    const own = {
      profile: SEASON.map((f) => f / (SEASON.reduce((a, b) => a + b) / 12)),
      noise: 1e-5,
    }
    const flat = new Array<number>(12).fill(1)
    const blended = blendProfiles(own, flat, 0.01)
    blended.forEach((f, c) =>
      expect(f).toBeCloseTo(own.profile[c] as number, 2),
    )
    const noisy = blendProfiles({ ...own, noise: 1 }, flat, 0.01)
    for (const f of noisy) expect(Math.abs(f - 1)).toBeLessThan(0.01)
    expect(seasonalSpread([], flat, 12)).toBe(0.01)
  })
})
