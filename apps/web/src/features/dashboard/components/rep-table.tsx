import { memo, useMemo } from 'react'
import type { TerritoryFigures } from '../api/use-dashboard'
import { attainmentTone, formatAttainment, formatMoney } from '../lib/figures'
import { useTranslation } from '../../../i18n'
import { QuotaCell } from './quota-cell'

/**
 * One row per rep and territory (a rep holding two territories has two rows; quotas are
 * set per territory): sales, quota, attainment, forecast and pipeline. A click on a row
 * focuses its territory on the map.
 */
export const RepTable = memo(function RepTable({
  territories,
  selectedId,
  onSelect,
  canEditQuota,
  savingId,
  onSaveQuota,
}: {
  territories: readonly TerritoryFigures[]
  selectedId: string | null
  onSelect: (territoryId: string) => void
  canEditQuota: boolean
  savingId: string | null
  onSaveQuota: (territoryId: string, amount: number | null) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const rows = useMemo(
    () =>
      [...territories].sort(
        (a, b) =>
          (a.repName ?? '\uffff').localeCompare(b.repName ?? '\uffff') ||
          a.name.localeCompare(b.name),
      ),
    [territories],
  )
  return (
    <div className="dashboard-table-wrap">
      <table className="dashboard-table" data-testid="dashboard-reps">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.repTerritory')}</th>
            <th scope="col">{t('dashboard.table.sales')}</th>
            <th scope="col">{t('dashboard.table.quota')}</th>
            <th scope="col">{t('dashboard.table.attainment')}</th>
            <th scope="col">{t('dashboard.table.forecast')}</th>
            <th scope="col">{t('dashboard.table.pipeline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const tone = attainmentTone(row.attainment)
            return (
              <tr
                key={row.territoryId}
                aria-selected={row.territoryId === selectedId}
                onClick={() => onSelect(row.territoryId)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="dashboard-table__who"
                    onClick={(e) => {
                      e.stopPropagation()
                      onSelect(row.territoryId)
                    }}
                  >
                    <span
                      className="dashboard-swatch"
                      style={{ background: row.color }}
                      aria-hidden
                    />
                    <span>
                      <span className="dashboard-table__rep">
                        {row.repName ?? t('dashboard.table.noRep')}
                      </span>
                      <span className="dashboard-table__territory">
                        {row.name}
                      </span>
                    </span>
                  </button>
                </th>
                <td>{formatMoney(row.sales12m)}</td>
                <td>
                  <QuotaCell
                    territoryName={row.name}
                    quota={row.quota}
                    isDefault={row.quotaIsDefault}
                    canEdit={canEditQuota}
                    saving={savingId === row.territoryId}
                    onSave={(amount) => onSaveQuota(row.territoryId, amount)}
                  />
                </td>
                <td className={tone ? `dashboard-tone--${tone}` : undefined}>
                  {formatAttainment(row.attainment)}
                </td>
                <td>{formatMoney(row.forecast12m)}</td>
                <td>{formatMoney(row.pipeline)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
})
