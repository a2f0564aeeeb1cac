import { describe, expect, it } from 'vitest'
import { createRng } from '@tessera/domain'
import { type RfmFeatures, rfmFeatures, rfmSegments } from './rfm.js'

describe('rfmFeatures', () => {
  it('reads recency, frequency and the last 12 months’ value', () => {
    const months = [
      5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]
    expect(rfmFeatures(months)).toEqual({
      recency: 9,
      frequency: 3,
      monetary: 30,
    })
    expect(rfmFeatures([0, 0, -3])).toEqual({
      recency: 3,
      frequency: 0,
      monetary: 0,
    })
  })
})

describe('rfmSegments', () => {
  /** Four planted groups plus accounts that never bought. */
  function planted(): { features: RfmFeatures[]; truth: string[] } {
    const rng = createRng(3)
    const features: RfmFeatures[] = []
    const truth: string[] = []
    const add = (n: number, name: string, f: () => RfmFeatures) => {
      for (let i = 0; i < n; i++) {
        features.push(f())
        truth.push(name)
      }
    }
    const j = (v: number, s: number) => Math.max(0, v + (rng.next() - 0.5) * s)
    add(50, 'champions', () => ({
      recency: j(0.5, 1),
      frequency: j(23, 2),
      monetary: j(500_000, 100_000),
    }))
    add(80, 'loyal', () => ({
      recency: j(1, 2),
      frequency: j(16, 3),
      monetary: j(40_000, 10_000),
    }))
    add(60, 'at-risk', () => ({
      recency: j(14, 4),
      frequency: j(6, 3),
      monetary: j(2_000, 2_000),
    }))
    add(90, 'growing', () => ({
      recency: j(2, 2),
      frequency: j(3, 2),
      monetary: j(3_000, 2_000),
    }))
    add(20, 'dormant', () => ({ recency: 24, frequency: 0, monetary: 0 }))
    return { features, truth }
  }

  it('finds planted groups and names them by their centres', () => {
    const { features, truth } = planted()
    const { segments, clusters } = rfmSegments(features)
    const agree = segments.filter((s, i) => s === truth[i]).length
    expect(agree / features.length).toBeGreaterThan(0.9)
    expect(clusters.map((c) => c.segment).sort()).toEqual([
      'at-risk',
      'champions',
      'dormant',
      'growing',
      'loyal',
    ])
    expect(clusters.reduce((s, c) => s + c.size, 0)).toBe(features.length)
  })

  it('is deterministic for a seed and copes with tiny inputs', () => {
    const { features } = planted()
    expect(rfmSegments(features, { seed: 9 }).segments).toEqual(
      rfmSegments(features, { seed: 9 }).segments,
    )
    expect(rfmSegments([]).segments).toEqual([])
    expect(
      rfmSegments([{ recency: 0, frequency: 5, monetary: 10 }]).segments,
    ).toEqual(['champions'])
    expect(
      rfmSegments([{ recency: 3, frequency: 0, monetary: 0 }]).segments,
    ).toEqual(['dormant'])
  })
})
