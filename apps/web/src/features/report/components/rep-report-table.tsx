import { formatCount, formatMoney, formatPercent } from '../../../lib/format'
import type { RepReportRow } from '../lib/report-rows'

/**
 * Every rep: where they live, what they carry and how full their week is. Reps without a
 * territory are listed too: spare capacity is part of the picture.
 */
export function RepReportTable({
  rows,
  runningHead,
}: {
  rows: readonly RepReportRow[]
  runningHead: string
}) {
  return (
    <table
      className="report-table report-table--reps"
      data-testid="report-rep-table"
    >
      <thead>
        <tr className="report-table__running-head">
          <th colSpan={9}>{runningHead}</th>
        </tr>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col">Territory</th>
          <th scope="col">Home city</th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col" className="num">
            Potential
          </th>
          <th scope="col" className="num">
            Sales 12 mo
          </th>
          <th scope="col" className="num">
            Workload
          </th>
          <th scope="col" className="num">
            Capacity
          </th>
          <th scope="col" className="num">
            Utilisation
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="report-rep-row">
            <th scope="row">{r.name}</th>
            <td>
              {r.territories.length > 0 ? (
                r.territories.join(', ')
              ) : (
                <span className="report-table__none">No territory</span>
              )}
            </td>
            <td>{r.homeCity}</td>
            <td className="num">{formatCount(r.accounts)}</td>
            <td className="num">{formatMoney(r.potential)}</td>
            <td className="num">{formatMoney(r.sales)}</td>
            <td className="num">
              {formatCount(Math.round(r.workloadMinutes / 60))} h
            </td>
            <td className="num">
              {formatCount(Math.round(r.capacityMinutes / 60))} h
            </td>
            <td
              className={
                r.utilization !== null && r.utilization > 1 + 1e-9
                  ? 'num report-tone--warn'
                  : 'num'
              }
            >
              {r.utilization === null ? '—' : formatPercent(r.utilization)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
