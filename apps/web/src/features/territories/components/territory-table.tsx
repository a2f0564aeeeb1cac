import type { BalanceMetric } from '@tessera/domain'
import { memo, useMemo, useRef, useState } from 'react'
import {
  formatCount,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import { deviationTone, metricLabel, utilizationTone } from '../lib/balance'
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
  const { t } = useTranslation()
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
      aria-label={t('territories.table.label')}
      data-testid="territory-table"
    >
      <header className="territory-table__header">
        <h2>{t('territories.table.title')}</h2>
        <span className="territory-table__meta">
          {t('territories.table.meta', {
            territories: t('common.count.territory', { count: rows.length }),
            metric: metricLabel(metric),
            band: formatPercent(tolerance),
          })}
        </span>
        <button
          type="button"
          className="button button--secondary territory-table__close"
          onClick={props.onClose}
          aria-label={t('territories.table.close')}
        >
          {t('common.close')}
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
                  title={t(`territories.table.hints.${c.key}`)}
                >
                  <button
                    type="button"
                    onClick={() => setSort((s) => nextSort(s, c.key))}
                    data-testid={`sort-${c.key}`}
                  >
                    {t(`territories.table.columns.${c.key}`)}
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
  // Rows are memoised: this also repaints them when the language changes.
  const { t } = useTranslation()
  const units = useMoneyUnits()
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
              <span
                className="territory-table__lock"
                title={t('territories.table.locked')}
              >
                {' '}
                {t('territories.table.lockedSuffix')}
              </span>
            ) : null}
            <small>
              {row.repName ?? t('territories.table.noRep')} · {row.regionName}
            </small>
          </span>
        </button>
      </th>
      <td className="num">{s ? formatCount(s.accounts) : dash}</td>
      <td className="num">{s ? units.money(s.potential, row.id) : dash}</td>
      <td className="num">{s ? units.money(s.sales, row.id) : dash}</td>
      <td className="num">
        {s && s.utilization !== null ? (
          <span
            className={`territory-table__capacity tone-${capacity ?? 'ok'}`}
            title={t('territories.table.workloadTitle', {
              workload: formatCount(Math.round(s.workloadMinutes / 60)),
              capacity: formatCount(Math.round((s.capacityMinutes ?? 0) / 60)),
            })}
          >
            <span className="capacity-meter" aria-hidden>
              <span
                style={{ width: `${Math.min(100, s.utilization * 100)}%` }}
              />
            </span>
            {formatPercent(s.utilization)}
          </span>
        ) : s ? (
          <span title={t('territories.table.noCapacity')}>
            {t('territories.table.hours', {
              hours: formatCount(Math.round(s.workloadMinutes / 60)),
            })}
          </span>
        ) : (
          dash
        )}
      </td>
      <td className="num">
        {s?.travelKm != null ? units.distance(s.travelKm, row.id) : dash}
      </td>
      <td className="num">
        {s && s.units > 0 ? formatPercent(s.polsbyPopper) : dash}
      </td>
      <td className="num">
        {!s ? (
          dash
        ) : s.units === 0 ? (
          <span className="territory-table__none">
            {t('territories.table.empty')}
          </span>
        ) : s.contiguous ? (
          <span className="tone-ok">{t('territories.table.contiguous')}</span>
        ) : (
          <span className="tone-bad" data-testid="table-contiguity-warning">
            ⚠ {t('common.count.piece', { count: s.pieces })}
          </span>
        )}
      </td>
      <td>
        {s && deviation !== undefined ? (
          <div className="territory-table__balance">
            <DeviationBar
              deviation={deviation}
              tolerance={tolerance}
              metricLabel={metricLabel(metric)}
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
