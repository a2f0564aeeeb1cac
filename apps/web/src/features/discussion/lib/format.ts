import { i18n } from '../../../i18n'
import { dateFormat } from '../../../lib/dates'

/**
 * "just now", "5 min ago", "3 h ago", then the date: how long ago an ISO time was, in the
 * active language.
 */
export function timeAgo(iso: string, now = Date.now()): string {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return ''
  const s = Math.max(0, (now - t) / 1000)
  if (s < 60) return i18n.t('discussion.time.justNow')
  if (s < 3600)
    return i18n.t('discussion.time.minutesAgo', { n: Math.floor(s / 60) })
  if (s < 86_400)
    return i18n.t('discussion.time.hoursAgo', { n: Math.floor(s / 3600) })
  return dateFormat('day-month', { day: 'numeric', month: 'short' }).format(t)
}

/** Whether a YYYY-MM-DD due date has passed (on the viewer's calendar). */
export function isOverdue(dueDate: string | null, today = new Date()): boolean {
  if (!dueDate) return false
  const y = today.getFullYear()
  const m = String(today.getMonth() + 1).padStart(2, '0')
  const d = String(today.getDate()).padStart(2, '0')
  return dueDate < `${y}-${m}-${d}`
}
