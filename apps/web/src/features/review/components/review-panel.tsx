import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PublicUser } from '@tessera/domain'
import { useId, useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatScenarioStatus } from '../../../lib/format'
import { Trans, useTranslation } from '../../../i18n'
import { useTRPC } from '../../../lib/trpc'
import { addDays, formatDay, formatWhen, todayIso } from '../../../lib/dates'
import { PublicationHistory } from './publication-history'
import '../review.css'

/**
 * A scenario's way to publication, in the side panel: submit a draft for review; while in
 * review, every affected rep's answer (live), the manager's approve or reject, and reopen
 * to revise; once approved, publish from an effective date (or schedule it); earlier
 * revisions with their decisions; and the plan's published alignments over time. Buttons
 * follow the role, and the server checks every action again (reviews router).
 */
export function ReviewPanel({
  planId,
  scenarioId,
  user,
  onOpenScenario,
  onMyChanges,
  onCompare,
}: {
  planId: string
  scenarioId: string
  user: PublicUser
  onOpenScenario: (scenarioId: string) => void
  onMyChanges: () => void
  /** Shows what the scenario changes against the published alignment. */
  onCompare: (scenarioId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const formId = useId()
  const status = useQuery(trpc.reviews.status.queryOptions({ scenarioId }))
  const refresh = () => {
    for (const queryKey of [
      trpc.reviews.pathKey(),
      trpc.plans.list.pathKey(),
      trpc.scenarios.list.pathKey(),
    ])
      void queryClient.invalidateQueries({ queryKey })
  }
  const options = { onSuccess: refresh }
  const submit = useMutation(trpc.reviews.submit.mutationOptions(options))
  const reopen = useMutation(trpc.reviews.reopen.mutationOptions(options))
  const decide = useMutation(trpc.reviews.decide.mutationOptions(options))
  const publish = useMutation(trpc.reviews.publish.mutationOptions(options))

  const [dueDate, setDueDate] = useState(() => addDays(todayIso(), 7))
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const [acceptPending, setAcceptPending] = useState(false)
  const [effectiveDate, setEffectiveDate] = useState(todayIso)

  const staff = user.role !== 'rep'
  const manager = user.role === 'manager' || user.role === 'admin'
  const scenario = status.data?.scenario
  const rounds = status.data?.rounds ?? []
  const open = rounds.find((r) => r.status === 'open')
  const latest = rounds[0]
  const pending = open?.reviews.filter((r) => r.status === 'pending') ?? []
  const failed = [submit, reopen, decide, publish].find((m) => m.error)?.error

  if (status.isPending)
    return <p className="review__muted">{t('review.loading')}</p>
  if (status.error || !scenario)
    return (
      <p className="error-box" role="alert">
        {errorMessage(status.error)}
      </p>
    )

  return (
    <div className="review" data-testid="review-panel">
      <section className="review__section">
        <header className="review__head">
          <h3 className="review__title">{scenario.name}</h3>
          <span
            className={`badge badge--${scenario.status}`}
            data-testid="review-status"
          >
            {formatScenarioStatus(scenario.status)}
          </span>
        </header>

        {scenario.status === 'draft' && staff ? (
          <form
            className="review__form"
            onSubmit={(e) => {
              e.preventDefault()
              submit.mutate({ scenarioId, dueDate, note: note || undefined })
            }}
          >
            <p className="review__muted">{t('review.submitHint')}</p>
            <label className="review__field">
              <span>{t('review.deadline')}</span>
              <input
                type="date"
                value={dueDate}
                min={todayIso()}
                required
                onChange={(e) => setDueDate(e.target.value)}
                data-testid="review-due"
              />
            </label>
            <label className="review__field">
              <span>{t('review.note')}</span>
              <textarea
                value={note}
                maxLength={2000}
                rows={2}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <button
              type="submit"
              className="button button--primary"
              disabled={submit.isPending}
              data-testid="submit-review"
            >
              {submit.isPending ? t('review.submitting') : t('review.submit')}
            </button>
          </form>
        ) : null}

        {open ? (
          <div className="review__round" data-testid="open-round">
            <p className="review__meta">
              {t('review.submittedBy', {
                revision: open.revision,
                name: open.submittedByName ?? t('review.someone'),
                when: formatWhen(open.submittedAt),
              })}
              {open.dueDate ? (
                <>
                  {t('review.reviewBy')}
                  <strong
                    className={
                      open.dueDate < todayIso() ? 'review__overdue' : undefined
                    }
                  >
                    {formatDay(open.dueDate)}
                  </strong>
                </>
              ) : null}
            </p>
            {open.note ? <p className="review__note">{open.note}</p> : null}
            {staff ? (
              <button
                type="button"
                className="review__link"
                onClick={() => onCompare(scenarioId)}
                data-testid="review-compare"
              >
                {t('review.compare')}
              </button>
            ) : null}
            {status.data.changedSinceSubmit ? (
              <p className="review__warning" role="alert">
                {t('review.changedSinceSubmit')}
              </p>
            ) : null}
            <ReviewList reviews={open.reviews} />
          </div>
        ) : null}

        {open && manager ? (
          <div className="review__actions">
            {pending.length > 0 ? (
              <label className="review__check">
                <input
                  type="checkbox"
                  checked={acceptPending}
                  onChange={(e) => setAcceptPending(e.target.checked)}
                />
                {t('review.approveWithout', {
                  reps: t('common.count.rep', { count: pending.length }),
                })}
              </label>
            ) : null}
            {rejecting ? (
              <form
                id={`${formId}-reject`}
                className="review__form"
                onSubmit={(e) => {
                  e.preventDefault()
                  decide.mutate(
                    {
                      scenarioId,
                      roundId: open.id,
                      decision: 'reject',
                      reason,
                    },
                    { onSuccess: () => setRejecting(false) },
                  )
                }}
              >
                <label className="review__field">
                  <span>{t('review.rejectWhy')}</span>
                  <textarea
                    value={reason}
                    required
                    maxLength={2000}
                    rows={3}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="reject-reason"
                  />
                </label>
                <div className="review__buttons">
                  <button
                    type="submit"
                    className="button button--danger"
                    disabled={decide.isPending || reason.trim() === ''}
                    data-testid="confirm-reject"
                  >
                    {t('review.reject')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setRejecting(false)}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              </form>
            ) : (
              <div className="review__buttons">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={
                    decide.isPending ||
                    status.data.changedSinceSubmit ||
                    (pending.length > 0 && !acceptPending)
                  }
                  onClick={() =>
                    decide.mutate({
                      scenarioId,
                      roundId: open.id,
                      decision: 'approve',
                      acceptPending,
                    })
                  }
                  data-testid="approve"
                >
                  {t('review.approve')}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setRejecting(true)}
                  data-testid="reject"
                >
                  {t('review.rejectOpen')}
                </button>
              </div>
            )}
          </div>
        ) : null}

        {scenario.status === 'approved' && latest ? (
          <p className="review__meta">
            {t('review.approvedBy', {
              name: latest.decidedByName ?? t('review.aManager'),
              when: latest.decidedAt ? formatWhen(latest.decidedAt) : '',
            })}
          </p>
        ) : null}

        {scenario.status === 'approved' && manager ? (
          <form
            className="review__form"
            onSubmit={(e) => {
              e.preventDefault()
              publish.mutate({ scenarioId, effectiveDate })
            }}
          >
            <label className="review__field">
              <span>{t('review.effectiveDate')}</span>
              <input
                type="date"
                value={effectiveDate}
                required
                onChange={(e) => setEffectiveDate(e.target.value)}
                data-testid="effective-date"
              />
            </label>
            <p className="review__muted">
              {effectiveDate > todayIso()
                ? t('review.publishLater', { date: formatDay(effectiveDate) })
                : t('review.publishNow')}
            </p>
            <button
              type="submit"
              className="button button--primary"
              disabled={publish.isPending}
              data-testid="publish"
            >
              {effectiveDate > todayIso()
                ? t('review.schedule')
                : t('review.publish')}
            </button>
          </form>
        ) : null}

        {scenario.status === 'scheduled' ? (
          <p className="review__meta">
            <Trans
              i18nKey="review.takesEffect"
              values={{
                date: scenario.effectiveDate
                  ? formatDay(scenario.effectiveDate)
                  : '—',
              }}
              components={{ strong: <strong /> }}
            />
          </p>
        ) : null}
        {scenario.status === 'published' ? (
          <p className="review__meta">
            {scenario.effectiveDate
              ? t('review.publishedSince', {
                  date: formatDay(scenario.effectiveDate),
                })
              : t('review.published')}
          </p>
        ) : null}

        {staff &&
        (scenario.status === 'in_review' ||
          scenario.status === 'approved' ||
          (scenario.status === 'scheduled' && manager)) ? (
          <button
            type="button"
            className="button"
            disabled={reopen.isPending}
            onClick={() => reopen.mutate({ scenarioId })}
            data-testid="reopen"
          >
            {scenario.status === 'scheduled'
              ? t('review.cancelSchedule')
              : t('review.reopen')}
          </button>
        ) : null}

        {user.role === 'rep' && open && open.reviews.length > 0 ? (
          <button
            type="button"
            className="button button--primary"
            onClick={onMyChanges}
          >
            {t('review.reviewYours')}
          </button>
        ) : null}

        {failed ? (
          <p className="error-box" role="alert" data-testid="review-error">
            {errorMessage(failed)}
          </p>
        ) : null}
      </section>

      {rounds.some((r) => r.status !== 'open') ? (
        <section className="review__section">
          <h3 className="review__subtitle">{t('review.earlier')}</h3>
          <ol className="review__rounds">
            {rounds
              .filter((r) => r.status !== 'open')
              .map((r) => (
                <li key={r.id} className="review__past">
                  <p className="review__meta">
                    <strong>
                      {t('review.revision', { revision: r.revision })}
                    </strong>{' '}
                    · {t(`review.round.${r.status}`)}
                    {r.decidedByName
                      ? t('review.decidedBy', { name: r.decidedByName })
                      : ''}
                    {r.decidedAt ? ` ${formatWhen(r.decidedAt)}` : ''}
                  </p>
                  {r.decisionReason ? (
                    <p className="review__note">{r.decisionReason}</p>
                  ) : null}
                  <ReviewList reviews={r.reviews} compact />
                </li>
              ))}
          </ol>
        </section>
      ) : null}

      <PublicationHistory planId={planId} onOpenScenario={onOpenScenario} />
    </div>
  )
}

interface RepAnswer {
  id: string
  repName: string
  status: string
  comment: string | null
  reviewerName: string | null
  decidedAt: string | null
  hasLogin: boolean
}

/** Each rep's answer: who, what, their comment, when. */
function ReviewList({
  reviews,
  compact = false,
}: {
  reviews: readonly RepAnswer[]
  compact?: boolean
}) {
  const { t } = useTranslation()
  if (reviews.length === 0)
    return <p className="review__muted">{t('review.noChanges')}</p>
  return (
    <ul className="review__reps" data-testid="rep-reviews">
      {reviews.map((r) => (
        <li
          key={r.id}
          className="review__rep"
          data-testid="rep-review"
          data-status={r.status}
        >
          <span className="review__rep-name">{r.repName}</span>
          <span className={`review__answer review__answer--${r.status}`}>
            {r.status === 'pending' ||
            r.status === 'acknowledged' ||
            r.status === 'objected'
              ? t(`review.answer.${r.status}`)
              : r.status}
          </span>
          {!compact && r.decidedAt ? (
            <span className="review__when">{formatWhen(r.decidedAt)}</span>
          ) : null}
          {!r.hasLogin && r.status === 'pending' ? (
            <span className="review__muted review__full">
              {t('review.noLogin')}
            </span>
          ) : null}
          {r.comment ? (
            <q className="review__comment review__full">{r.comment}</q>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
