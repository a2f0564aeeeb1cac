import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { RichTextDoc } from '@tessera/domain'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import { RichTextEditor } from './rich-text-editor'
import { ErrorNote } from './error-note'

/** A new task: title, assignee, due date, priority, description; linked to a territory or comment. */
export function TaskForm({
  planId,
  scenarioId,
  territoryId,
  fromCommentId,
  onDone,
}: {
  planId: string
  scenarioId: string | null
  territoryId: string | null
  fromCommentId?: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const people = useQuery(
    trpc.comments.mentionable.queryOptions({ q: '', limit: 500 }),
  )
  const [title, setTitle] = useState('')
  const [assigneeId, setAssigneeId] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [priority, setPriority] = useState<'low' | 'normal' | 'high'>('normal')
  const [description, setDescription] = useState<RichTextDoc | null>(null)
  const create = useMutation(
    trpc.tasks.create.mutationOptions({ onSuccess: onDone }),
  )
  return (
    <form
      className="task-form"
      data-testid="task-form"
      onSubmit={(e) => {
        e.preventDefault()
        create.mutate({
          planId,
          scenarioId,
          territoryId,
          title,
          assigneeId: assigneeId || null,
          dueDate: dueDate || null,
          priority,
          description: description ?? undefined,
          ...(fromCommentId ? { fromCommentId } : {}),
        })
      }}
    >
      <label className="field">
        <span>{t('discussion.taskForm.task')}</span>
        <input
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="task-title"
        />
      </label>
      <div className="task-form__row">
        <label className="field">
          <span>{t('discussion.taskForm.assignee')}</span>
          <select
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            data-testid="task-assignee"
          >
            <option value="">{t('discussion.taskForm.nobody')}</option>
            {(people.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('discussion.taskForm.due')}</span>
          <input
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            data-testid="task-due"
          />
        </label>
        <label className="field">
          <span>{t('discussion.taskForm.priority')}</span>
          <select
            value={priority}
            onChange={(e) => setPriority(e.target.value as typeof priority)}
          >
            {(['low', 'normal', 'high'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`discussion.taskForm.priorities.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RichTextEditor
        label={t('discussion.taskForm.descriptionLabel')}
        placeholder={t('discussion.taskForm.descriptionPlaceholder')}
        onChange={(d, empty) => setDescription(empty ? null : d)}
      />
      <ErrorNote error={create.error} />
      <div className="discussion__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!title.trim() || create.isPending}
          data-testid="create-task"
        >
          {t('discussion.taskForm.create')}
        </button>
      </div>
    </form>
  )
}
