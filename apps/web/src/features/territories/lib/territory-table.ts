import type { BalanceMetric } from '@tessera/domain'
import type { TerritoryScore } from '@tessera/engine'
import { byName } from '../../../lib/by-name'

/** A row of the territory table: who it is, and the engine's numbers when they are in. */
export interface TableRow {
  id: string
  name: string
  color: string
  repName: string | null
  regionName: string
  locked: boolean
  score: TerritoryScore | undefined
}

export type ColumnKey =
  | 'name'
  | 'accounts'
  | 'potential'
  | 'sales'
  | 'utilization'
  | 'travel'
  | 'compactness'
  | 'pieces'
  | 'deviation'
  | 'disrupted'

export type SortDirection = 'asc' | 'desc'

/**
 * A column of the table. Its header is `territories.table.columns.<key>` and its tooltip,
 * why the number matters, `territories.table.hints.<key>`.
 */
export interface Column {
  key: ColumnKey
  numeric: boolean
  /** The first click sorts this way: what needs attention (big, far, fragmented) first. */
  firstDirection: SortDirection
}

export const COLUMNS: readonly Column[] = [
  {
    key: 'name',
    numeric: false,
    firstDirection: 'asc',
  },
  {
    key: 'accounts',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'potential',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'sales',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'utilization',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'travel',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'compactness',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'pieces',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'deviation',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'disrupted',
    numeric: true,
    firstDirection: 'desc',
  },
]

/** The number a column sorts by; null when the engine has not scored the row (or it has no value). */
export function sortValue(
  row: TableRow,
  key: ColumnKey,
  metric: BalanceMetric,
): number | null {
  const s = row.score
  if (!s) return null
  const finite = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? null : v
  switch (key) {
    case 'accounts':
      return s.accounts
    case 'potential':
      return s.potential
    case 'sales':
      return s.sales
    case 'utilization':
      return finite(s.utilization)
    case 'travel':
      return finite(s.travelKm)
    case 'compactness':
      return s.units > 0 ? finite(s.polsbyPopper) : null
    case 'pieces':
      return s.pieces
    case 'deviation': {
      // Furthest from target first, whichever side.
      const d = finite(s.deviations[metric])
      return d === null ? null : Math.abs(d)
    }
    case 'disrupted':
      return s.disruptedAccounts
    default:
      return null
  }
}

/** Rows in the chosen order; rows without a value go last either way, names break ties. */
export function sortRows(
  rows: readonly TableRow[],
  key: ColumnKey,
  direction: SortDirection,
  metric: BalanceMetric,
): TableRow[] {
  const sign = direction === 'asc' ? 1 : -1
  if (key === 'name') return [...rows].sort((a, b) => sign * byName(a, b))
  const keyed = rows.map((row) => ({ row, v: sortValue(row, key, metric) }))
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v !== b.v) return a.v === null ? 1 : -1
      return byName(a.row, b.row)
    }
    return sign * (a.v - b.v) || byName(a.row, b.row)
  })
  return keyed.map((k) => k.row)
}

/** The next sort after a click on a header: a new column starts its way, the same one flips. */
export function nextSort(
  current: { key: ColumnKey; direction: SortDirection },
  clicked: ColumnKey,
): { key: ColumnKey; direction: SortDirection } {
  if (current.key === clicked)
    return {
      key: clicked,
      direction: current.direction === 'asc' ? 'desc' : 'asc',
    }
  const column = COLUMNS.find((c) => c.key === clicked)
  return { key: clicked, direction: column?.firstDirection ?? 'asc' }
}
