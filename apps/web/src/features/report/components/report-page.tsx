import type { PublicUser } from '@tessera/domain'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { dateFormat, formatDay } from '../../../lib/dates'
import { useTranslation } from '../../../i18n'
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
  const { t } = useTranslation()
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
    document.title = t('report.documentTitle', { title })
    return () => {
      document.title = before
    }
  }, [title, t])

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
      aria-label={ready ? undefined : t('report.label')}
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
          {t('report.back')}
        </button>
        <span className="report__toolbar-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={downloadCsv}
            disabled={!ready}
            data-testid="report-csv"
          >
            {t('report.downloadCsv')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.print()}
            disabled={!ready}
            data-testid="report-print"
          >
            {t('report.print')}
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
            {t('common.tryAgain')}
          </button>
        </div>
      ) : !ready || !plan || !scenario || !scores ? (
        <p className="report__status" role="status">
          <span className="spinner" aria-hidden="true" />{' '}
          {t('report.preparing')}
        </p>
      ) : (
        <>
          <header className="report__header">
            <p className="report__kicker">{t('report.kicker')}</p>
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
                  <dt>{t('report.effective')}</dt>
                  <dd>{formatDay(scenario.scenario.effectiveDate)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('report.generated')}</dt>
                <dd>
                  {t('report.generatedBy', {
                    when: dateFormat('generated', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }).format(generatedAt),
                    name: user.displayName,
                  })}
                </dd>
              </div>
            </dl>
          </header>

          <section
            className="report__overview"
            aria-label={t('report.overview')}
          >
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
            <h2 className="report__heading">{t('report.territories')}</h2>
            <div className="report__scroll">
              <TerritoryReportTable
                rows={territories!}
                metrics={metrics}
                tolerance={scores.settings.tolerance}
                runningHead={t('report.runningHead', {
                  title: title ?? '',
                  section: t('report.territories'),
                })}
              />
            </div>
          </section>

          <section className="report__section report__section--reps">
            <h2 className="report__heading">{t('report.reps')}</h2>
            <div className="report__scroll">
              <RepReportTable
                rows={repSummary!}
                runningHead={t('report.runningHead', {
                  title: title ?? '',
                  section: t('report.reps'),
                })}
              />
            </div>
          </section>
        </>
      )}
    </main>
  )
}
