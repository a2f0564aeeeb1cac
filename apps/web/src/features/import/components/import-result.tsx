import { useEffect, useRef } from 'react'
import { csvTable } from '@tessera/domain'
import { downloadText } from '../../../lib/download'
import { formatCount } from '../../../lib/format'
import type { ImportReport } from '../lib/upload'
import { useTranslation } from '../../../i18n'

/** Shown problems: enough to see the pattern; the download has every listed one. */
const SHOWN = 100

/**
 * An import's outcome: what was written, how accounts were placed, the problems grouped by
 * column and reason, and each bad row (line, column, value, reason) with a CSV download, so
 * the file can be fixed at its source.
 */
export function ImportResult({
  report,
  onShowOnMap,
}: {
  report: ImportReport
  onShowOnMap?: (box: [number, number, number, number]) => void
}) {
  const { t } = useTranslation()
  // The outcome appears below the form: bring it into view.
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [report])
  const ok = report.status === 'imported' || report.status === 'validated'
  const download = () => {
    const text = csvTable(
      ['line', 'column', 'value', 'reason'],
      report.problems.map((p) => [p.line, p.column, p.value, p.reason]),
    )
    downloadText(`import-problems-${report.runId}.csv`, text)
  }
  return (
    <section ref={ref} className="import-result" data-testid="import-result">
      <p
        className={
          ok && report.rejected === 0 ? 'import-result__ok' : 'error-box'
        }
        data-testid="import-message"
        data-status={report.status}
      >
        {report.message}
      </p>
      <dl className="import-result__counts">
        <div>
          <dt>{t('importing.result.rowsRead')}</dt>
          <dd>{formatCount(report.rows)}</dd>
        </div>
        <div>
          <dt>
            {report.dryRun
              ? t('importing.result.wouldAdd')
              : t('importing.result.added')}
          </dt>
          <dd data-testid="import-inserted">{formatCount(report.inserted)}</dd>
        </div>
        <div>
          <dt>
            {report.dryRun
              ? t('importing.result.wouldUpdate')
              : t('importing.result.updated')}
          </dt>
          <dd>{formatCount(report.updated)}</dd>
        </div>
        <div>
          <dt>{t('importing.result.rowsWithProblems')}</dt>
          <dd data-testid="import-rejected">{formatCount(report.rejected)}</dd>
        </div>
      </dl>
      {report.placement ? (
        <p className="import-result__placement">
          {report.placement.outsideUnits > 0
            ? t('importing.result.placedOutside', {
                coordinates: formatCount(report.placement.byCoordinates),
                zip: formatCount(report.placement.byZip),
                outside: formatCount(report.placement.outsideUnits),
              })
            : t('importing.result.placed', {
                coordinates: formatCount(report.placement.byCoordinates),
                zip: formatCount(report.placement.byZip),
              })}
          {onShowOnMap &&
          report.placement.bbox &&
          report.status === 'imported' ? (
            <>
              {' '}
              <button
                type="button"
                className="button button--small"
                data-testid="import-show-on-map"
                onClick={() => onShowOnMap(report.placement!.bbox!)}
              >
                {t('importing.result.showOnMap')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {report.problemSummary.length > 0 ? (
        <>
          <h3>{t('importing.result.byColumn')}</h3>
          <table className="import-table">
            <tbody>
              {report.problemSummary.map((s) => (
                <tr key={`${s.column}|${s.reason}`}>
                  <td className="num">{formatCount(s.count)}</td>
                  <td>{s.column}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>
            {t('importing.result.rowsWithProblems')}
            {report.problemCount > SHOWN
              ? t('importing.result.firstOf', {
                  shown: formatCount(Math.min(SHOWN, report.problems.length)),
                  total: formatCount(report.problemCount),
                })
              : ''}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={download}
              data-testid="import-problems-csv"
            >
              {t('importing.result.download')}
            </button>
          </h3>
          <div className="import-table__scroll">
            <table className="import-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">{t('importing.result.line')}</th>
                  <th scope="col">{t('importing.result.column')}</th>
                  <th scope="col">{t('importing.result.value')}</th>
                  <th scope="col">{t('importing.result.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.slice(0, SHOWN).map((p, i) => (
                  <tr key={i}>
                    <td className="num">{p.line}</td>
                    <td>{p.column}</td>
                    <td className="import-table__value">
                      {p.value === '' ? (
                        <em>{t('importing.result.empty')}</em>
                      ) : (
                        p.value
                      )}
                    </td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  )
}
