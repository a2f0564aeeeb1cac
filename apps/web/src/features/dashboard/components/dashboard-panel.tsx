import { useCallback } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatDay } from '../../../lib/dates'
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
  const { dashboard, setQuota } = useDashboard(planId, scenarioId)
  const { mutateAsync } = setQuota
  const saveQuota = useCallback(
    (territoryId: string, amount: number | null) =>
      mutateAsync({ planId, territoryId, amount }),
    [mutateAsync, planId],
  )
  if (dashboard.isPending)
    return <p className="workspace__hint">Adding up sales and forecasts…</p>
  if (dashboard.isError)
    return (
      <div className="workspace__hint" role="alert">
        The dashboard could not be loaded: {errorMessage(dashboard.error)}{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void dashboard.refetch()}
        >
          Try again
        </button>
      </div>
    )
  const d = dashboard.data
  const selected =
    d.territories.find((t) => t.territoryId === selectedTerritoryId) ?? null
  return (
    <div className="dashboard" data-testid="dashboard">
      <header className="dashboard__header">
        <h2>Performance</h2>
        <p>
          {d.asOf
            ? `12 months to ${longMonth(d.asOf)}`
            : 'No sales history yet'}
          {d.forecast
            ? ` · forecasts of ${formatDay(d.forecast.computedAt.slice(0, 10))}`
            : ' · no forecasts yet'}
        </p>
      </header>
      <PlanSummary summary={d.summary} />

      <section className="dashboard__section" aria-labelledby="dash-trend">
        <h3 id="dash-trend">
          Monthly sales
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
          Solid: sales. Dashed: the next 12 months’ forecast, spread in last
          year’s monthly shape.
          {selected ? '' : ' Select a territory to compare it.'}
        </p>
      </section>

      <section className="dashboard__section" aria-labelledby="dash-attainment">
        <h3 id="dash-attainment">Attainment by territory</h3>
        <AttainmentChart
          territories={d.territories}
          selectedId={selectedTerritoryId}
          onSelect={onFocusTerritory}
        />
      </section>

      <section className="dashboard__section" aria-labelledby="dash-reps">
        <h3 id="dash-reps">Reps</h3>
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
          <strong>Quota</strong>: set per territory by a planner or manager;
          where none is set, last-12-month sales × 1.05 (marked <em>est.</em>).{' '}
          <strong>Attainment</strong>: sales of the last 12 complete months ÷
          quota. <strong>Forecast</strong>: the sum of the accounts’
          next-12-month forecasts (trend and seasonality from each account’s
          history; a segment prior for accounts with little).{' '}
          <strong>Pipeline (proxy)</strong>: the sum, over accounts, of what the
          forecast expects above the account’s last-12-month sales — growth to
          chase; accounts expected to shrink count 0.
        </p>
      </footer>
    </div>
  )
}
