import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Role, roles } from '@tessera/domain'
import { useId, useState } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { errorMessage } from '../../../lib/errors'
import { formatRole } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'
import { IntegrationsDialog } from './integrations-dialog'
import '../admin.css'

/**
 * The organization, for admins: its name, its users with their role and rep link, a new
 * user with a first password, and a password reset. The server refuses what an admin may
 * not do (change their own role, demote the last admin) and says why.
 */
export function AdminDialog({
  open,
  onClose,
  currentUserId,
}: {
  open: boolean
  onClose: () => void
  currentUserId: string
}) {
  const { t } = useTranslation()
  const ref = useModalDialog(open)
  const titleId = useId()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const data = useQuery({ ...trpc.admin.users.queryOptions(), enabled: open })
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() })
  const update = useMutation(
    trpc.admin.updateUser.mutationOptions({ onSettled: refresh }),
  )
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess: () => {
        setDraft(emptyDraft)
        refresh()
      },
    }),
  )
  const reset = useMutation(
    trpc.admin.resetPassword.mutationOptions({
      onSuccess: () => setResetting(null),
    }),
  )
  const rename = useMutation(
    trpc.admin.renameOrganization.mutationOptions({ onSuccess: refresh }),
  )
  const [orgName, setOrgName] = useState<string | null>(null)
  const [integrations, setIntegrations] = useState(false)
  const [draft, setDraft] = useState(emptyDraft)
  const [resetting, setResetting] = useState<{
    userId: string
    password: string
  } | null>(null)
  const failed = [update, create, reset, rename].find((m) => m.error)?.error
  const reps = data.data?.reps ?? []

  return (
    <dialog
      ref={ref}
      className="modal-dialog admin-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="admin-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={titleId}
        title={t('admin.title')}
        onClose={onClose}
      />
      {data.error ? (
        <p className="error-box">{errorMessage(data.error)}</p>
      ) : null}
      <form
        className="admin-dialog__row"
        onSubmit={(e) => {
          e.preventDefault()
          if (orgName !== null) rename.mutate({ name: orgName })
        }}
      >
        <label className="admin-field">
          <span>{t('admin.orgName')}</span>
          <input
            value={orgName ?? data.data?.organization.name ?? ''}
            maxLength={120}
            onChange={(e) => setOrgName(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button"
          disabled={orgName === null || rename.isPending}
        >
          {t('common.rename')}
        </button>
        <button
          type="button"
          className="button button--secondary admin-dialog__end"
          onClick={() => setIntegrations(true)}
          data-testid="open-integrations"
        >
          {t('admin.integrations')}
        </button>
      </form>

      <div className="admin-dialog__scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.name')}</th>
              <th>{t('admin.email')}</th>
              <th>{t('admin.role')}</th>
              <th>{t('admin.rep')}</th>
              <th aria-label={t('admin.actions')} />
            </tr>
          </thead>
          <tbody>
            {(data.data?.users ?? []).map((u) => (
              <tr key={u.id} data-testid="admin-user">
                <td>{u.displayName}</td>
                <td className="admin-table__email">{u.email}</td>
                <td>
                  <select
                    aria-label={t('admin.roleOf', { name: u.displayName })}
                    value={u.role}
                    disabled={u.id === currentUserId || update.isPending}
                    title={
                      u.id === currentUserId ? t('admin.ownRole') : undefined
                    }
                    onChange={(e) =>
                      update.mutate({
                        userId: u.id,
                        role: e.target.value as Role,
                      })
                    }
                  >
                    <RoleOptions />
                  </select>
                </td>
                <td>
                  {u.role === 'rep' ? (
                    <select
                      aria-label={t('admin.repOf', { name: u.displayName })}
                      value={u.repId ?? ''}
                      disabled={update.isPending}
                      onChange={(e) =>
                        update.mutate({
                          userId: u.id,
                          repId: e.target.value || null,
                        })
                      }
                    >
                      <option value="">{t('admin.notLinked')}</option>
                      {reps.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="admin-muted">—</span>
                  )}
                </td>
                <td>
                  {resetting?.userId === u.id ? (
                    <form
                      className="admin-dialog__inline"
                      onSubmit={(e) => {
                        e.preventDefault()
                        reset.mutate(resetting)
                      }}
                    >
                      <input
                        type="password"
                        aria-label={t('admin.newPasswordFor', {
                          name: u.displayName,
                        })}
                        autoComplete="new-password"
                        minLength={12}
                        required
                        value={resetting.password}
                        onChange={(e) =>
                          setResetting({
                            ...resetting,
                            password: e.target.value,
                          })
                        }
                      />
                      <button type="submit" className="button">
                        {t('admin.set')}
                      </button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() =>
                        setResetting({ userId: u.id, password: '' })
                      }
                    >
                      {t('admin.resetPassword')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form
        className="admin-dialog__row"
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate({
            ...draft,
            repId: draft.role === 'rep' && draft.repId ? draft.repId : null,
          })
        }}
      >
        <label className="admin-field">
          <span>{t('admin.name')}</span>
          <input
            required
            maxLength={120}
            value={draft.displayName}
            onChange={(e) =>
              setDraft({ ...draft, displayName: e.target.value })
            }
          />
        </label>
        <label className="admin-field">
          <span>{t('admin.email')}</span>
          <input
            type="email"
            required
            maxLength={320}
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
        </label>
        <label className="admin-field">
          <span>{t('admin.role')}</span>
          <select
            value={draft.role}
            onChange={(e) =>
              setDraft({ ...draft, role: e.target.value as Role })
            }
          >
            <RoleOptions />
          </select>
        </label>
        {draft.role === 'rep' ? (
          <label className="admin-field">
            <span>{t('admin.rep')}</span>
            <select
              value={draft.repId}
              onChange={(e) => setDraft({ ...draft, repId: e.target.value })}
            >
              <option value="">{t('admin.notLinked')}</option>
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="admin-field">
          <span>{t('admin.firstPassword')}</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="admin-add-user"
        >
          {t('admin.addUser')}
        </button>
      </form>
      {failed ? (
        <p className="error-box" role="alert">
          {errorMessage(failed)}
        </p>
      ) : null}
      <IntegrationsDialog
        open={open && integrations}
        onClose={() => setIntegrations(false)}
      />
    </dialog>
  )
}

const emptyDraft = {
  displayName: '',
  email: '',
  role: 'planner' as Role,
  repId: '',
  password: '',
}

/** Every role, as the options of a select. */
function RoleOptions() {
  // Re-rendered with the language: the labels come from `formatRole`.
  useTranslation()
  return roles.map((r) => (
    <option key={r} value={r}>
      {formatRole(r)}
    </option>
  ))
}
