import { useMutation, useQuery } from '@tanstack/react-query'
import type { UserNotification } from '@tessera/domain'
import { useEffect, useRef, useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import { timeAgo } from '../lib/format'

/**
 * The bell: unread count, and the list of this user's notifications (mentions, replies,
 * tasks, reviews…), newest first. Opening one marks it read and hands it to `onOpen`, which
 * takes the user to the thing on the map. Counts follow pushes (see useLiveCollab).
 */
export function NotificationBell({
  onOpen,
}: {
  onOpen: (n: UserNotification) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions())
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ unreadOnly: false, limit: 50 }),
    enabled: open,
  })
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => {
        void unread.refetch()
        void list.refetch()
      },
    }),
  )
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent
          ? e.key === 'Escape'
          : !root.current?.contains(e.target as Node)
      )
        setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])
  const count = unread.data ?? 0
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="button button--ghost bell__button"
        aria-label={
          count
            ? t('discussion.bell.unread', { count })
            : t('discussion.bell.label')
        }
        aria-expanded={open}
        data-testid="notification-bell"
        onClick={() => setOpen((v) => !v)}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          aria-hidden
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
          <path d="M10 21a2 2 0 0 0 4 0" />
        </svg>
        {count > 0 ? (
          <span className="bell__count" data-testid="notification-count">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          className="bell__panel"
          role="dialog"
          aria-label={t('discussion.bell.label')}
        >
          <div className="bell__head">
            <strong>{t('discussion.bell.label')}</strong>
            <button
              type="button"
              className="link-button"
              disabled={count === 0}
              onClick={() => markRead.mutate({ all: true })}
            >
              {t('discussion.bell.markAllRead')}
            </button>
          </div>
          {list.data && list.data.length === 0 ? (
            <p className="bell__empty">{t('discussion.bell.nothing')}</p>
          ) : null}
          <ul className="bell__list">
            {(list.data ?? []).map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="bell__item"
                  data-unread={n.readAt ? undefined : true}
                  data-testid="notification"
                  onClick={() => {
                    if (!n.readAt) markRead.mutate({ ids: [n.id] })
                    setOpen(false)
                    onOpen(n)
                  }}
                >
                  <span className="bell__message">{n.message}</span>
                  <span className="bell__time">{timeAgo(n.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
