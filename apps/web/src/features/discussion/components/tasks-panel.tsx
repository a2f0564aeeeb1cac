import { useMutation, useQuery } from '@tanstack/react-query'
import type { PublicUser, RichTextDoc, TerritoryRecord } from '@tessera/domain'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { isOverdue } from '../lib/format'
import { RichTextView } from './rich-text-view'
import { PlanCalendar } from './plan-calendar'
import { TaskForm } from './task-form'

const STATUS_LABELS = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
}
import { ErrorNote } from './error-note'

/**
 * The plan's tasks or "my tasks", by due date, overdue ones marked; the status is changed
 * in place by whoever may (the server decides; a refusal is shown). Live like comments.
 */
export function TasksPanel({
  planId,
  scenarioId,
  user,
  territories,
  selectedTerritoryId,
  onShowTerritory,
}: {
  planId: string
  scenarioId: string | null
  user: PublicUser
  territories: readonly TerritoryRecord[]
  selectedTerritoryId: string | null
  onShowTerritory: (territoryId: string) => void
}) {
  const trpc = useTRPC()
  const [mine, setMine] = useState(user.role !== 'manager')
  const [showDone, setShowDone] = useState(false)
  const [creating, setCreating] = useState(false)
  const [calendar, setCalendar] = useState(false)
  const tasks = useQuery(
    trpc.tasks.list.queryOptions({
      planId,
      mine: mine || undefined,
      status: showDone ? undefined : 'open',
    }),
  )
  const update = useMutation(
    trpc.tasks.update.mutationOptions({
      onSuccess: () => void tasks.refetch(),
    }),
  )
  const name = (id: string | null) =>
    (id && territories.find((t) => t.id === id)?.name) || null
  return (
    <div className="workspace__scroll discussion" data-testid="tasks-panel">
      <div className="discussion__filters" role="group" aria-label="Show tasks">
        <button
          type="button"
          className="chip"
          aria-pressed={mine}
          onClick={() => setMine(true)}
        >
          My tasks
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={!mine}
          onClick={() => setMine(false)}
        >
          All tasks
        </button>
        <label className="discussion__check">
          <input
            type="checkbox"
            checked={showDone}
            onChange={(e) => setShowDone(e.target.checked)}
          />
          Show done
        </label>
        <button
          type="button"
          className="chip"
          aria-pressed={calendar}
          data-testid="show-calendar"
          onClick={() => setCalendar((v) => !v)}
        >
          Calendar
        </button>
        {user.role !== 'rep' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCreating((v) => !v)}
          >
            New task
          </button>
        ) : null}
      </div>
      {calendar ? <PlanCalendar planId={planId} /> : null}
      {creating ? (
        <TaskForm
          planId={planId}
          scenarioId={scenarioId}
          territoryId={selectedTerritoryId}
          onDone={() => setCreating(false)}
        />
      ) : null}
      <ErrorNote error={tasks.error ?? update.error} />
      {tasks.data && tasks.data.length === 0 ? (
        <p className="workspace__hint">
          {mine ? 'No open tasks for you.' : 'No open tasks.'}
        </p>
      ) : null}
      <ul className="task-list" aria-label="Tasks">
        {(tasks.data ?? []).map((t) => {
          const overdue = t.status !== 'done' && isOverdue(t.dueDate)
          return (
            <li
              key={t.id}
              className="task"
              data-testid="task"
              data-overdue={overdue || undefined}
            >
              <div className="task__head">
                <span
                  className={`task__priority task__priority--${t.priority}`}
                  title={`${t.priority} priority`}
                />
                <span className="task__title">{t.title}</span>
                <select
                  aria-label={`Status of ${t.title}`}
                  value={t.status}
                  data-testid="task-status"
                  onChange={(e) =>
                    update.mutate({
                      taskId: t.id,
                      status: e.target.value as typeof t.status,
                    })
                  }
                >
                  {Object.entries(STATUS_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </div>
              <div className="task__meta">
                {t.assigneeName ?? 'Unassigned'}
                {t.dueDate ? (
                  <span
                    className={
                      overdue ? 'task__due task__due--overdue' : 'task__due'
                    }
                  >
                    {overdue ? 'Overdue · ' : 'Due '}
                    {t.dueDate}
                  </span>
                ) : null}
                {t.territoryId ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShowTerritory(t.territoryId!)}
                  >
                    {name(t.territoryId) ?? 'Territory'}
                  </button>
                ) : null}
              </div>
              <RichTextView
                doc={t.description as RichTextDoc}
                className="task__description"
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
