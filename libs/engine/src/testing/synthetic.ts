import {
  type Account,
  type Rng,
  type Unit,
  type UnitAdjacency,
  createRng,
} from '@tessera/domain'
import type { EngineAccount } from '../model.js'

/**
 * Synthetic geographies for tests and benchmarks: a hexagon grid in offset coordinates
 * (6 neighbours, like H3), with optional holes and islands. Every hexagon has area and
 * perimeter consistent with its shared borders, so Polsby–Popper stays meaningful.
 */
export interface SyntheticLayer {
  units: Unit[]
  adjacency: UnitAdjacency[]
  accounts: EngineAccount[]
}

export function hexGrid(opts: {
  cols: number
  rows: number
  accounts: number
  seed: number
  /** Share of cells dropped to make holes (0–1). */
  holes?: number
  /** Cells left with no neighbours at all (islands). */
  islands?: number
  /** Hexagon side in km. */
  sideKm?: number
}): SyntheticLayer {
  const rng = createRng(opts.seed)
  const side = opts.sideKm ?? 5
  const area = ((3 * Math.sqrt(3)) / 2) * side * side
  const kmPerDegLat = 111.2
  const originLon = -100
  const originLat = 40
  const kmPerDegLon = kmPerDegLat * Math.cos((originLat * Math.PI) / 180)
  const present = new Uint8Array(opts.cols * opts.rows)
  for (let i = 0; i < present.length; i++)
    present[i] = rng.next() >= (opts.holes ?? 0) ? 1 : 0
  const id = (c: number, r: number) => `h${r}_${c}`
  const units: Unit[] = []
  const centre: [number, number][] = []
  for (let r = 0; r < opts.rows; r++) {
    for (let c = 0; c < opts.cols; c++) {
      if (!present[r * opts.cols + c]) continue
      const x = c * side * Math.sqrt(3) + (r % 2) * ((side * Math.sqrt(3)) / 2)
      const y = r * side * 1.5
      const lon = originLon + x / kmPerDegLon
      const lat = originLat + y / kmPerDegLat
      units.push({
        id: id(c, r),
        name: id(c, r),
        region: 'x',
        centroid: [lon, lat],
        areaKm2: area,
        perimeterKm: 6 * side,
      })
      centre.push([lon, lat])
    }
  }
  const islands = new Set<string>()
  for (let i = 0; i < (opts.islands ?? 0) && units.length > 0; i++)
    islands.add(rng.pick(units).id)
  const adjacency: UnitAdjacency[] = []
  const has = (c: number, r: number) =>
    c >= 0 &&
    r >= 0 &&
    c < opts.cols &&
    r < opts.rows &&
    present[r * opts.cols + c] === 1
  for (let r = 0; r < opts.rows; r++) {
    for (let c = 0; c < opts.cols; c++) {
      if (!has(c, r)) continue
      // Right, and the two lower neighbours, in odd-r offset coordinates: each edge once.
      const odd = r % 2
      const nbrs: [number, number][] = [
        [c + 1, r],
        [c - 1 + odd, r + 1],
        [c + odd, r + 1],
      ]
      for (const [nc, nr] of nbrs) {
        if (!has(nc, nr)) continue
        const a = id(c, r)
        const b = id(nc, nr)
        if (islands.has(a) || islands.has(b)) continue
        adjacency.push(
          a < b
            ? { a, b, sharedBorderKm: side, kind: 'border' }
            : { a: b, b: a, sharedBorderKm: side, kind: 'border' },
        )
      }
    }
  }
  const accounts: EngineAccount[] = []
  for (let i = 0; i < opts.accounts && units.length > 0; i++) {
    const u = Math.floor(rng.next() * units.length)
    const [lon, lat] = centre[u]!
    accounts.push(
      syntheticAccount(rng, i, units[u]!.id, lon, lat, side / kmPerDegLat),
    )
  }
  return { units, adjacency, accounts }
}

function syntheticAccount(
  rng: Rng,
  i: number,
  unitId: string,
  lon: number,
  lat: number,
  jitter: number,
): EngineAccount {
  const big = rng.next() < 0.1
  const account = {
    id: `a${i}`,
    unitId,
    location: [
      lon + (rng.next() - 0.5) * jitter,
      lat + (rng.next() - 0.5) * jitter,
    ] as [number, number],
    potential: Math.round((big ? 200_000 : 20_000) * (0.2 + rng.next())),
    sales: rng.next() < 0.2 ? 0 : Math.round(50_000 * rng.next()),
    workloadMinutes: Math.round((big ? 20 : 3) * rng.next() * 2) / 2,
  }
  // Derived, not drawn: another draw would shift every seeded grid the tests know.
  const forecast = Math.round(0.9 * account.sales + 0.05 * account.potential)
  return { ...account, forecast }
}

/** Accounts of the demo shape turned into engine accounts (sales = last 12 months). */
export function engineAccountsOf(
  accounts: readonly Account[],
  sales12m: ReadonlyMap<string, number>,
): EngineAccount[] {
  return accounts.map((a) => ({
    id: a.id,
    unitId: a.unitId,
    location: a.location,
    potential: a.potential,
    sales: sales12m.get(a.id) ?? 0,
    workloadMinutes: a.workloadMinutes,
  }))
}
