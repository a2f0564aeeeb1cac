import { useQuery } from '@tanstack/react-query'
import type { TerritoryRecord } from '@tessera/domain'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import { timeAgo } from '../lib/format'
import { type ActivityEntry, describeActivity } from '../lib/activity-text'

type Kind = 'all' | 'edits' | 'comments' | 'tasks' | 'reviews'
import { ErrorNote } from './error-note'

/**
 * Who did what in the plan, newest first: plan edits summarised per person and pair of
 * territories, comments, tasks, reviews and publishing (the audit log). Filter by kind, person and the selected territory; an
 * entry about a thread opens it, one about territories selects the first.
 */
export function ActivityPanel({
  planId,
  territories,
  selectedTerritoryId,
  onOpenThread,
  onShowTerritory,
}: {
  planId: string
  territories: readonly TerritoryRecord[]
  selectedTerritoryId: string | null
  onOpenThread: (threadId: string) => void
  onShowTerritory: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [kind, setKind] = useState<Kind>('all')
  const [actorId, setActorId] = useState('')
  const [onlySelected, setOnlySelected] = useState(false)
  const people = useQuery(
    trpc.comments.mentionable.queryOptions({ q: '', limit: 500 }),
  )
  const activity = useQuery(
    trpc.activity.list.queryOptions(
      {
        planId,
        kind,
        actorId: actorId || undefined,
        territoryId:
          onlySelected && selectedTerritoryId ? selectedTerritoryId : undefined,
      },
      // Comments and tasks are pushed (see useLiveCollab); plan edits are summarised by
      // the server every 30 s of editing, so the feed looks again as often while it is open.
      { refetchInterval: 30_000 },
    ),
  )
  const nameOf = (id: string | null | undefined) =>
    (id && territories.find((r) => r.id === id)?.name) ||
    (id
      ? t('discussion.activity.removedTerritory')
      : t('discussion.activity.noTerritory'))
  return (
    <div className="workspace__scroll discussion" data-testid="activity-panel">
      <div
        className="discussion__filters"
        role="group"
        aria-label={t('discussion.activity.show')}
      >
        {(['all', 'edits', 'comments', 'tasks', 'reviews'] as const).map(
          (k) => (
            <button
              key={k}
              type="button"
              className="chip"
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(`discussion.activity.kinds.${k}`)}
            </button>
          ),
        )}
        <button
          type="button"
          className="chip"
          aria-pressed={onlySelected}
          disabled={!selectedTerritoryId}
          onClick={() => setOnlySelected((v) => !v)}
        >
          {t('discussion.activity.territory')}
        </button>
        <select
          aria-label={t('discussion.activity.person')}
          value={actorId}
          onChange={(e) => setActorId(e.target.value)}
          className="activity__person"
        >
          <option value="">{t('discussion.activity.everyone')}</option>
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={activity.error} />
      {activity.data && activity.data.length === 0 ? (
        <p className="workspace__hint">{t('discussion.activity.nothing')}</p>
      ) : null}
      <ol className="activity-list" aria-label={t('discussion.activity.list')}>
        {(activity.data ?? []).map((item) => {
          const entry = describeActivity(item as ActivityEntry, nameOf)
          return (
            <li
              key={item.id}
              className="activity"
              data-testid="activity-item"
              data-action={item.action}
            >
              <div className="activity__text">
                {entry.lines.map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </div>
              <div className="activity__meta">
                {timeAgo(item.at)}
                {entry.threadId ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpenThread(entry.threadId!)}
                  >
                    {t('discussion.activity.openThread')}
                  </button>
                ) : entry.territoryId ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShowTerritory(entry.territoryId!)}
                  >
                    {t('discussion.activity.showTerritory', {
                      name: nameOf(entry.territoryId),
                    })}
                  </button>
                ) : null}
              </div>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
