import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { Trans, useTranslation } from '../../../i18n'
import { useTRPC } from '../../../lib/trpc'
import { formatDay, todayIso } from '../../../lib/dates'
import { formatCount } from '../../../lib/format'

/**
 * The plan's published alignments over time — each with its effective date, who published
 * it, and whether it is in force, scheduled or past — and the alignment in force on any
 * date: which publication, and its territories with their reps and unit counts, and the
 * accounts' owners as a CSV for the CRM.
 */
export function PublicationHistory({
  planId,
  onOpenScenario,
}: {
  planId: string
  onOpenScenario: (scenarioId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const history = useQuery(trpc.reviews.history.queryOptions({ planId }))
  const [date, setDate] = useState(todayIso)
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date)
  const on = useQuery({
    ...trpc.reviews.alignmentOn.queryOptions({ planId, date }),
    enabled: valid,
  })
  const [showTerritories, setShowTerritories] = useState(false)
  // The CSV is asked for only when wanted (it lists every account).
  const queryClient = useQueryClient()
  const exportCsv = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery(
        trpc.reviews.alignmentCsv.queryOptions({ planId, date }),
      ),
    onSuccess: ({ filename, csv }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
      const a = document.createElement('a')
      a.href = url
      a.download = filename.replace(/[\\/:*?"<>|]/g, '-')
      a.click()
      URL.revokeObjectURL(url)
    },
  })

  return (
    <section className="review__section" data-testid="publication-history">
      <h3 className="review__subtitle">{t('review.history.title')}</h3>
      {history.error ? (
        <p className="error-box">{errorMessage(history.error)}</p>
      ) : null}
      <ol className="review__history">
        {(history.data ?? []).map((p) => (
          <li key={p.id} className="review__publication" data-state={p.state}>
            <span
              className={`review__state review__state--${p.state.replace(' ', '-')}`}
            >
              {t(`review.history.state.${p.state}`)}
            </span>
            {p.scenarioId ? (
              <button
                type="button"
                className="review__link"
                onClick={() => onOpenScenario(p.scenarioId!)}
              >
                {p.scenarioName}
              </button>
            ) : (
              <span>{p.scenarioName}</span>
            )}
            <span className="review__muted review__full">
              {t('review.history.from', { date: formatDay(p.effectiveDate) })}
              {p.publishedByName
                ? t('review.history.publishedBy', { name: p.publishedByName })
                : ''}
            </span>
          </li>
        ))}
      </ol>

      <label className="review__field review__field--inline">
        <span>{t('review.history.alignmentOn')}</span>
        <input
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          data-testid="alignment-date"
        />
      </label>
      {on.error ? (
        <p className="error-box">{errorMessage(on.error)}</p>
      ) : on.data === null ? (
        <p className="review__muted" data-testid="alignment-on">
          {t('review.history.none')}
        </p>
      ) : on.data ? (
        <div data-testid="alignment-on">
          <p className="review__meta">
            <Trans
              i18nKey="review.history.inForce"
              values={{
                name: on.data.publication.scenarioName,
                date: formatDay(on.data.publication.effectiveDate),
                territories: t('common.count.territory', {
                  count: on.data.territories.length,
                }),
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          <div className="review__buttons">
            <button
              type="button"
              className="review__link"
              onClick={() => setShowTerritories((s) => !s)}
              aria-expanded={showTerritories}
            >
              {showTerritories
                ? t('review.history.hideTerritories')
                : t('review.history.showTerritories')}
            </button>
            <button
              type="button"
              className="review__link"
              onClick={() => exportCsv.mutate()}
              disabled={exportCsv.isPending}
              data-testid="alignment-csv"
            >
              {exportCsv.isPending
                ? t('review.history.preparing')
                : t('review.history.download')}
            </button>
          </div>
          {exportCsv.error ? (
            <p className="error-box">{errorMessage(exportCsv.error)}</p>
          ) : null}
          {showTerritories ? (
            <table className="review__table">
              <thead>
                <tr>
                  <th>{t('review.history.territory')}</th>
                  <th>{t('review.history.rep')}</th>
                  <th className="num">{t('review.history.units')}</th>
                </tr>
              </thead>
              <tbody>
                {on.data.territories.map((row) => (
                  <tr key={row.id}>
                    <td>{row.name}</td>
                    <td>{row.repName ?? '—'}</td>
                    <td className="num">{formatCount(row.units)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
