import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatCount } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { Decision, GivenAnswer } from './answer-summary'
import { useTranslation } from '../../../i18n'
import type { MyChange } from './my-changes-page'

/** The server's limit for a comment (reviews router, `answer`). */
const MAX_COMMENT = 4000

/**
 * The rep's answer to one change. While the round is open: acknowledge, or object with a
 * comment; once answered, the answer with its comment and time, which the rep may change
 * until a manager decides. Once decided: the decision, by whom and why, and no buttons.
 * The server checks all of it again; its refusals (a manager decided meanwhile) are shown.
 */
export function ReviewAnswer({ change }: { change: MyChange }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const id = useId()
  const { scenario, round, review } = change
  const open = round.status === 'open'
  const [changing, setChanging] = useState(false)
  const [objecting, setObjecting] = useState(false)
  const [comment, setComment] = useState('')
  const [missing, setMissing] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)

  const refresh = () => {
    void queryClient.invalidateQueries({
      queryKey: trpc.reviews.status.pathKey(),
    })
    return queryClient.invalidateQueries({
      queryKey: trpc.reviews.myChanges.pathKey(),
    })
  }
  const answer = useMutation(
    trpc.reviews.answer.mutationOptions({
      // Wait for the refetch, so the new answer shows the moment the buttons go.
      onSuccess: async () => {
        await refresh()
        setChanging(false)
        setObjecting(false)
        setMissing(false)
      },
      // A refusal may mean the round was decided meanwhile: show how things stand now.
      onError: () => void refresh(),
    }),
  )

  useEffect(() => {
    if (objecting) textarea.current?.focus()
  }, [objecting])

  const acknowledge = () =>
    answer.mutate({
      scenarioId: scenario.id,
      roundId: round.id,
      status: 'acknowledged',
    })
  const sendObjection = () => {
    const text = comment.trim()
    if (!text) {
      setMissing(true)
      textarea.current?.focus()
      return
    }
    answer.mutate({
      scenarioId: scenario.id,
      roundId: round.id,
      status: 'objected',
      comment: text,
    })
  }
  const startObjecting = () => {
    setComment(review?.status === 'objected' ? (review.comment ?? '') : '')
    setMissing(false)
    answer.reset()
    setObjecting(true)
  }
  const choosing =
    open && review !== null && (review.status === 'pending' || changing)
  const sending = answer.isPending ? answer.variables.status : null

  return (
    <section
      className="review-answer"
      aria-labelledby={`${id}-title`}
      data-testid="review-answer"
    >
      <h3 id={`${id}-title`} className="review-answer__title">
        {open ? t('myChanges.answer.yours') : t('myChanges.answer.decision')}
      </h3>

      {!open ? <Decision round={round} /> : null}

      {review === null ? (
        <p className="review-answer__muted">{t('myChanges.answer.notAsked')}</p>
      ) : choosing ? (
        objecting ? (
          <form
            className="review-answer__form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              sendObjection()
            }}
          >
            <label htmlFor={`${id}-comment`} className="review-answer__label">
              {t('myChanges.answer.whatObject')}
            </label>
            <p id={`${id}-hint`} className="review-answer__muted">
              {t('myChanges.answer.objectHint')}
            </p>
            <textarea
              id={`${id}-comment`}
              ref={textarea}
              className="review-answer__textarea"
              value={comment}
              required
              maxLength={MAX_COMMENT}
              rows={4}
              aria-invalid={missing}
              aria-describedby={`${id}-hint ${id}-count${missing ? ` ${id}-missing` : ''}`}
              onChange={(e) => {
                setComment(e.target.value)
                if (e.target.value.trim()) setMissing(false)
              }}
              data-testid="objection-comment"
            />
            <p id={`${id}-count`} className="review-answer__count">
              {formatCount(comment.length)} / {formatCount(MAX_COMMENT)}
            </p>
            {missing ? (
              <p
                id={`${id}-missing`}
                className="review-answer__error"
                role="alert"
                data-testid="objection-missing"
              >
                {/* The server's words for an empty objection, said before asking it. */}
                {t('myChanges.answer.needsComment')}
              </p>
            ) : null}
            <div className="review-answer__buttons">
              <button
                type="submit"
                className="button button--danger review-answer__big"
                disabled={sending !== null}
                data-testid="send-objection"
              >
                {sending === 'objected'
                  ? t('myChanges.answer.sending')
                  : t('myChanges.answer.sendObjection')}
              </button>
              <button
                type="button"
                className="button button--secondary review-answer__big"
                disabled={sending !== null}
                onClick={() => {
                  setObjecting(false)
                  setMissing(false)
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="review-answer__muted">
              {t('myChanges.answer.intro')}
            </p>
            <div className="review-answer__buttons">
              <button
                type="button"
                className="button button--primary review-answer__big"
                disabled={sending !== null}
                onClick={acknowledge}
                data-testid="acknowledge"
              >
                {sending === 'acknowledged'
                  ? t('myChanges.answer.sending')
                  : t('myChanges.answer.acknowledge')}
              </button>
              <button
                type="button"
                className="button button--secondary review-answer__big"
                disabled={sending !== null}
                onClick={startObjecting}
                data-testid="object"
              >
                {t('myChanges.answer.object')}
              </button>
            </div>
            {changing ? (
              <button
                type="button"
                className="button button--ghost review-answer__keep"
                onClick={() => setChanging(false)}
              >
                {t('myChanges.answer.keep')}
              </button>
            ) : null}
          </>
        )
      ) : (
        <GivenAnswer review={review} open={open}>
          {open ? (
            <button
              type="button"
              className="button button--secondary review-answer__big"
              onClick={() => {
                answer.reset()
                setObjecting(false)
                setChanging(true)
              }}
              data-testid="change-answer"
            >
              {t('myChanges.answer.change')}
            </button>
          ) : null}
        </GivenAnswer>
      )}

      {answer.error ? (
        <p
          className="review-answer__error"
          role="alert"
          data-testid="answer-error"
        >
          {errorMessage(answer.error)}
        </p>
      ) : null}
    </section>
  )
}
