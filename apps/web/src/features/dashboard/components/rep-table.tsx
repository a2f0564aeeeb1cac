import { memo, useMemo } from 'react'
import type { TerritoryFigures } from '../api/use-dashboard'
import { attainmentTone, formatAttainment, formatMoney } from '../lib/figures'
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
            <th scope="col">Rep · territory</th>
            <th scope="col">Sales 12m</th>
            <th scope="col">Quota</th>
            <th scope="col">Att.</th>
            <th scope="col">Forecast</th>
            <th scope="col">Pipeline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const tone = attainmentTone(t.attainment)
            return (
              <tr
                key={t.territoryId}
                aria-selected={t.territoryId === selectedId}
                onClick={() => onSelect(t.territoryId)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="dashboard-table__who"
                    onClick={(e) => {
                      e.stopPropagation()
                      onSelect(t.territoryId)
                    }}
                  >
                    <span
                      className="dashboard-swatch"
                      style={{ background: t.color }}
                      aria-hidden
                    />
                    <span>
                      <span className="dashboard-table__rep">
                        {t.repName ?? 'No rep'}
                      </span>
                      <span className="dashboard-table__territory">
                        {t.name}
                      </span>
                    </span>
                  </button>
                </th>
                <td>{formatMoney(t.sales12m)}</td>
                <td>
                  <QuotaCell
                    territoryName={t.name}
                    quota={t.quota}
                    isDefault={t.quotaIsDefault}
                    canEdit={canEditQuota}
                    saving={savingId === t.territoryId}
                    onSave={(amount) => onSaveQuota(t.territoryId, amount)}
                  />
                </td>
                <td className={tone ? `dashboard-tone--${tone}` : undefined}>
                  {formatAttainment(t.attainment)}
                </td>
                <td>{formatMoney(t.forecast12m)}</td>
                <td>{formatMoney(t.pipeline)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
})
