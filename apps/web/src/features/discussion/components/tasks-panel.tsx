import { useMutation, useQuery } from '@tanstack/react-query'
import type { PublicUser, RichTextDoc, TerritoryRecord } from '@tessera/domain'
import { useState } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import { isOverdue } from '../lib/format'
import { RichTextView } from './rich-text-view'
import { PlanCalendar } from './plan-calendar'
import { TaskForm } from './task-form'

const STATUSES = ['todo', 'in_progress', 'done'] as const
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
  const { t } = useTranslation()
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
    (id && territories.find((r) => r.id === id)?.name) || null
  return (
    <div className="workspace__scroll discussion" data-testid="tasks-panel">
      <div
        className="discussion__filters"
        role="group"
        aria-label={t('discussion.tasks.show')}
      >
        <button
          type="button"
          className="chip"
          aria-pressed={mine}
          onClick={() => setMine(true)}
        >
          {t('discussion.tasks.mine')}
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={!mine}
          onClick={() => setMine(false)}
        >
          {t('discussion.tasks.all')}
        </button>
        <label className="discussion__check">
          <input
            type="checkbox"
            checked={showDone}
            onChange={(e) => setShowDone(e.target.checked)}
          />
          {t('discussion.tasks.showDone')}
        </label>
        <button
          type="button"
          className="chip"
          aria-pressed={calendar}
          data-testid="show-calendar"
          onClick={() => setCalendar((v) => !v)}
        >
          {t('discussion.tasks.calendar')}
        </button>
        {user.role !== 'rep' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCreating((v) => !v)}
          >
            {t('discussion.tasks.new')}
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
          {mine ? t('discussion.tasks.noneForYou') : t('discussion.tasks.none')}
        </p>
      ) : null}
      <ul className="task-list" aria-label={t('discussion.tasks.list')}>
        {(tasks.data ?? []).map((task) => {
          const overdue = task.status !== 'done' && isOverdue(task.dueDate)
          return (
            <li
              key={task.id}
              className="task"
              data-testid="task"
              data-overdue={overdue || undefined}
            >
              <div className="task__head">
                <span
                  className={`task__priority task__priority--${task.priority}`}
                  title={t(`discussion.tasks.priorityTitle.${task.priority}`)}
                />
                <span className="task__title">{task.title}</span>
                <select
                  aria-label={t('discussion.tasks.statusOf', {
                    title: task.title,
                  })}
                  value={task.status}
                  data-testid="task-status"
                  onChange={(e) =>
                    update.mutate({
                      taskId: task.id,
                      status: e.target.value as typeof task.status,
                    })
                  }
                >
                  {STATUSES.map((k) => (
                    <option key={k} value={k}>
                      {t(`discussion.tasks.status.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="task__meta">
                {task.assigneeName ?? t('discussion.tasks.unassigned')}
                {task.dueDate ? (
                  <span
                    className={
                      overdue ? 'task__due task__due--overdue' : 'task__due'
                    }
                  >
                    {t(
                      overdue
                        ? 'discussion.tasks.overdue'
                        : 'discussion.tasks.due',
                      {
                        date: task.dueDate,
                      },
                    )}
                  </span>
                ) : null}
                {task.territoryId ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShowTerritory(task.territoryId!)}
                  >
                    {name(task.territoryId) ?? t('discussion.tasks.territory')}
                  </button>
                ) : null}
              </div>
              <RichTextView
                doc={task.description as RichTextDoc}
                className="task__description"
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
