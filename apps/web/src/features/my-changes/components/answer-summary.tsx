import type { ReactNode } from 'react'
import { formatWhen } from '../../../lib/dates'
import type { MyChange } from './my-changes-page'
import { useTranslation } from '../../../i18n'

type Review = NonNullable<MyChange['review']>

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
  const { t } = useTranslation()
  const given: Record<string, string> = t('myChanges.given', {
    returnObjects: true,
  })
  return (
    <div
      className={`review-answer__given review-answer__given--${review.status}`}
      data-testid="given-answer"
    >
      <p>
        <strong>{given[review.status] ?? review.status}</strong>
        {review.decidedAt ? ` · ${formatWhen(review.decidedAt)}` : ''}
      </p>
      {review.comment ? (
        <blockquote className="review-answer__comment">
          {review.comment}
        </blockquote>
      ) : null}
      {open ? (
        <p className="review-answer__muted">{t('myChanges.canChange')}</p>
      ) : null}
      {children}
    </div>
  )
}

/** What became of a round that is no longer open: approved, rejected or withdrawn. */
export function Decision({ round }: { round: MyChange['round'] }) {
  const { t } = useTranslation()
  const who = round.decidedByName ?? t('myChanges.aManager')
  const text =
    round.status === 'approved'
      ? t('myChanges.approved', { who })
      : round.status === 'rejected'
        ? t('myChanges.rejected', { who })
        : t('myChanges.withdrawn', {
            who: round.decidedByName ?? t('myChanges.thePlanner'),
          })
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
