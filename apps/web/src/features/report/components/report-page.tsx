import type { PublicUser } from '@tessera/domain'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { formatDay } from '../../../lib/dates'
import { downloadText } from '../../../lib/download'
import { errorMessage } from '../../../lib/errors'
import { formatScenarioStatus } from '../../../lib/format'
import { useReportData } from '../hooks/use-report-data'
import { reportCsv, reportFileName } from '../lib/report-csv'
import { repRows, territoryRows } from '../lib/report-rows'
import { PlanScores } from './plan-scores'
import { RepReportTable } from './rep-report-table'
import { ReportMap } from './report-map'
import { TerritoryReportTable } from './territory-report-table'
import '../report.css'

interface ReportPageProps {
  planId: string
  scenarioId: string
  user: PublicUser
  onBack: () => void
}

const generatedFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})

/**
 * A scenario's report, made to be printed (or saved as a PDF) and read away from the app:
 * the map, the plan's scores, every territory's numbers and every rep's load, and the same
 * tables as CSV. On screen it is a page under the top bar; on paper only the report prints
 * (see `report.css`).
 */
export function ReportPage({
  planId,
  scenarioId,
  user,
  onBack,
}: ReportPageProps) {
  const titleId = useId()
  const data = useReportData(planId, scenarioId)
  const [generatedAt] = useState(() => new Date())
  const { plan, scenario, scores, reps } = data

  const records = scenario?.plan.territories
  const territories = useMemo(
    () =>
      records && reps && scores
        ? territoryRows(records, reps, scores.territories)
        : null,
    [records, reps, scores],
  )
  const repSummary = useMemo(
    () =>
      records && reps && territories
        ? repRows(records, reps, territories)
        : null,
    [records, reps, territories],
  )
  const mapTerritories = useMemo(
    () => (records ?? []).filter((t) => t.kind === 'territory'),
    [records],
  )
  const territoryName = useCallback(
    (id: string) => records?.find((t) => t.id === id)?.name,
    [records],
  )
  const metrics = useMemo(
    () => scores?.settings.metrics.map((m) => m.metric) ?? [],
    [scores],
  )

  const title =
    plan && scenario ? `${plan.name} · ${scenario.scenario.name}` : null
  // The saved PDF takes its name from the page's title.
  useEffect(() => {
    if (!title) return
    const before = document.title
    document.title = `${title} · Report`
    return () => {
      document.title = before
    }
  }, [title])

  const ready = Boolean(title && territories && repSummary && scores)
  const downloadCsv = () => {
    if (!plan || !scenario || !territories || !repSummary) return
    downloadText(
      reportFileName(plan.name, scenario.scenario.name),
      reportCsv(territories, repSummary, metrics),
    )
  }

  return (
    <main
      className="report"
      aria-labelledby={ready ? titleId : undefined}
      aria-label={ready ? undefined : 'Report'}
      data-testid="report"
    >
      <div className="report__toolbar">
        <button
          type="button"
          className="button button--secondary"
          onClick={onBack}
          data-testid="report-back"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10 3 5 8l5 5" />
          </svg>
          Back to the map
        </button>
        <span className="report__toolbar-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={downloadCsv}
            disabled={!ready}
            data-testid="report-csv"
          >
            Download tables (CSV)
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.print()}
            disabled={!ready}
            data-testid="report-print"
          >
            Print / Save as PDF
          </button>
        </span>
      </div>

      {data.error ? (
        <div className="report__status report__status--error">
          <p role="alert">{errorMessage(data.error)}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={data.retry}
          >
            Try again
          </button>
        </div>
      ) : !ready || !plan || !scenario || !scores ? (
        <p className="report__status" role="status">
          <span className="spinner" aria-hidden="true" /> Preparing the report…
        </p>
      ) : (
        <>
          <header className="report__header">
            <p className="report__kicker">Territory plan report</p>
            <h1 id={titleId} className="report__title">
              {plan.name}
            </h1>
            <p className="report__scenario">
              <span data-testid="report-scenario">
                {scenario.scenario.name}
              </span>
              <span className={`badge badge--${scenario.scenario.status}`}>
                {formatScenarioStatus(scenario.scenario.status)}
              </span>
            </p>
            <dl className="report__facts">
              {scenario.scenario.effectiveDate ? (
                <div>
                  <dt>Effective</dt>
                  <dd>{formatDay(scenario.scenario.effectiveDate)}</dd>
                </div>
              ) : null}
              <div>
                <dt>Generated</dt>
                <dd>
                  {generatedFormat.format(generatedAt)} by {user.displayName}
                </dd>
              </div>
            </dl>
          </header>

          <section className="report__overview" aria-label="Map and scores">
            <ReportMap
              layer={data.layer}
              failed={data.layerError !== null}
              assignments={scenario.plan.assignments}
              territories={mapTerritories}
            />
            <PlanScores
              settings={scores.settings}
              plan={scores.plan}
              territories={scores.territories}
              territoryName={territoryName}
            />
          </section>

          <section className="report__section report__section--territories">
            <h2 className="report__heading">Territories</h2>
            <div className="report__scroll">
              <TerritoryReportTable
                rows={territories!}
                metrics={metrics}
                tolerance={scores.settings.tolerance}
                runningHead={`${title} · Territories`}
              />
            </div>
          </section>

          <section className="report__section report__section--reps">
            <h2 className="report__heading">Reps</h2>
            <div className="report__scroll">
              <RepReportTable
                rows={repSummary!}
                runningHead={`${title} · Reps`}
              />
            </div>
          </section>
        </>
      )}
    </main>
  )
}
