import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { calendarDays, isoDay, stepAnchor } from '../lib/calendar'
import { isOverdue } from '../lib/format'
import { ErrorNote } from './error-note'

/**
 * The plan's calendar: tasks on their due dates (overdue ones marked, done ones struck),
 * open reviews on their deadlines and scenarios on their effective dates, by month or by
 * week.
 */
export function PlanCalendar({ planId }: { planId: string }) {
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
      ? anchor.toLocaleDateString(undefined, { month: 'long', year: 'numeric' })
      : `Week of ${days[0]!.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`
  return (
    <div className="calendar" data-testid="calendar" data-view={view}>
      <div className="calendar__bar">
        <button
          type="button"
          className="button button--ghost"
          aria-label="Earlier"
          onClick={() => setAnchor(stepAnchor(anchor, view, -1))}
        >
          ‹
        </button>
        <strong className="calendar__title">{title}</strong>
        <button
          type="button"
          className="button button--ghost"
          aria-label="Later"
          onClick={() => setAnchor(stepAnchor(anchor, view, 1))}
        >
          ›
        </button>
        <button
          type="button"
          className="chip"
          onClick={() => setAnchor(new Date())}
        >
          Today
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={view === 'month'}
          onClick={() => setView('month')}
        >
          Month
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={view === 'week'}
          onClick={() => setView('week')}
        >
          Week
        </button>
      </div>
      <ErrorNote error={events.error} />
      <div className="calendar__grid" role="grid" aria-label={title}>
        {view === 'month'
          ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
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
                {view === 'week'
                  ? d.toLocaleDateString(undefined, {
                      weekday: 'short',
                      day: 'numeric',
                      month: 'short',
                    })
                  : d.getDate()}
              </span>
              {scenarios.map((s) => (
                <span
                  key={s.id}
                  className="calendar__event calendar__event--scenario"
                  title={`${s.name} takes effect`}
                >
                  {s.name} takes effect
                </span>
              ))}
              {reviews.map((r) => (
                <span
                  key={r.roundId}
                  className="calendar__event calendar__event--review"
                  data-testid="calendar-review"
                  data-overdue={isOverdue(r.dueDate) || undefined}
                  title={`Review of ${r.name} (revision ${r.revision}) due`}
                >
                  Review due: {r.name}
                </span>
              ))}
              {tasks.map((t) => (
                <span
                  key={t.id}
                  className="calendar__event"
                  data-testid="calendar-task"
                  data-done={t.status === 'done' || undefined}
                  data-overdue={
                    (t.status !== 'done' && isOverdue(t.dueDate)) || undefined
                  }
                  title={`${t.title}${t.assigneeName ? ` · ${t.assigneeName}` : ''}`}
                >
                  {t.title}
                </span>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
