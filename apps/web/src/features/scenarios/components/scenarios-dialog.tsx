import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PublicUser } from '@tessera/domain'
import { useId, useState } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import {
  formatCount,
  formatFixed,
  formatScenarioStatus,
} from '../../../lib/format'
import { formatWhen } from '../../../lib/dates'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import '../scenarios.css'

/**
 * The plan's scenarios: each with its status, author, last edit, balance score and
 * disruption; a new draft copied from the published alignment or any scenario; open,
 * rename, archive, and delete a draft. Planners, managers and admins manage; reps read.
 * The server checks every action again (see the scenarios router).
 */
export function ScenariosDialog({
  open,
  onClose,
  planId,
  currentScenarioId,
  user,
  onOpenScenario,
  onCompare,
  onRebase,
}: {
  open: boolean
  onClose: () => void
  planId: string
  currentScenarioId: string | null
  user: PublicUser
  onOpenScenario: (scenarioId: string) => void
  /** Shows what a scenario changes against the published alignment. */
  onCompare: (scenarioId: string) => void
  /** Opens "Re-base on hexagons" (planners and up). */
  onRebase?: () => void
}) {
  const { t } = useTranslation()
  const ref = useModalDialog(open)
  const id = useId()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const list = useQuery({
    ...trpc.scenarios.list.queryOptions({ planId }),
    enabled: open,
  })
  const staff = user.role !== 'rep'
  const [name, setName] = useState('')
  const [from, setFrom] = useState('')
  const [showArchived, setShowArchived] = useState(false)
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(
    null,
  )
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const refresh = () => {
    void queryClient.invalidateQueries({
      queryKey: trpc.scenarios.list.pathKey(),
    })
    void queryClient.invalidateQueries({ queryKey: trpc.plans.list.pathKey() })
  }
  const create = useMutation(
    trpc.scenarios.create.mutationOptions({
      onSuccess: ({ scenarioId }) => {
        setName('')
        refresh()
        onOpenScenario(scenarioId)
        onClose()
      },
    }),
  )
  const rename = useMutation(
    trpc.scenarios.rename.mutationOptions({
      onSuccess: () => {
        setRenaming(null)
        refresh()
      },
    }),
  )
  const archive = useMutation(
    trpc.scenarios.archive.mutationOptions({ onSuccess: refresh }),
  )
  const remove = useMutation(
    trpc.scenarios.delete.mutationOptions({
      onSuccess: (_r, { scenarioId }) => {
        setConfirmDelete(null)
        refresh()
        // The open scenario is gone: show the published alignment.
        if (scenarioId === currentScenarioId) {
          const published = list.data?.find((s) => s.published)
          if (published) onOpenScenario(published.id)
        }
      },
    }),
  )
  const error = create.error ?? rename.error ?? archive.error ?? remove.error
  const scenarios = (list.data ?? []).filter(
    (s) => showArchived || s.status !== 'archived',
  )
  const sources = (list.data ?? []).filter((s) => s.status !== 'archived')
  const archivedCount = (list.data ?? []).filter(
    (s) => s.status === 'archived',
  ).length
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    if (!name.trim() || create.isPending) return
    create.mutate({
      planId,
      name,
      ...(from ? { fromScenarioId: from } : {}),
    })
  }
  return (
    <dialog
      ref={ref}
      className="modal-dialog scenarios-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="scenarios-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={`${id}-title`}
        title={t('scenarios.list.title')}
        onClose={onClose}
      />
      {staff ? (
        <form className="scenarios-dialog__new" onSubmit={submit}>
          <label className="field">
            <span>{t('scenarios.list.newDraft')}</span>
            <input
              value={name}
              maxLength={120}
              placeholder={t('scenarios.list.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              data-testid="new-scenario-name"
            />
          </label>
          <label className="field">
            <span>{t('scenarios.list.copiedFrom')}</span>
            <select
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="new-scenario-from"
            >
              <option value="">{t('scenarios.list.published')}</option>
              {sources
                .filter((s) => !s.published)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={!name.trim() || create.isPending}
            data-testid="create-scenario"
          >
            {create.isPending
              ? t('scenarios.list.copying')
              : t('scenarios.list.create')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      ) : null}
      {list.isError ? (
        <p className="error-box" role="alert">
          {t('scenarios.list.loadFailed', { error: list.error.message })}
        </p>
      ) : null}
      <div className="scenarios-dialog__scroll">
        <table
          className="scenarios-table"
          aria-label={t('scenarios.list.title')}
        >
          <thead>
            <tr>
              <th scope="col">{t('scenarios.list.scenario')}</th>
              <th scope="col">{t('scenarios.list.author')}</th>
              <th scope="col">{t('scenarios.list.lastEdit')}</th>
              <th scope="col" className="num">
                {t('scenarios.list.balance')}
              </th>
              <th scope="col" className="num">
                {t('scenarios.list.moved')}
              </th>
              <th scope="col">
                <span className="visually-hidden">
                  {t('scenarios.list.actions')}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              <tr>
                <td colSpan={6} className="scenarios-table__empty">
                  {t('scenarios.list.loading')}
                </td>
              </tr>
            ) : null}
            {scenarios.map((s) => (
              <tr
                key={s.id}
                data-testid="scenario-row"
                data-scenario-id={s.id}
                aria-current={s.id === currentScenarioId || undefined}
              >
                <td>
                  {renaming?.id === s.id ? (
                    <form
                      className="scenarios-table__rename"
                      onSubmit={(e) => {
                        e.preventDefault()
                        rename.mutate({ scenarioId: s.id, name: renaming.name })
                      }}
                    >
                      <input
                        aria-label={t('scenarios.list.newName', {
                          name: s.name,
                        })}
                        value={renaming.name}
                        maxLength={120}
                        autoFocus
                        onChange={(e) =>
                          setRenaming({ id: s.id, name: e.target.value })
                        }
                      />
                      <button type="submit" className="button button--primary">
                        {t('common.save')}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => setRenaming(null)}
                      >
                        {t('common.cancel')}
                      </button>
                    </form>
                  ) : (
                    <span className="scenarios-table__name">{s.name}</span>
                  )}
                  <span className={`badge badge--${s.status}`}>
                    {formatScenarioStatus(s.status)}
                  </span>
                  {s.published && s.status !== 'published' ? (
                    <span className="badge badge--published">
                      {t('scenarios.list.publishedBadge')}
                    </span>
                  ) : null}
                </td>
                <td>{s.authorName ?? '—'}</td>
                <td>{formatWhen(s.lastEditAt)}</td>
                <td className="num">
                  {s.balanceScore === null ? '—' : formatFixed(s.balanceScore)}
                </td>
                <td className="num">
                  {s.disruptedAccounts === null
                    ? '—'
                    : formatCount(s.disruptedAccounts)}
                </td>
                <td>
                  <div className="scenarios-table__actions">
                    {s.id !== currentScenarioId ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => {
                          onOpenScenario(s.id)
                          onClose()
                        }}
                      >
                        {t('scenarios.list.open')}
                      </button>
                    ) : (
                      <span className="scenarios-table__here">
                        {t('scenarios.list.openNow')}
                      </span>
                    )}
                    {!s.published ? (
                      <button
                        type="button"
                        className="button button--ghost"
                        data-testid="compare-scenario"
                        onClick={() => {
                          onCompare(s.id)
                          onClose()
                        }}
                      >
                        {t('scenarios.list.compare')}
                      </button>
                    ) : null}
                    {staff && s.status !== 'archived' ? (
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() => setRenaming({ id: s.id, name: s.name })}
                      >
                        {t('common.rename')}
                      </button>
                    ) : null}
                    {staff && s.status !== 'archived' && !s.published ? (
                      <button
                        type="button"
                        className="button button--ghost"
                        disabled={archive.isPending}
                        onClick={() => archive.mutate({ scenarioId: s.id })}
                      >
                        {t('scenarios.list.archive')}
                      </button>
                    ) : null}
                    {staff && s.status === 'draft' ? (
                      confirmDelete === s.id ? (
                        <button
                          type="button"
                          className="button button--danger"
                          data-testid="confirm-delete-scenario"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ scenarioId: s.id })}
                        >
                          {t('scenarios.list.deleteAll')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--ghost"
                          onClick={() => setConfirmDelete(s.id)}
                        >
                          {t('common.delete')}
                        </button>
                      )
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {staff && onRebase ? (
        <p className="scenarios-dialog__rebase">
          {t('scenarios.list.rebaseQuestion')}{' '}
          <button
            type="button"
            className="button button--ghost"
            onClick={onRebase}
            data-testid="open-rebase"
          >
            {t('scenarios.list.rebase')}
          </button>
        </p>
      ) : null}
      {archivedCount > 0 ? (
        <label className="scenarios-dialog__archived">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          {t('scenarios.list.showArchived', { count: archivedCount })}
        </label>
      ) : null}
    </dialog>
  )
}
