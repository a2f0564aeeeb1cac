import { createRng } from '@tessera/domain'

/** One account's buying behaviour over its monthly sales history. */
export interface RfmFeatures {
  /** Months since the last month with sales (0 = the latest month); `months` when never. */
  recency: number
  /** Months with sales in the window. */
  frequency: number
  /** Sales over the last 12 months. */
  monetary: number
}

export type RfmSegment =
  'champions' | 'loyal' | 'growing' | 'at-risk' | 'dormant'

export const RFM_SEGMENTS: readonly {
  id: RfmSegment
  label: string
  description: string
}[] = [
  {
    id: 'champions',
    label: 'Champions',
    description: 'buy often, recently and the most',
  },
  { id: 'loyal', label: 'Loyal', description: 'buy steadily, mid-sized spend' },
  {
    id: 'growing',
    label: 'Occasional',
    description: 'buy now and then or only lately: room to grow',
  },
  {
    id: 'at-risk',
    label: 'At risk',
    description: 'used to buy, quiet for months',
  },
  {
    id: 'dormant',
    label: 'Dormant',
    description: 'no sales in the window',
  },
]

/**
 * Recency, frequency and monetary value from monthly amounts, oldest first, the last entry
 * being the latest month. Returns (credits net against sales) count as no sale.
 */
export function rfmFeatures(amounts: ArrayLike<number>): RfmFeatures {
  const n = amounts.length
  let last = -1
  let frequency = 0
  let monetary = 0
  for (let i = 0; i < n; i++) {
    const a = amounts[i]!
    if (a > 0) {
      frequency++
      last = i
    }
    if (i >= n - 12) monetary += Math.max(0, a)
  }
  return { recency: last < 0 ? n : n - 1 - last, frequency, monetary }
}

export interface RfmResult {
  /** The segment of each account, in input order. */
  segments: RfmSegment[]
  /** Each cluster's centre in the original units, with its segment and size. */
  clusters: { segment: RfmSegment; size: number; centre: RfmFeatures }[]
}

/**
 * Behavioural segments by k-means on (recency, frequency, log monetary), each standardised,
 * with k-means++ seeding from a fixed seed (so the same data gives the same segments).
 * Accounts with no sales at all are "dormant" without clustering (they would pull a centre
 * to zero and say nothing). The k = 4 clusters of the buyers are then named by their
 * centres: the highest value-and-frequency score is "champions", a centre far from its
 * last sale is "at risk", and the rest split into "loyal" and "occasional" by frequency.
 */
export function rfmSegments(
  features: readonly RfmFeatures[],
  opts: { seed?: number; iterations?: number } = {},
): RfmResult {
  const segments: RfmSegment[] = features.map(() => 'dormant')
  const buyers: number[] = []
  features.forEach((f, i) => {
    if (f.frequency > 0) buyers.push(i)
  })
  const k = Math.min(4, buyers.length)
  const clusters: RfmResult['clusters'] = []
  const dormant = features.length - buyers.length
  if (k === 0) {
    if (dormant > 0)
      clusters.push({
        segment: 'dormant',
        size: dormant,
        centre: mean(features),
      })
    return { segments, clusters }
  }

  // Standardised points, struct of arrays.
  const dims = 3
  const raw = (f: RfmFeatures) => [
    f.recency,
    f.frequency,
    Math.log1p(f.monetary),
  ]
  const m = buyers.length
  const x = new Float64Array(m * dims)
  const mu = [0, 0, 0]
  const sd = [0, 0, 0]
  buyers.forEach((b, i) => {
    const r = raw(features[b]!)
    for (let d = 0; d < dims; d++) {
      x[i * dims + d] = r[d]!
      mu[d]! += r[d]! / m
    }
  })
  for (let i = 0; i < m; i++)
    for (let d = 0; d < dims; d++)
      sd[d]! += (x[i * dims + d]! - mu[d]!) ** 2 / m
  for (let d = 0; d < dims; d++) sd[d] = Math.sqrt(sd[d]!) || 1
  for (let i = 0; i < m; i++)
    for (let d = 0; d < dims; d++)
      x[i * dims + d] = (x[i * dims + d]! - mu[d]!) / sd[d]!

  // k-means from a few k-means++ starts; the tightest clustering wins (one start can
  // merge two real groups and split a third).
  let best: { centres: Float64Array; label: Int32Array; sse: number } | null =
    null
  for (let r = 0; r < RESTARTS; r++) {
    const run = kmeans(x, m, dims, k, (opts.seed ?? 1) + r, opts.iterations)
    if (!best || run.sse < best.sse) best = run
  }
  const { centres, label } = best!

  // Name the clusters by their centres (standardised: recency up is bad).
  const order = Array.from({ length: k }, (_, c) => c)
  const at = (c: number, d: number) => centres[c * dims + d]!
  const value = (c: number) => at(c, 1) + at(c, 2) - at(c, 0)
  const names = new Map<number, RfmSegment>()
  order.sort((a, b) => value(b) - value(a))
  names.set(order[0]!, 'champions')
  const rest = order.slice(1)
  if (rest.length > 0) {
    const stale = rest.reduce((a, b) => (at(b, 0) > at(a, 0) ? b : a))
    // Only a centre clearly further from its last sale than average is "at risk".
    if (at(stale, 0) > 0.5 || rest.length === 3) names.set(stale, 'at-risk')
    const others = rest
      .filter((c) => !names.has(c))
      .sort((a, b) => at(b, 1) - at(a, 1))
    others.forEach((c, i) => names.set(c, i === 0 ? 'loyal' : 'growing'))
  }
  const members = new Map<RfmSegment, RfmFeatures[]>()
  buyers.forEach((b, i) => {
    const s = names.get(label[i]!)!
    segments[b] = s
    let list = members.get(s)
    if (!list) members.set(s, (list = []))
    list.push(features[b]!)
  })
  if (dormant > 0)
    members.set(
      'dormant',
      features.filter((f) => f.frequency === 0),
    )
  for (const s of RFM_SEGMENTS) {
    const list = members.get(s.id)
    if (list && list.length > 0)
      clusters.push({ segment: s.id, size: list.length, centre: mean(list) })
  }
  return { segments, clusters }
}

const RESTARTS = 6

function kmeans(
  x: Float64Array,
  m: number,
  dims: number,
  k: number,
  seed: number,
  iterations = 50,
): { centres: Float64Array; label: Int32Array; sse: number } {
  const centres = seedCentres(x, m, dims, k, seed)
  const label = new Int32Array(m).fill(-1)
  for (let it = 0; it < iterations; it++) {
    let moved = 0
    for (let i = 0; i < m; i++) {
      const c = nearest(x, i, centres, k, dims)
      if (c !== label[i]) {
        moved++
        label[i] = c
      }
    }
    if (moved === 0) break
    const sums = new Float64Array(k * dims)
    const counts = new Int32Array(k)
    for (let i = 0; i < m; i++) {
      counts[label[i]!]!++
      for (let d = 0; d < dims; d++)
        sums[label[i]! * dims + d]! += x[i * dims + d]!
    }
    for (let c = 0; c < k; c++)
      if (counts[c]! > 0)
        for (let d = 0; d < dims; d++)
          centres[c * dims + d] = sums[c * dims + d]! / counts[c]!
  }
  let sse = 0
  for (let i = 0; i < m; i++) sse += dist2(x, i, centres, label[i]!, dims)
  return { centres, label, sse }
}

function mean(list: readonly RfmFeatures[]): RfmFeatures {
  const n = Math.max(1, list.length)
  return {
    recency: list.reduce((s, f) => s + f.recency, 0) / n,
    frequency: list.reduce((s, f) => s + f.frequency, 0) / n,
    monetary: list.reduce((s, f) => s + f.monetary, 0) / n,
  }
}

function dist2(
  x: Float64Array,
  i: number,
  c: Float64Array,
  j: number,
  dims: number,
): number {
  let s = 0
  for (let d = 0; d < dims; d++) s += (x[i * dims + d]! - c[j * dims + d]!) ** 2
  return s
}

function nearest(
  x: Float64Array,
  i: number,
  centres: Float64Array,
  k: number,
  dims: number,
): number {
  let best = 0
  let bestD = Infinity
  for (let c = 0; c < k; c++) {
    const d = dist2(x, i, centres, c, dims)
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best
}

/** k-means++: each next centre drawn with probability proportional to squared distance. */
function seedCentres(
  x: Float64Array,
  m: number,
  dims: number,
  k: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed)
  const centres = new Float64Array(k * dims)
  const first = Math.floor(rng.next() * m)
  for (let d = 0; d < dims; d++) centres[d] = x[first * dims + d]!
  const best = new Float64Array(m).fill(Infinity)
  for (let c = 1; c < k; c++) {
    let total = 0
    for (let i = 0; i < m; i++) {
      best[i] = Math.min(best[i]!, dist2(x, i, centres, c - 1, dims))
      total += best[i]!
    }
    let r = rng.next() * total
    let pick = m - 1
    for (let i = 0; i < m; i++) {
      r -= best[i]!
      if (r <= 0) {
        pick = i
        break
      }
    }
    for (let d = 0; d < dims; d++) centres[c * dims + d] = x[pick * dims + d]!
  }
  return centres
}
