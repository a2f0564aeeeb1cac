import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { dateFormat } from '../../../lib/dates'
import { useTranslation } from '../../../i18n'
import { calendarDays, isoDay, stepAnchor } from '../lib/calendar'
import { isOverdue } from '../lib/format'
import { ErrorNote } from './error-note'

/**
 * The plan's calendar: tasks on their due dates (overdue ones marked, done ones struck),
 * open reviews on their deadlines and scenarios on their effective dates, by month or by
 * week.
 */
export function PlanCalendar({ planId }: { planId: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [view, setView] = useState<'month' | 'week'>('month')
  const [anchor, setAnchor] = useState(() => new Date())
  const days = calendarDays(anchor, view)
  const from = isoDay(days[0]!)
  const to = isoDay(days.at(-1)!)
  const events = useQuery(
    trpc.tasks.calendar.queryOptions({ planId, from, to }),
  )
  const today = isoDay(new Date())
  const title =
    view === 'month'
      ? dateFormat('month-year', { month: 'long', year: 'numeric' }).format(
          anchor,
        )
      : t('discussion.calendar.weekOf', {
          date: dateFormat('day-month', {
            day: 'numeric',
            month: 'short',
          }).format(days[0]!),
        })
  // Monday to Sunday in the active language: 2024-01-01 was a Monday.
  const weekday = dateFormat('weekday', { weekday: 'short' })
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    weekday.format(new Date(2024, 0, 1 + i)),
  )
  const weekDay = dateFormat('weekday-day-month', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  })
  return (
    <div className="calendar" data-testid="calendar" data-view={view}>
      <div className="calendar__bar">
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('discussion.calendar.earlier')}
          onClick={() => setAnchor(stepAnchor(anchor, view, -1))}
        >
          ‹
        </button>
        <strong className="calendar__title">{title}</strong>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('discussion.calendar.later')}
          onClick={() => setAnchor(stepAnchor(anchor, view, 1))}
        >
          ›
        </button>
        <button
          type="button"
          className="chip"
          onClick={() => setAnchor(new Date())}
        >
          {t('discussion.calendar.today')}
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={view === 'month'}
          onClick={() => setView('month')}
        >
          {t('discussion.calendar.month')}
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={view === 'week'}
          onClick={() => setView('week')}
        >
          {t('discussion.calendar.week')}
        </button>
      </div>
      <ErrorNote error={events.error} />
      <div className="calendar__grid" role="grid" aria-label={title}>
        {view === 'month'
          ? weekdays.map((d) => (
              <div key={d} className="calendar__weekday" role="columnheader">
                {d}
              </div>
            ))
          : null}
        {days.map((d) => {
          const day = isoDay(d)
          const tasks = (events.data?.tasks ?? []).filter(
            (t) => t.dueDate === day,
          )
          const scenarios = (events.data?.scenarios ?? []).filter(
            (s) => s.effectiveDate === day,
          )
          const reviews = (events.data?.reviews ?? []).filter(
            (r) => r.dueDate === day,
          )
          const outside = view === 'month' && d.getMonth() !== anchor.getMonth()
          return (
            <div
              key={day}
              role="gridcell"
              className="calendar__day"
              data-today={day === today || undefined}
              data-outside={outside || undefined}
              data-day={day}
            >
              <span className="calendar__date">
                {view === 'week' ? weekDay.format(d) : d.getDate()}
              </span>
              {scenarios.map((s) => (
                <span
                  key={s.id}
                  className="calendar__event calendar__event--scenario"
                  title={t('discussion.calendar.takesEffect', { name: s.name })}
                >
                  {t('discussion.calendar.takesEffect', { name: s.name })}
                </span>
              ))}
              {reviews.map((r) => (
                <span
                  key={r.roundId}
                  className="calendar__event calendar__event--review"
                  data-testid="calendar-review"
                  data-overdue={isOverdue(r.dueDate) || undefined}
                  title={t('discussion.calendar.reviewTitle', {
                    name: r.name,
                    revision: r.revision,
                  })}
                >
                  {t('discussion.calendar.reviewDue', { name: r.name })}
                </span>
              ))}
              {tasks.map((task) => (
                <span
                  key={task.id}
                  className="calendar__event"
                  data-testid="calendar-task"
                  data-done={task.status === 'done' || undefined}
                  data-overdue={
                    (task.status !== 'done' && isOverdue(task.dueDate)) ||
                    undefined
                  }
                  title={`${task.title}${task.assigneeName ? ` · ${task.assigneeName}` : ''}`}
                >
                  {task.title}
                </span>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
