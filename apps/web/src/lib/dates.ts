import { activeIntlLocale } from '../i18n'

/**
 * Dates as the review workflow keeps them. Deadlines and effective dates are whole days
 * (`YYYY-MM-DD`) counted in UTC like the server, so "today" and "overdue" mean the same to
 * every reviewer; moments (submitted, answered) are ISO times shown in the reader's zone.
 */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10)

/** Whether a deadline has passed: the day after it has begun (UTC). */
export function isOverdue(dueDate: string | null, now = new Date()): boolean {
  return dueDate !== null && dueDate < todayIso(now)
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date format in the active language (`Dec 11, 2026` / `11 dic 2026`), made once per
 * locale and kept: building one costs far more than using it.
 */
export function dateFormat(
  name: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const locale = activeIntlLocale()
  const key = `${locale}|${name}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/** `Dec 11, 2026`: a date-only value, shown without shifting it into a time zone. */
export function formatDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`)
  if (!Number.isFinite(t)) return date
  return dateFormat('day-utc', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(t)
}

/** `Dec 4, 14:05`: a moment, in the reader's time zone. */
export function formatWhen(iso: string): string {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return ''
  return dateFormat('when', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t)
}
