import { useId, useState } from 'react'
import { i18n, useTranslation } from '../../../i18n'
import { formatDay, formatWhen, isOverdue } from '../../../lib/dates'
import { AccountMoves } from './account-moves'
import { ChangeMap } from './change-map'
import { MetricTable } from './metric-table'
import type { MyChange } from './my-changes-page'
import { ReviewAnswer } from './review-answer'

/** A card's badge: the rep's answer while open, the decision after (active language). */
function stateLabel(open: boolean, state: string): string {
  const labels: Record<string, string> = i18n.t(
    open ? 'myChanges.answerState' : 'myChanges.decision',
    { returnObjects: true },
  )
  return labels[state] ?? state
}

/**
 * One proposed change to the rep's territory: what it is and who asks by when, the old and
 * new territory on a map, the figures and accounts that move, and the rep's answer. Once
 * decided, the decision comes first and the rest folds away behind "Show the change".
 */
export function ChangeCard({ change }: { change: MyChange }) {
  const { t } = useTranslation()
  const id = useId()
  const { scenario, round, review } = change
  const open = round.status === 'open'
  // A decided change asks nothing more of the rep: its decision shows, its details fold.
  const [showDetails, setShowDetails] = useState(false)
  const overdue =
    open && review?.status === 'pending' && isOverdue(round.dueDate)
  const state = open ? (review?.status ?? 'pending') : (round.status as string)
  const label = stateLabel(open, state)
  const color =
    change.territoriesAfter[0]?.color ?? change.territoriesBefore[0]?.color
  const territoryNames = [
    ...new Set(
      [...change.territoriesBefore, ...change.territoriesAfter].map(
        (t) => t.name,
      ),
    ),
  ].join(', ')

  const details = (
    <div key="details" className="change-card__details" id={`${id}-details`}>
      <p className="change-card__summary">
        {t('myChanges.summary', {
          gained: t('common.count.account', { count: change.gained.length }),
          lost: t('common.count.account', { count: change.lost.length }),
        })}
      </p>
      <div className="change-card__overview">
        <ChangeMap
          planId={scenario.planId}
          unitsBefore={change.unitsBefore}
          unitsAfter={change.unitsAfter}
          color={color}
        />
        <MetricTable before={change.before} after={change.after} />
      </div>
      <div className="change-card__accounts">
        <AccountMoves
          title={t('myChanges.gainedTitle')}
          moves={change.gained}
          kind="gained"
        />
        <AccountMoves
          title={t('myChanges.lostTitle')}
          moves={change.lost}
          kind="lost"
        />
      </div>
    </div>
  )
  // Keyed, so the answer keeps its state (a refusal's message) when a decision arriving
  // moves it from the bottom of the card to the top.
  const answer = <ReviewAnswer key="answer" change={change} />
  const toggle = (
    <button
      key="toggle"
      type="button"
      className="button button--secondary change-card__toggle"
      aria-expanded={showDetails}
      aria-controls={showDetails ? `${id}-details` : undefined}
      onClick={() => setShowDetails((v) => !v)}
      data-testid="toggle-details"
    >
      {showDetails ? t('myChanges.hideChange') : t('myChanges.showChange')}
    </button>
  )

  return (
    <article
      className={`change-card${open ? '' : ' change-card--decided'}`}
      aria-labelledby={`${id}-title`}
      data-testid="change-card"
      data-round-status={round.status}
    >
      <header className="change-card__head">
        <div className="change-card__title-row">
          <h2 id={`${id}-title`} className="change-card__title">
            {scenario.name}
          </h2>
          <span
            className={`change-card__badge change-card__badge--${state}`}
            data-testid="change-state"
          >
            {label}
          </span>
        </div>
        <p className="change-card__meta">
          {t('myChanges.meta', {
            revision: round.revision,
            name: round.submittedByName ?? t('myChanges.aPlanner'),
            when: formatWhen(round.submittedAt),
          })}
          {territoryNames ? ` · ${territoryNames}` : ''}
        </p>
        {round.dueDate ? (
          <p
            className={`change-card__due${overdue ? ' change-card__due--overdue' : ''}`}
            data-testid="change-due"
          >
            {open ? t('myChanges.reviewBy') : t('myChanges.reviewDeadline')}
            <strong>{formatDay(round.dueDate)}</strong>
            {overdue ? t('myChanges.overdue') : ''}
          </p>
        ) : null}
        {round.note ? (
          <blockquote className="change-card__note">
            <span className="visually-hidden">{t('myChanges.noteFrom')}</span>
            {round.note}
          </blockquote>
        ) : null}
      </header>

      {open
        ? [details, answer]
        : [answer, toggle, showDetails ? details : null]}
    </article>
  )
}
