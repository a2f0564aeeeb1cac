import { useMutation, useQuery } from '@tanstack/react-query'
import type { PublicUser, RichTextDoc, TerritoryRecord } from '@tessera/domain'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { i18n, useTranslation } from '../../../i18n'
import { timeAgo } from '../lib/format'
import { RichTextEditor } from './rich-text-editor'
import { RichTextView } from './rich-text-view'
import { TaskForm } from './task-form'

type Filter = 'open' | 'resolved' | 'mine' | 'territory'
import { ErrorNote } from './error-note'

/**
 * The plan's discussion: threads on territories, units, pins and the scenario, newest
 * activity first, filtered (open, resolved, mine, this territory); one opens in place with
 * its replies, resolve / reopen, and "make a task". New threads attach to the selected
 * territory, or to the scenario when none is selected. Live: the lists refetch when the
 * server says a thread changed (see useLiveCollab).
 */
export function DiscussionPanel({
  planId,
  scenarioId,
  user,
  territories,
  selectedTerritoryId,
  openThreadId,
  onOpenThread,
  onShowTerritory,
  selectedUnitId,
  unitName,
  pin,
}: {
  planId: string
  scenarioId: string | null
  user: PublicUser
  territories: readonly TerritoryRecord[]
  selectedTerritoryId: string | null
  openThreadId: string | null
  onOpenThread: (threadId: string | null) => void
  onShowTerritory: (territoryId: string) => void
  /** The one unit selected on the map, if exactly one is: a thread can attach to it. */
  selectedUnitId: string | null
  unitName: (unitId: string) => string | null
  /** Placing a pin on the map for a new thread (the map takes the click). */
  pin: PinPlacement
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [chosen, setFilter] = useState<Filter>('open')
  // "This territory" with no territory selected (any more) lists the open threads.
  const filter =
    chosen === 'territory' && !selectedTerritoryId ? 'open' : chosen
  const territoryName = (id: string | null) =>
    (id && territories.find((r) => r.id === id)?.name) || null
  const threads = useQuery(
    trpc.comments.threads.queryOptions({
      planId,
      status:
        filter === 'open'
          ? 'open'
          : filter === 'resolved'
            ? 'resolved'
            : undefined,
      mine: filter === 'mine' ? true : undefined,
      territoryId:
        filter === 'territory' ? (selectedTerritoryId ?? undefined) : undefined,
    }),
  )
  if (openThreadId)
    return (
      <ThreadView
        threadId={openThreadId}
        planId={planId}
        scenarioId={scenarioId}
        user={user}
        territoryName={territoryName}
        unitName={unitName}
        onBack={() => onOpenThread(null)}
        onShowTerritory={onShowTerritory}
      />
    )
  return (
    <div
      className="workspace__scroll discussion"
      data-testid="discussion-panel"
    >
      <div
        className="discussion__filters"
        role="group"
        aria-label={t('discussion.threads.show')}
      >
        {(['open', 'resolved', 'mine', 'territory'] as const).map((key) => (
          <button
            key={key}
            type="button"
            className="chip"
            aria-pressed={filter === key}
            disabled={key === 'territory' && !selectedTerritoryId}
            onClick={() => setFilter(key)}
          >
            {t(`discussion.threads.${key}`)}
          </button>
        ))}
      </div>
      <NewThread
        planId={planId}
        scenarioId={scenarioId}
        territoryId={selectedTerritoryId}
        territoryName={territoryName}
        unitId={selectedUnitId}
        unitName={selectedUnitId ? unitName(selectedUnitId) : null}
        pin={pin}
        onCreated={onOpenThread}
      />
      {threads.isError ? (
        <ErrorNote error={threads.error} />
      ) : threads.data && threads.data.length === 0 ? (
        <p className="workspace__hint">{t('discussion.threads.none')}</p>
      ) : (
        <ul className="thread-list" aria-label={t('discussion.threads.list')}>
          {(threads.data ?? []).map((th) => (
            <li key={th.id}>
              <button
                type="button"
                className="thread-list__item"
                data-testid="thread-item"
                onClick={() => onOpenThread(th.id)}
              >
                <span className="thread-list__where">
                  {anchorLabel(th, territoryName(th.territoryId), unitName)}
                  {th.resolvedAt ? (
                    <span className="badge badge--approved">
                      {t('discussion.threads.resolved')}
                    </span>
                  ) : null}
                </span>
                <span className="thread-list__excerpt">
                  <RichTextView doc={th.body as RichTextDoc | null} />
                </span>
                <span className="thread-list__meta">
                  {th.authorName} · {timeAgo(th.lastActivityAt)}
                  {th.replies > 0
                    ? t('discussion.threads.replies', { count: th.replies })
                    : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function anchorLabel(
  thread: { anchor: string; unitId: string | null; changeRef: string | null },
  territory: string | null,
  unitName: (unitId: string) => string | null,
) {
  const t = i18n.t
  const withTerritory = (where: string) =>
    territory
      ? t('discussion.threads.withTerritory', { where, territory })
      : where
  switch (thread.anchor) {
    case 'territory':
      return territory ?? t('discussion.threads.aTerritory')
    case 'unit':
      return withTerritory(
        (thread.unitId && unitName(thread.unitId)) ||
          t('discussion.threads.unit', { id: thread.unitId ?? '' }),
      )
    case 'pin':
      return withTerritory(t('discussion.threads.pinOnMap'))
    case 'change':
      return t('discussion.threads.change', { ref: thread.changeRef ?? '' })
    default:
      return t('discussion.threads.scenario')
  }
}

/** A pin for a new thread: where it is, and how to place, move or drop it on the map. */
export interface PinPlacement {
  /** The place clicked, with the unit and territory there (if any). */
  at: {
    lonLat: [number, number]
    unitId: string | null
    territoryId: string | null
  } | null
  /** The map is waiting for the click that places it. */
  placing: boolean
  onPlace: () => void
  onClear: () => void
}

type AnchorChoice = 'territory' | 'unit' | 'pin' | 'scenario'

const degrees = ([lon, lat]: readonly [number, number]) =>
  `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`

function NewThread({
  planId,
  scenarioId,
  territoryId,
  territoryName,
  unitId,
  unitName,
  pin,
  onCreated,
}: {
  planId: string
  scenarioId: string | null
  territoryId: string | null
  territoryName: (id: string | null) => string | null
  unitId: string | null
  unitName: string | null
  pin: PinPlacement
  onCreated: (threadId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [doc, setDoc] = useState<{ doc: RichTextDoc; empty: boolean } | null>(
    null,
  )
  const [sent, setSent] = useState(0)
  const [chosen, setChosen] = useState<AnchorChoice | null>(null)
  // What the thread attaches to: the choice, while it is still possible; otherwise the
  // pin being placed, the selected territory, or the scenario.
  const available = (c: AnchorChoice) =>
    c === 'territory'
      ? territoryId !== null
      : c === 'unit'
        ? unitId !== null
        : c === 'pin'
          ? pin.at !== null || pin.placing
          : true
  const anchor: AnchorChoice =
    chosen && available(chosen)
      ? chosen
      : pin.at || pin.placing
        ? 'pin'
        : territoryId
          ? 'territory'
          : 'scenario'
  const create = useMutation(
    trpc.comments.create.mutationOptions({
      onSuccess: ({ threadId }) => {
        setSent((n) => n + 1)
        setDoc(null)
        setChosen(null)
        if (anchor === 'pin') pin.onClear()
        onCreated(threadId)
      },
    }),
  )
  const ready =
    doc !== null && !doc.empty && !(anchor === 'pin' && pin.at === null)
  const send = () => {
    if (!ready || create.isPending) return
    const at = pin.at
    create.mutate({
      planId,
      scenarioId,
      anchor:
        anchor === 'pin' && at
          ? {
              kind: 'pin',
              lonLat: at.lonLat,
              ...(at.territoryId ? { territoryId: at.territoryId } : {}),
            }
          : anchor === 'unit' && unitId
            ? {
                kind: 'unit',
                unitId,
                ...(territoryId ? { territoryId } : {}),
              }
            : anchor === 'territory' && territoryId
              ? { kind: 'territory', territoryId }
              : { kind: 'scenario' },
      body: doc!.doc,
    })
  }
  const choose = (c: AnchorChoice) => {
    setChosen(c)
    if (c === 'pin' && !pin.at) pin.onPlace()
    if (c !== 'pin' && pin.placing) pin.onClear()
  }
  const where =
    anchor === 'pin'
      ? pin.at
        ? t('discussion.compose.pinAt', { where: degrees(pin.at.lonLat) })
        : t('discussion.compose.aPin')
      : anchor === 'unit'
        ? (unitName ?? t('discussion.compose.thisUnit'))
        : anchor === 'territory'
          ? (territoryName(territoryId) ??
            t('discussion.compose.thisTerritory'))
          : t('discussion.compose.thisScenario')
  const choices: [AnchorChoice, string][] = [
    ...(territoryId
      ? [
          [
            'territory',
            territoryName(territoryId) ?? t('discussion.compose.territory'),
          ] as [AnchorChoice, string],
        ]
      : []),
    ...(unitId
      ? [
          ['unit', unitName ?? t('discussion.compose.unit')] as [
            AnchorChoice,
            string,
          ],
        ]
      : []),
    ['pin', t('discussion.threads.pinOnMap')],
    ['scenario', t('discussion.threads.scenario')],
  ]
  return (
    <div className="discussion__new">
      <div
        className="discussion__anchor"
        role="group"
        aria-label={t('discussion.compose.attachTo')}
      >
        <span className="discussion__anchor-label">
          {t('discussion.compose.on')}
        </span>
        {choices.map(([key, label]) => (
          <button
            key={key}
            type="button"
            className="chip"
            data-testid={`anchor-${key}`}
            aria-pressed={anchor === key}
            onClick={() => choose(key)}
          >
            {key === 'pin' ? (
              <svg
                className="chip__icon"
                width="11"
                height="11"
                viewBox="0 0 24 24"
                fill="currentColor"
                aria-hidden
              >
                <path d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
              </svg>
            ) : null}
            {label}
          </button>
        ))}
      </div>
      {anchor === 'pin' ? (
        <p className="discussion__pin" role="status" data-testid="pin-status">
          {pin.placing ? (
            <>
              {t('discussion.compose.clickMap')}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  pin.onClear()
                  setChosen(null)
                }}
              >
                {t('common.cancel')}
              </button>
            </>
          ) : pin.at ? (
            <>
              {pin.at.territoryId
                ? t('discussion.compose.pinStatusIn', {
                    where: degrees(pin.at.lonLat),
                    territory:
                      territoryName(pin.at.territoryId) ??
                      t('discussion.compose.aTerritory'),
                  })
                : t('discussion.compose.pinStatus', {
                    where: degrees(pin.at.lonLat),
                  })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={pin.onPlace}
              >
                {t('discussion.compose.moveIt')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <RichTextEditor
        label={t('discussion.compose.label', { where })}
        placeholder={t('discussion.compose.placeholder', { where })}
        onChange={(d, empty) => setDoc({ doc: d, empty })}
        onSubmit={send}
        resetKey={sent}
      />
      <ErrorNote error={create.error} />
      <div className="discussion__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="post-comment"
          disabled={!ready || create.isPending}
          onClick={send}
        >
          {t('discussion.compose.comment')}
        </button>
      </div>
    </div>
  )
}

function ThreadView({
  threadId,
  planId,
  scenarioId,
  user,
  territoryName,
  unitName,
  onBack,
  onShowTerritory,
}: {
  threadId: string
  planId: string
  scenarioId: string | null
  user: PublicUser
  territoryName: (id: string | null) => string | null
  unitName: (unitId: string) => string | null
  onBack: () => void
  onShowTerritory: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const thread = useQuery(trpc.comments.thread.queryOptions({ threadId }))
  const [reply, setReply] = useState<{
    doc: RichTextDoc
    empty: boolean
  } | null>(null)
  const [sent, setSent] = useState(0)
  const [editing, setEditing] = useState<string | null>(null)
  const [edited, setEdited] = useState<RichTextDoc | null>(null)
  const [makingTask, setMakingTask] = useState(false)
  const send = useMutation(
    trpc.comments.reply.mutationOptions({
      onSuccess: () => {
        setSent((n) => n + 1)
        setReply(null)
        void thread.refetch()
      },
    }),
  )
  const resolve = useMutation(
    trpc.comments.resolve.mutationOptions({
      onSuccess: () => void thread.refetch(),
    }),
  )
  const edit = useMutation(
    trpc.comments.edit.mutationOptions({
      onSuccess: () => {
        setEditing(null)
        void thread.refetch()
      },
    }),
  )
  const remove = useMutation(
    trpc.comments.delete.mutationOptions({
      onSuccess: () => void thread.refetch(),
    }),
  )
  const root = thread.data?.[0]
  const staff = user.role !== 'rep'
  const error = send.error ?? resolve.error ?? edit.error ?? remove.error
  const postReply = () => {
    if (!reply || reply.empty || send.isPending) return
    send.mutate({ threadId, body: reply.doc })
  }
  return (
    <div className="workspace__scroll discussion" data-testid="thread-view">
      <div className="discussion__head">
        <button type="button" className="button button--ghost" onClick={onBack}>
          {t('discussion.thread.back')}
        </button>
        {root?.territoryId ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onShowTerritory(root.territoryId!)}
          >
            {territoryName(root.territoryId) ??
              t('discussion.thread.showOnMap')}
          </button>
        ) : null}
        {root && root.anchor !== 'territory' ? (
          <span className="discussion__where">
            {anchorLabel(root, null, unitName)}
          </span>
        ) : null}
      </div>
      <ErrorNote error={thread.error} />
      {root ? (
        <div className="discussion__thread-actions">
          {root.resolvedAt ? (
            <span
              className="badge badge--approved"
              data-testid="thread-resolved"
            >
              {t('discussion.threads.resolved')}
            </span>
          ) : null}
          {root.authorId === user.id || staff ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                resolve.mutate({ threadId, resolved: !root.resolvedAt })
              }
            >
              {root.resolvedAt
                ? t('discussion.thread.reopen')
                : t('discussion.thread.resolve')}
            </button>
          ) : null}
          {staff ? (
            <button
              type="button"
              className="button button--secondary"
              data-testid="make-task"
              onClick={() => setMakingTask((v) => !v)}
            >
              {t('discussion.thread.makeTask')}
            </button>
          ) : null}
        </div>
      ) : null}
      {makingTask && root ? (
        <TaskForm
          planId={planId}
          scenarioId={scenarioId}
          territoryId={root.territoryId}
          fromCommentId={root.id}
          onDone={() => setMakingTask(false)}
        />
      ) : null}
      <ol className="comment-list" aria-label={t('discussion.thread.comments')}>
        {(thread.data ?? []).map((c) => (
          <li key={c.id} className="comment" data-testid="comment">
            <div className="comment__head">
              <span className="comment__author">{c.authorName}</span>
              <span className="comment__time">
                {timeAgo(c.createdAt)}
                {c.updatedAt !== c.createdAt && !c.deleted
                  ? t('discussion.thread.edited')
                  : ''}
              </span>
            </div>
            {c.deleted ? (
              <p className="comment__deleted">
                {t('discussion.thread.deleted')}
              </p>
            ) : editing === c.id ? (
              <div>
                <RichTextEditor
                  label={t('discussion.thread.editLabel')}
                  placeholder={t('discussion.thread.editPlaceholder')}
                  autoFocus
                  onChange={(d) => setEdited(d)}
                  onSubmit={() =>
                    edited && edit.mutate({ commentId: c.id, body: edited })
                  }
                />
                <div className="discussion__actions">
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setEditing(null)}
                  >
                    {t('common.cancel')}
                  </button>
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={!edited}
                    onClick={() =>
                      edited && edit.mutate({ commentId: c.id, body: edited })
                    }
                  >
                    {t('common.save')}
                  </button>
                </div>
              </div>
            ) : (
              <RichTextView doc={c.body as RichTextDoc | null} />
            )}
            {c.authorId === user.id && !c.deleted && editing !== c.id ? (
              <div className="comment__own">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setEdited(null)
                    setEditing(c.id)
                  }}
                >
                  {t('discussion.thread.edit')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    if (window.confirm(t('discussion.thread.confirmDelete')))
                      remove.mutate({ commentId: c.id })
                  }}
                >
                  {t('common.delete')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <ErrorNote error={error} />
      <div className="discussion__new">
        <RichTextEditor
          label={t('discussion.thread.replyLabel')}
          placeholder={t('discussion.thread.replyPlaceholder')}
          onChange={(d, empty) => setReply({ doc: d, empty })}
          onSubmit={postReply}
          resetKey={sent}
        />
        <div className="discussion__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="post-reply"
            disabled={!reply || reply.empty || send.isPending}
            onClick={postReply}
          >
            {t('discussion.thread.reply')}
          </button>
        </div>
      </div>
    </div>
  )
}
