import type { Rng, Unit, UnitAdjacency } from '@tessera/domain'
import { connectedComponents, haversineKmXY } from '@tessera/geo'
import type { PlacedCities } from './cities.js'
import { MinHeap } from './min-heap.js'

/** A territory as grown: its region, seed unit and the city it is named after (-1: none). */
export interface GrownTerritory {
  region: number
  seedUnit: number
  city: number
}

export interface TerritoryPlan {
  territories: GrownTerritory[]
  /** Territory index of every unit. */
  unitTerritory: Int32Array
}

/** How steeply a territory's load slows its growth (cost × e^(brake × load / target)); 0 is plain nearest-seed growth. */
const LOAD_BRAKE = 4
/** Random spread of a unit's distance to a seed, for ragged borders. */
const BORDER_JITTER = 0.35

/** Neighbour lists by unit index. */
export function neighbourLists(
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
): number[][] {
  const index = new Map(units.map((u, i) => [u.id, i]))
  const out: number[][] = units.map(() => [])
  for (const e of adjacency) {
    const a = index.get(e.a)
    const b = index.get(e.b)
    if (a === undefined || b === undefined) continue
    out[a]?.push(b)
    out[b]?.push(a)
  }
  return out
}

/**
 * Grows `perRegion[r]` territories inside region r by seeded multi-source region growing.
 * Seeds sit at the biggest city of each of `perRegion` k-means clusters of the region's
 * main land mass, with units weighted by the cube of their expected accounts so clusters
 * gather round metros rather than empty land (and no territory is born on an island). Each
 * step the territory whose cheapest frontier unit costs least takes it; the cost is the
 * unit's jittered distance to the seed times `e^(LOAD_BRAKE × load / target)`, so
 * territories grow outward like Voronoi cells and slow down sharply once full. Targets
 * are random and differ up to 2.7×, and a dense metro caught in one territory cannot be
 * split: the result is contiguous, plausible and deliberately unbalanced, like an alignment
 * inherited from years of ad-hoc changes.
 *
 * `unitWeight` is the expected accounts per unit. Every unit of a region ends in one of its
 * territories and each territory is connected, given that each region is connected over
 * `neighbours` (see `unitRegions`).
 */
export function growTerritories(
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
  neighbours: readonly (readonly number[])[],
  unitRegion: Int32Array,
  regionCount: number,
  perRegion: readonly number[],
  cities: PlacedCities,
  unitWeight: Float64Array,
  rng: Rng,
): TerritoryPlan {
  const n = units.length
  const unitTerritory = new Int32Array(n).fill(-1)
  const territories: GrownTerritory[] = []
  const index = new Map(units.map((u, i) => [u.id, i]))

  for (let r = 0; r < regionCount; r++) {
    const members: number[] = []
    for (let u = 0; u < n; u++) if (unitRegion[u] === r) members.push(u)
    if (members.length === 0) continue
    let regionWeight = 0
    for (const u of members) regionWeight += unitWeight[u] as number
    // Empty land still costs a little, so a territory cannot sweep a state for free.
    const base = (0.1 * regionWeight) / members.length || 1
    const weightOf = (u: number) => (unitWeight[u] as number) + base

    const main = mainLandMass(units, adjacency, index, unitRegion, r, members)
    const seeds = pickSeeds(
      units,
      main,
      Math.min(perRegion[r] ?? 0, members.length),
      cities,
      weightOf,
      rng,
    )
    const first = territories.length
    for (const s of seeds) territories.push({ region: r, ...s })

    const total = regionWeight + base * members.length
    const targetWeights = seeds.map(() => 0.6 + rng.next())
    const targetSum = targetWeights.reduce((a, b) => a + b, 0)
    const target = targetWeights.map((w) => (total * w) / targetSum)
    const load = seeds.map(() => 0)
    const heaps = seeds.map(() => new MinHeap())
    const claim = (t: number, u: number) => {
      unitTerritory[u] = first + t
      load[t] = (load[t] as number) + weightOf(u)
      const seed = (units[seeds[t]?.seedUnit as number] as Unit).centroid
      for (const v of neighbours[u] as number[]) {
        if (unitRegion[v] !== r || unitTerritory[v] !== -1) continue
        const c = (units[v] as Unit).centroid
        const km = haversineKmXY(c[0], c[1], seed[0], seed[1])
        ;(heaps[t] as MinHeap).push(km * (1 + BORDER_JITTER * rng.next()), v)
      }
    }
    seeds.forEach((s, t) => claim(t, s.seedUnit))
    for (;;) {
      let best = -1
      let bestCost = Infinity
      heaps.forEach((h, t) => {
        while (h.size > 0 && unitTerritory[h.peek() as number] !== -1) h.pop()
        const cost =
          h.peekPriority() *
          Math.exp((LOAD_BRAKE * (load[t] as number)) / (target[t] as number))
        if (cost < bestCost) {
          bestCost = cost
          best = t
        }
      })
      if (best === -1) break
      claim(best, (heaps[best] as MinHeap).pop() as number)
    }
    // Unreachable only if the region were disconnected; keep every unit assigned anyway.
    for (const u of members)
      if (unitTerritory[u] === -1) unitTerritory[u] = first
  }
  return { territories, unitTerritory }
}

/** The region's largest piece over border edges alone (islands excluded). */
function mainLandMass(
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
  index: ReadonlyMap<string, number>,
  unitRegion: Int32Array,
  r: number,
  members: readonly number[],
): number[] {
  const borders = adjacency.filter(
    (e) =>
      e.kind === 'border' &&
      unitRegion[index.get(e.a) as number] === r &&
      unitRegion[index.get(e.b) as number] === r,
  )
  const [main = []] = connectedComponents(
    members.map((u) => (units[u] as Unit).id),
    borders,
  )
  return main.map((id) => index.get(id) as number)
}

/**
 * `count` seeds over `land`: weighted k-means (k-means++ start, a few Lloyd rounds) on unit
 * centroids, then each cluster's biggest city not yet taken, or its heaviest unit when it
 * has no city. Distinct units, deterministic in `rng`.
 */
function pickSeeds(
  units: readonly Unit[],
  land: readonly number[],
  count: number,
  cities: PlacedCities,
  weightOf: (u: number) => number,
  rng: Rng,
): { seedUnit: number; city: number }[] {
  if (land.length === 0 || count === 0) return []
  const k = Math.min(count, land.length)
  let meanLat = 0
  for (const u of land) meanLat += (units[u] as Unit).centroid[1] / land.length
  const kx = Math.cos((meanLat * Math.PI) / 180)
  const xs = land.map((u) => (units[u] as Unit).centroid[0] * kx)
  const ys = land.map((u) => (units[u] as Unit).centroid[1])
  const ws = land.map((u) => weightOf(u) ** 3)
  const d2 = (i: number, cx: number, cy: number) =>
    ((xs[i] as number) - cx) ** 2 + ((ys[i] as number) - cy) ** 2

  // k-means++: each next centre drawn with probability ∝ weight × squared distance.
  const cx: number[] = []
  const cy: number[] = []
  const nearest = land.map(() => Infinity)
  for (let c = 0; c < k; c++) {
    const cumulative = new Float64Array(land.length)
    let sum = 0
    land.forEach((_, i) => {
      sum += (ws[i] as number) * (c === 0 ? 1 : (nearest[i] as number))
      cumulative[i] = sum
    })
    const pick = rng.weighted(cumulative)
    cx.push(xs[pick] as number)
    cy.push(ys[pick] as number)
    land.forEach(
      (_, i) =>
        (nearest[i] = Math.min(
          nearest[i] as number,
          d2(i, cx[c] as number, cy[c] as number),
        )),
    )
  }
  const cluster = new Int32Array(land.length)
  for (let round = 0; round < 12; round++) {
    land.forEach((_, i) => {
      let best = 0
      for (let c = 1; c < k; c++)
        if (
          d2(i, cx[c] as number, cy[c] as number) <
          d2(i, cx[best] as number, cy[best] as number)
        )
          best = c
      cluster[i] = best
    })
    for (let c = 0; c < k; c++) {
      let w = 0
      let sx = 0
      let sy = 0
      land.forEach((_, i) => {
        if (cluster[i] !== c) return
        w += ws[i] as number
        sx += (ws[i] as number) * (xs[i] as number)
        sy += (ws[i] as number) * (ys[i] as number)
      })
      if (w > 0) {
        cx[c] = sx / w
        cy[c] = sy / w
      }
    }
  }

  const clusterOf = new Map(land.map((u, i) => [u, cluster[i] as number]))
  const taken = new Set<number>()
  const seeds: { seedUnit: number; city: number }[] = []
  for (let c = 0; c < k; c++) {
    let bestCity = -1
    for (let city = 0; city < cities.count; city++) {
      const u = cities.unit[city] as number
      if (clusterOf.get(u) !== c || taken.has(u) || !cities.inOwnState[city])
        continue
      if (
        bestCity === -1 ||
        (cities.population[city] as number) >
          (cities.population[bestCity] as number)
      )
        bestCity = city
    }
    let unit = bestCity >= 0 ? (cities.unit[bestCity] as number) : -1
    if (unit === -1) {
      for (const u of land)
        if (!taken.has(u) && (unit === -1 || weightOf(u) > weightOf(unit)))
          unit = u
    }
    if (unit === -1) continue
    taken.add(unit)
    seeds.push({ seedUnit: unit, city: bestCity })
  }
  return seeds
}

/**
 * Splits `total` territories over regions in proportion to their expected accounts
 * (largest remainder), at least `min` each: a sales org sizes regions by their market, so
 * the remaining imbalance is within regions, where a planner can fix it by moving units.
 */
export function territoriesPerRegion(
  unitRegion: Int32Array,
  unitWeight: Float64Array,
  regionCount: number,
  total: number,
  min: number,
): number[] {
  const weight = new Array<number>(regionCount).fill(0)
  unitRegion.forEach((r, u) => {
    if (r >= 0) weight[r] = (weight[r] as number) + (unitWeight[u] as number)
  })
  const spare = total - min * regionCount
  if (spare < 0)
    throw new RangeError(
      `${total} territories cannot give ${regionCount} regions ${min} each`,
    )
  const sum = weight.reduce((a, b) => a + b, 0) || 1
  const exact = weight.map((w) => (spare * w) / sum)
  const counts = exact.map((x) => min + Math.floor(x))
  let left = total - counts.reduce((a, b) => a + b, 0)
  const order = exact
    .map((x, r) => [x - Math.floor(x), r] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, r] of order) {
    if (left-- <= 0) break
    counts[r] = (counts[r] as number) + 1
  }
  return counts
}
