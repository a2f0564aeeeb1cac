import type { ReactNode } from 'react'
import { formatWhen } from '../../../lib/dates'
import type { MyChange } from './my-changes-page'

type Review = NonNullable<MyChange['review']>

const GIVEN: Record<string, string> = {
  acknowledged: 'You acknowledged this change',
  objected: 'You objected to this change',
  pending: 'You did not answer',
}

/** The rep's own answer: what, when, and their comment. */
export function GivenAnswer({
  review,
  open,
  children,
}: {
  review: Review
  open: boolean
  children?: ReactNode
}) {
  return (
    <div
      className={`review-answer__given review-answer__given--${review.status}`}
      data-testid="given-answer"
    >
      <p>
        <strong>{GIVEN[review.status] ?? review.status}</strong>
        {review.decidedAt ? ` · ${formatWhen(review.decidedAt)}` : ''}
      </p>
      {review.comment ? (
        <blockquote className="review-answer__comment">
          {review.comment}
        </blockquote>
      ) : null}
      {open ? (
        <p className="review-answer__muted">
          You can change your answer until a manager decides.
        </p>
      ) : null}
      {children}
    </div>
  )
}

/** What became of a round that is no longer open: approved, rejected or withdrawn. */
export function Decision({ round }: { round: MyChange['round'] }) {
  const who = round.decidedByName ?? 'a manager'
  const text =
    round.status === 'approved'
      ? `Approved by ${who}. The change takes effect when it is published.`
      : round.status === 'rejected'
        ? `Rejected by ${who}. Your territory stays as it is unless a revised change is submitted.`
        : `Withdrawn: ${round.decidedByName ?? 'the planner'} reopened it as a draft. If it is submitted again, it comes back here as a new revision.`
  return (
    <div
      className={`review-answer__decision review-answer__decision--${round.status}`}
      data-testid="decision"
    >
      <p>{text}</p>
      {round.decisionReason ? (
        <blockquote className="review-answer__comment">
          {round.decisionReason}
        </blockquote>
      ) : null}
    </div>
  )
}
