import type { BalanceMetric } from '@tessera/domain'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'
import { i18n, useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import {
  bandTone,
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
const hours = (minutes: number) =>
  i18n.t('report.table.hours', {
    hours: formatCount(Math.round(minutes / 60)),
  })

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
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const columns = 13 + metrics.length
  const total = territoryTotals(rows)
  return (
    <table className="report-table" data-testid="report-territory-table">
      <thead>
        <tr className="report-table__running-head">
          <th colSpan={columns}>{runningHead}</th>
        </tr>
        <tr>
          <th scope="col">{t('report.table.territory')}</th>
          <th scope="col">{t('report.table.region')}</th>
          <th scope="col">{t('report.table.rep')}</th>
          <th scope="col" className="num">
            {t('report.table.units')}
          </th>
          <th scope="col" className="num">
            {t('report.table.accounts')}
          </th>
          <th scope="col" className="num">
            {t('report.table.potential')}
          </th>
          <th scope="col" className="num">
            {t('report.table.sales')}
          </th>
          <th
            scope="col"
            className="num"
            title={t('report.table.workloadTitle')}
          >
            {t('report.table.workload')}
          </th>
          <th
            scope="col"
            className="num"
            title={t('report.table.capacityUseTitle')}
          >
            {t('report.table.capacityUse')}
          </th>
          <th scope="col" className="num">
            {t('report.table.travel')}
          </th>
          <th
            scope="col"
            className="num"
            title={t('report.table.compactnessTitle')}
          >
            {t('report.table.compactness')}
          </th>
          <th scope="col" title={t('report.table.contiguousTitle')}>
            {t('report.table.contiguous')}
          </th>
          {metrics.map((m) => (
            <th key={m} scope="col" className="num">
              {t('report.table.delta', {
                metric: t(`territories.metric.${m}`),
              })}
            </th>
          ))}
          <th
            scope="col"
            className="num"
            title={t('report.table.disruptedTitle')}
          >
            {t('report.table.disrupted')}
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
                      <span className="report-table__note">
                        {t('report.table.locked')}
                      </span>
                    ) : null}
                  </span>
                </span>
              </th>
              <td className="report-table__short">{row.regionName ?? dash}</td>
              <td className="report-table__short">
                {row.repName ?? (
                  <span className="report-table__none">
                    {t('report.table.noRep')}
                  </span>
                )}
              </td>
              <td className="num">{s ? formatCount(s.units) : dash}</td>
              <td className="num">{s ? formatCount(s.accounts) : dash}</td>
              <td className="num">
                {s ? units.money(s.potential, row.id) : dash}
              </td>
              <td className="num">{s ? units.money(s.sales, row.id) : dash}</td>
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
                  ? units.distance(s.travelKm, row.id)
                  : dash}
              </td>
              <td className="num">
                {s && s.units > 0 ? formatPercent(s.polsbyPopper) : dash}
              </td>
              <td>
                {!s ? (
                  dash
                ) : s.units === 0 ? (
                  <span className="report-table__none">
                    {t('report.table.empty')}
                  </span>
                ) : s.contiguous ? (
                  t('report.table.yes')
                ) : (
                  <span className="report-tone--bad">
                    {t('common.count.piece', { count: s.pieces })}
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
            {t('common.count.territory', { count: rows.length })}
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
