import { useId, useState } from 'react'
import { plural } from '../../../lib/format'
import { formatDay, formatWhen, isOverdue } from '../../../lib/dates'
import { AccountMoves } from './account-moves'
import { ChangeMap } from './change-map'
import { MetricTable } from './metric-table'
import type { MyChange } from './my-changes-page'
import { ReviewAnswer } from './review-answer'

const DECISION_LABEL: Record<string, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}

const ANSWER_LABEL: Record<string, string> = {
  pending: 'Awaiting your answer',
  acknowledged: 'You acknowledged',
  objected: 'You objected',
}

/**
 * One proposed change to the rep's territory: what it is and who asks by when, the old and
 * new territory on a map, the figures and accounts that move, and the rep's answer. Once
 * decided, the decision comes first and the rest folds away behind "Show the change".
 */
export function ChangeCard({ change }: { change: MyChange }) {
  const id = useId()
  const { scenario, round, review } = change
  const open = round.status === 'open'
  // A decided change asks nothing more of the rep: its decision shows, its details fold.
  const [showDetails, setShowDetails] = useState(false)
  const overdue =
    open && review?.status === 'pending' && isOverdue(round.dueDate)
  const state = open ? (review?.status ?? 'pending') : (round.status as string)
  const label = open
    ? (ANSWER_LABEL[state] ?? state)
    : (DECISION_LABEL[state] ?? state)
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
        You gain {plural(change.gained.length, 'account')} and lose{' '}
        {plural(change.lost.length, 'account')}.
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
          title="Accounts gained"
          moves={change.gained}
          kind="gained"
        />
        <AccountMoves title="Accounts lost" moves={change.lost} kind="lost" />
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
      {showDetails ? 'Hide the change' : 'Show the change'}
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
          Revision {round.revision} · submitted by{' '}
          {round.submittedByName ?? 'a planner'} {formatWhen(round.submittedAt)}
          {territoryNames ? ` · ${territoryNames}` : ''}
        </p>
        {round.dueDate ? (
          <p
            className={`change-card__due${overdue ? ' change-card__due--overdue' : ''}`}
            data-testid="change-due"
          >
            {open ? 'Review by ' : 'Review deadline '}
            <strong>{formatDay(round.dueDate)}</strong>
            {overdue ? ' · overdue' : ''}
          </p>
        ) : null}
        {round.note ? (
          <blockquote className="change-card__note">
            <span className="visually-hidden">Note from the planner: </span>
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
