import type { BalanceMetric } from '@tessera/domain'
import { memo, useMemo, useRef, useState } from 'react'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
  plural,
} from '../../../lib/format'
import { deviationTone, METRIC_LABELS, utilizationTone } from '../lib/balance'
import {
  COLUMNS,
  type ColumnKey,
  nextSort,
  type SortDirection,
  sortRows,
  type TableRow,
} from '../lib/territory-table'
import { DeviationBar } from './deviation-bar'

interface TerritoryTableProps {
  rows: readonly TableRow[]
  metric: BalanceMetric
  tolerance: number
  selectedId: string | null
  onSelect: (territoryId: string) => void
  onClose: () => void
}

/**
 * Every territory's numbers side by side, sortable by any column: the view for comparing
 * territories during a session. Rows keep their identity until their numbers change, and
 * each row is memoised, so a live edit repaints only the rows it touched.
 */
export function TerritoryTable(props: TerritoryTableProps) {
  const { metric, tolerance, selectedId, onSelect } = props
  const [sort, setSort] = useState<{
    key: ColumnKey
    direction: SortDirection
  }>({ key: 'deviation', direction: 'desc' })
  const rows = useStableRows(props.rows)
  const sorted = useMemo(
    () => sortRows(rows, sort.key, sort.direction, metric),
    [rows, sort, metric],
  )
  return (
    <section
      className="territory-table"
      aria-label="Territory table"
      data-testid="territory-table"
    >
      <header className="territory-table__header">
        <h2>All territories</h2>
        <span className="territory-table__meta">
          {plural(rows.length, 'territory', 'territories')} · balance on{' '}
          {METRIC_LABELS[metric]}, band ±{formatPercent(tolerance)}
        </span>
        <button
          type="button"
          className="button button--secondary territory-table__close"
          onClick={props.onClose}
          aria-label="Close the territory table"
        >
          Close
        </button>
      </header>
      <div className="territory-table__scroll">
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={
                    sort.key === c.key
                      ? sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                  }
                  title={c.hint}
                >
                  <button
                    type="button"
                    onClick={() => setSort((s) => nextSort(s, c.key))}
                    data-testid={`sort-${c.key}`}
                  >
                    {c.label}
                    <span className="territory-table__arrow" aria-hidden>
                      {sort.key === c.key
                        ? sort.direction === 'asc'
                          ? '▲'
                          : '▼'
                        : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <Row
                key={row.id}
                row={row}
                metric={metric}
                tolerance={tolerance}
                selected={row.id === selectedId}
                onSelect={onSelect}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** Reuses last render's row objects whose content is the same, so memoised rows skip. */
function useStableRows(rows: readonly TableRow[]): TableRow[] {
  const cache = useRef(new Map<string, TableRow>())
  return useMemo(() => {
    const next = new Map<string, TableRow>()
    const out = rows.map((r) => {
      const prev = cache.current.get(r.id)
      const same =
        prev &&
        prev.name === r.name &&
        prev.color === r.color &&
        prev.repName === r.repName &&
        prev.regionName === r.regionName &&
        prev.locked === r.locked &&
        prev.score === r.score
      const kept = same ? prev : r
      next.set(r.id, kept)
      return kept
    })
    cache.current = next
    return out
  }, [rows])
}

const dash = <span className="territory-table__none">—</span>

const Row = memo(function Row({
  row,
  metric,
  tolerance,
  selected,
  onSelect,
}: {
  row: TableRow
  metric: BalanceMetric
  tolerance: number
  selected: boolean
  onSelect: (id: string) => void
}) {
  const s = row.score
  const deviation = s?.deviations[metric]
  const capacity = utilizationTone(s?.utilization ?? null)
  return (
    <tr
      aria-selected={selected}
      data-testid="territory-table-row"
      data-territory-id={row.id}
    >
      <th scope="row">
        <button type="button" onClick={() => onSelect(row.id)}>
          <span
            className="swatch"
            style={{ background: row.color }}
            aria-hidden
          />
          <span className="territory-table__name">
            {row.name}
            {row.locked ? (
              <span className="territory-table__lock" title="Locked">
                {' '}
                (locked)
              </span>
            ) : null}
            <small>
              {row.repName ?? 'No rep'} · {row.regionName}
            </small>
          </span>
        </button>
      </th>
      <td className="num">{s ? formatCount(s.accounts) : dash}</td>
      <td className="num">{s ? formatMoney(s.potential) : dash}</td>
      <td className="num">{s ? formatMoney(s.sales) : dash}</td>
      <td className="num">
        {s && s.utilization !== null ? (
          <span
            className={`territory-table__capacity tone-${capacity ?? 'ok'}`}
            title={`${formatCount(Math.round(s.workloadMinutes / 60))} h of visits a week for ${formatCount(Math.round((s.capacityMinutes ?? 0) / 60))} h of capacity`}
          >
            <span className="capacity-meter" aria-hidden>
              <span
                style={{ width: `${Math.min(100, s.utilization * 100)}%` }}
              />
            </span>
            {formatPercent(s.utilization)}
          </span>
        ) : s ? (
          <span title="No rep capacity known">
            {formatCount(Math.round(s.workloadMinutes / 60))} h
          </span>
        ) : (
          dash
        )}
      </td>
      <td className="num">
        {s?.travelKm != null
          ? `${formatCount(Math.round(s.travelKm))} km`
          : dash}
      </td>
      <td className="num">
        {s && s.units > 0 ? formatPercent(s.polsbyPopper) : dash}
      </td>
      <td className="num">
        {!s ? (
          dash
        ) : s.units === 0 ? (
          <span className="territory-table__none">empty</span>
        ) : s.contiguous ? (
          <span className="tone-ok">Contiguous</span>
        ) : (
          <span className="tone-bad" data-testid="table-contiguity-warning">
            ⚠ {plural(s.pieces, 'piece')}
          </span>
        )}
      </td>
      <td>
        {s && deviation !== undefined ? (
          <div className="territory-table__balance">
            <DeviationBar
              deviation={deviation}
              tolerance={tolerance}
              metricLabel={METRIC_LABELS[metric]}
            />
            <span className={`tone-${deviationTone(deviation, tolerance)}`}>
              {formatSignedPercent(deviation)}
            </span>
          </div>
        ) : (
          dash
        )}
      </td>
      <td className="num">{s ? formatCount(s.disruptedAccounts) : dash}</td>
    </tr>
  )
})
