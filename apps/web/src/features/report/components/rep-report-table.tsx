import { formatCount, formatMoney, formatPercent } from '../../../lib/format'
import type { RepReportRow } from '../lib/report-rows'
import { useTranslation } from '../../../i18n'

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
  const { t } = useTranslation()
  const hours = (minutes: number) =>
    t('report.table.hours', { hours: formatCount(Math.round(minutes / 60)) })
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
          <th scope="col">{t('report.table.rep')}</th>
          <th scope="col">{t('report.table.territory')}</th>
          <th scope="col">{t('report.table.homeCity')}</th>
          <th scope="col" className="num">
            {t('report.table.accounts')}
          </th>
          <th scope="col" className="num">
            {t('report.table.potential')}
          </th>
          <th scope="col" className="num">
            {t('report.table.sales')}
          </th>
          <th scope="col" className="num">
            {t('report.table.workload')}
          </th>
          <th scope="col" className="num">
            {t('report.table.capacity')}
          </th>
          <th scope="col" className="num">
            {t('report.table.utilisation')}
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
                <span className="report-table__none">
                  {t('report.table.noTerritory')}
                </span>
              )}
            </td>
            <td>{r.homeCity}</td>
            <td className="num">{formatCount(r.accounts)}</td>
            <td className="num">{formatMoney(r.potential)}</td>
            <td className="num">{formatMoney(r.sales)}</td>
            <td className="num">{hours(r.workloadMinutes)}</td>
            <td className="num">{hours(r.capacityMinutes)}</td>
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
