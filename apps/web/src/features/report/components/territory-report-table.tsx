import type { BalanceMetric } from '@tessera/domain'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
  plural,
} from '../../../lib/format'
import {
  bandTone,
  METRIC_NAMES,
  type TerritoryReportRow,
  territoryTotals,
} from '../lib/report-rows'

interface TerritoryReportTableProps {
  rows: readonly TerritoryReportRow[]
  metrics: readonly BalanceMetric[]
  tolerance: number
  /** Repeated at the top of every printed page, over the column headers. */
  runningHead: string
}

const dash = <span className="report-table__none">—</span>
const hours = (minutes: number) => `${formatCount(Math.round(minutes / 60))} h`

/**
 * Every territory with its numbers and scores, by region: what the territory table of the
 * workspace shows, plus units and a deviation column per balanced metric (coloured against
 * the ± tolerance band). Not sortable: it is made to be printed.
 */
export function TerritoryReportTable({
  rows,
  metrics,
  tolerance,
  runningHead,
}: TerritoryReportTableProps) {
  const columns = 13 + metrics.length
  const total = territoryTotals(rows)
  return (
    <table className="report-table" data-testid="report-territory-table">
      <thead>
        <tr className="report-table__running-head">
          <th colSpan={columns}>{runningHead}</th>
        </tr>
        <tr>
          <th scope="col">Territory</th>
          <th scope="col">Region</th>
          <th scope="col">Rep</th>
          <th scope="col" className="num">
            Units
          </th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col" className="num">
            Potential
          </th>
          <th scope="col" className="num">
            Sales 12 mo
          </th>
          <th scope="col" className="num" title="Weekly visit workload">
            Workload
          </th>
          <th
            scope="col"
            className="num"
            title="Workload against the rep’s capacity"
          >
            Capacity use
          </th>
          <th scope="col" className="num">
            Travel
          </th>
          <th
            scope="col"
            className="num"
            title="Polsby–Popper: 100 % for a disc"
          >
            Compact&shy;ness
          </th>
          <th
            scope="col"
            title="One piece over unit adjacency, or how many pieces"
          >
            Contiguous
          </th>
          {metrics.map((m) => (
            <th key={m} scope="col" className="num">
              Δ {METRIC_NAMES[m]}
            </th>
          ))}
          <th
            scope="col"
            className="num"
            title="Accounts that change hands against the published alignment"
          >
            Disrupted
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const s = row.score
          return (
            <tr key={row.id} data-testid="report-territory-row">
              <th scope="row">
                <span className="report-table__name">
                  <span
                    className="report-table__swatch"
                    style={{ background: row.color }}
                    aria-hidden="true"
                  />
                  <span>
                    {row.name}
                    {row.locked ? (
                      <span className="report-table__note"> (locked)</span>
                    ) : null}
                  </span>
                </span>
              </th>
              <td className="report-table__short">{row.regionName ?? dash}</td>
              <td className="report-table__short">
                {row.repName ?? (
                  <span className="report-table__none">No rep</span>
                )}
              </td>
              <td className="num">{s ? formatCount(s.units) : dash}</td>
              <td className="num">{s ? formatCount(s.accounts) : dash}</td>
              <td className="num">{s ? formatMoney(s.potential) : dash}</td>
              <td className="num">{s ? formatMoney(s.sales) : dash}</td>
              <td className="num">{s ? hours(s.workloadMinutes) : dash}</td>
              <td
                className={
                  s?.utilization != null && s.utilization > 1 + 1e-9
                    ? 'num report-tone--warn'
                    : 'num'
                }
              >
                {s?.utilization != null ? formatPercent(s.utilization) : dash}
              </td>
              <td className="num">
                {s?.travelKm != null
                  ? `${formatCount(Math.round(s.travelKm))} km`
                  : dash}
              </td>
              <td className="num">
                {s && s.units > 0 ? formatPercent(s.polsbyPopper) : dash}
              </td>
              <td>
                {!s ? (
                  dash
                ) : s.units === 0 ? (
                  <span className="report-table__none">empty</span>
                ) : s.contiguous ? (
                  'Yes'
                ) : (
                  <span className="report-tone--bad">
                    {plural(s.pieces, 'piece')}
                  </span>
                )}
              </td>
              {metrics.map((m) => {
                const d = s?.deviations[m]
                return (
                  <td
                    key={m}
                    className={
                      d === undefined
                        ? 'num'
                        : `num report-tone--${bandTone(d, tolerance)}`
                    }
                  >
                    {d === undefined ? dash : formatSignedPercent(d)}
                  </td>
                )
              })}
              <td className="num">
                {s ? formatCount(s.disruptedAccounts) : dash}
              </td>
            </tr>
          )
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {plural(rows.length, 'territory', 'territories')}
          </th>
          <td className="num">{formatCount(total.units)}</td>
          <td className="num">{formatCount(total.accounts)}</td>
          <td className="num">{formatMoney(total.potential)}</td>
          <td className="num">{formatMoney(total.sales)}</td>
          <td className="num">{hours(total.workloadMinutes)}</td>
          <td colSpan={columns - 9} />
          <td className="num">{formatCount(total.disruptedAccounts)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
