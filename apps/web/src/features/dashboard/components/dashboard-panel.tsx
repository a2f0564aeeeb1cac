import { useCallback } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatDay } from '../../../lib/dates'
import { Trans, useTranslation } from '../../../i18n'
import { useDashboard } from '../api/use-dashboard'
import { longMonth } from '../lib/trend'
import { AttainmentChart } from './attainment-chart'
import { PlanSummary } from './plan-summary'
import { RepTable } from './rep-table'
import { TrendChart } from './trend-chart'
import '../dashboard.css'

/**
 * Performance of a scenario's territories and reps (sales vs quota, attainment, trend,
 * forecast, pipeline), in the side panel. Clicking a bar or a row calls `onFocusTerritory`,
 * which the page turns into a map focus; the selected territory's trend joins the plan's.
 */
export function DashboardPanel({
  planId,
  scenarioId,
  selectedTerritoryId,
  onFocusTerritory,
}: {
  planId: string
  scenarioId: string
  selectedTerritoryId: string | null
  onFocusTerritory: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  const { dashboard, setQuota } = useDashboard(planId, scenarioId)
  const { mutateAsync } = setQuota
  const saveQuota = useCallback(
    (territoryId: string, amount: number | null) =>
      mutateAsync({ planId, territoryId, amount }),
    [mutateAsync, planId],
  )
  if (dashboard.isPending)
    return <p className="workspace__hint">{t('dashboard.loading')}</p>
  if (dashboard.isError)
    return (
      <div className="workspace__hint" role="alert">
        {t('dashboard.failed', { error: errorMessage(dashboard.error) })}{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void dashboard.refetch()}
        >
          {t('common.tryAgain')}
        </button>
      </div>
    )
  const d = dashboard.data
  const selected =
    d.territories.find((t) => t.territoryId === selectedTerritoryId) ?? null
  return (
    <div className="dashboard" data-testid="dashboard">
      <header className="dashboard__header">
        <h2>{t('dashboard.title')}</h2>
        <p>
          {d.asOf
            ? t('dashboard.window', { month: longMonth(d.asOf) })
            : t('dashboard.noSales')}
          {d.forecast
            ? t('dashboard.forecastsOf', {
                date: formatDay(d.forecast.computedAt.slice(0, 10)),
              })
            : t('dashboard.noForecasts')}
        </p>
      </header>
      <PlanSummary summary={d.summary} />

      <section className="dashboard__section" aria-labelledby="dash-trend">
        <h3 id="dash-trend">
          {t('dashboard.monthlySales')}
          {selected ? (
            <span style={{ color: selected.color }}> · {selected.name}</span>
          ) : null}
        </h3>
        <TrendChart
          months={d.months}
          summary={d.summary}
          territory={selected}
        />
        <p className="dashboard__note">
          {t('dashboard.trendNote')}
          {selected ? '' : t('dashboard.selectToCompare')}
        </p>
      </section>

      <section className="dashboard__section" aria-labelledby="dash-attainment">
        <h3 id="dash-attainment">{t('dashboard.attainmentByTerritory')}</h3>
        <AttainmentChart
          territories={d.territories}
          selectedId={selectedTerritoryId}
          onSelect={onFocusTerritory}
        />
      </section>

      <section className="dashboard__section" aria-labelledby="dash-reps">
        <h3 id="dash-reps">{t('dashboard.reps')}</h3>
        <RepTable
          territories={d.territories}
          selectedId={selectedTerritoryId}
          onSelect={onFocusTerritory}
          canEditQuota={d.canSetQuota}
          savingId={
            setQuota.isPending
              ? (setQuota.variables?.territoryId ?? null)
              : null
          }
          onSaveQuota={saveQuota}
        />
      </section>

      <footer className="dashboard__definitions">
        <p>
          <Trans
            i18nKey="dashboard.definitions"
            components={{ strong: <strong />, em: <em /> }}
          />
        </p>
      </footer>
    </div>
  )
}
