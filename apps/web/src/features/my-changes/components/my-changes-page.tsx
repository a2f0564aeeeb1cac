import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { errorMessage } from '../../../lib/errors'
import { type RouterOutputs, useTRPC } from '../../../lib/trpc'
import { orderChanges } from '../lib/order-changes'
import { useTranslation } from '../../../i18n'
import { ChangeCard } from './change-card'
import '../my-changes.css'

/** One change to a rep's own territory, as `reviews.myChanges` returns it. */
export type MyChange = RouterOutputs['reviews']['myChanges'][number]

/**
 * A rep's "My changes": every proposed change to their territory that a planner submitted
 * for review, each with its map, figures and accounts, and the rep's answer; the ones
 * still open first, those already decided below. The app's top bar sits around it.
 */
export function MyChangesPage({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const titleId = useId()
  const changes = useQuery(trpc.reviews.myChanges.queryOptions())
  const ordered = useMemo(
    () => orderChanges(changes.data ?? []),
    [changes.data],
  )

  return (
    <main
      className="my-changes"
      aria-labelledby={titleId}
      data-testid="my-changes"
    >
      <header className="my-changes__header">
        <h1 id={titleId} className="my-changes__title">
          {t('myChanges.title')}
        </h1>
        <button
          type="button"
          className="button button--secondary my-changes__back"
          onClick={onBack}
          data-testid="my-changes-back"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10 3 5 8l5 5" />
          </svg>
          {t('myChanges.back')}
        </button>
      </header>

      {changes.isPending ? (
        <p className="my-changes__status" role="status">
          <span className="spinner" aria-hidden="true" />{' '}
          {t('myChanges.loading')}
        </p>
      ) : changes.isError ? (
        <div className="my-changes__status my-changes__status--error">
          <p role="alert">{errorMessage(changes.error)}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void changes.refetch()}
          >
            {t('common.tryAgain')}
          </button>
        </div>
      ) : ordered.length === 0 ? (
        <section className="my-changes__empty" data-testid="my-changes-empty">
          <h2>{t('myChanges.noneTitle')}</h2>
          <p>{t('myChanges.noneText')}</p>
        </section>
      ) : (
        // One keyed list, the "Decided" heading among the cards: a card whose round is
        // decided while it is open moves down without being remounted, so what it was
        // showing (the refusal of a late answer) stays.
        <div className="my-changes__list">
          {ordered[0]!.round.status !== 'open' ? (
            <p className="my-changes__caught-up">{t('myChanges.caughtUp')}</p>
          ) : null}
          {ordered.flatMap((c, i) => [
            ...(c.round.status !== 'open' &&
            (i === 0 || ordered[i - 1]!.round.status === 'open')
              ? [
                  <h2 key="decided" className="my-changes__subtitle">
                    {t('myChanges.decided')}
                  </h2>,
                ]
              : []),
            <ChangeCard key={c.round.id} change={c} />,
          ])}
        </div>
      )}
    </main>
  )
}
