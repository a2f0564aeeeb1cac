import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatWhen } from '../../../lib/dates'
import { useTRPC } from '../../../lib/trpc'
import { Trans, useTranslation } from '../../../i18n'
import { CopyButton, ShownOnce } from './shown-once'

/** What a CRM sends to route leads with a key: the example shown beside a new key. */
function curlExample(key: string): string {
  return [
    `curl -X POST ${window.location.origin}/api/v1/route \\`,
    `  -H 'Authorization: Bearer ${key}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"leads":[{"id":"lead-1","zip":"10001"},{"id":"lead-2","lat":41.88,"lon":-87.63}]}'`,
  ].join('\n')
}

/**
 * The organization's API keys: a CRM calls `POST /api/v1/route` with one. A new key is shown
 * once, with a curl example; the list shows only each key's first characters.
 */
export function ApiKeysSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const keys = useQuery({
    ...trpc.integrations.apiKeys.queryOptions(),
    enabled,
  })
  const refresh = () =>
    void queryClient.invalidateQueries({
      queryKey: trpc.integrations.apiKeys.queryKey(),
    })
  const [name, setName] = useState('')
  const [made, setMade] = useState<{ name: string; key: string } | null>(null)
  const create = useMutation(
    trpc.integrations.createApiKey.mutationOptions({
      onSuccess: (k) => {
        setMade({ name: k.name, key: k.key })
        setName('')
        refresh()
      },
    }),
  )
  const revoke = useMutation(
    trpc.integrations.revokeApiKey.mutationOptions({ onSettled: refresh }),
  )
  const failed = keys.error ?? create.error ?? revoke.error

  return (
    <section className="integrations-section" aria-labelledby="api-keys-title">
      <h3 id="api-keys-title">{t('admin.keys.title')}</h3>
      <p className="admin-muted">
        <Trans i18nKey="admin.keys.intro" components={{ code: <code /> }} />
      </p>
      {made ? (
        <ShownOnce
          label={t('admin.keys.theKey', { name: made.name })}
          value={made.key}
          onDone={() => setMade(null)}
        >
          <p className="admin-muted">{t('admin.keys.routeWith')}</p>
          <pre className="integrations-code">{curlExample(made.key)}</pre>
          <CopyButton
            text={curlExample(made.key)}
            label={t('admin.keys.copyExample')}
          />
        </ShownOnce>
      ) : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.name')}</th>
            <th>{t('admin.keys.key')}</th>
            <th>{t('admin.keys.made')}</th>
            <th>{t('admin.keys.lastUsed')}</th>
            <th aria-label={t('admin.actions')} />
          </tr>
        </thead>
        <tbody>
          {(keys.data ?? []).map((k) => (
            <tr key={k.id} data-testid="api-key">
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>
                {formatWhen(k.createdAt)}
                {k.createdByName
                  ? t('admin.keys.by', { name: k.createdByName })
                  : ''}
              </td>
              <td>
                {k.lastUsedAt
                  ? formatWhen(k.lastUsedAt)
                  : t('admin.keys.never')}
              </td>
              <td>
                {k.revokedAt ? (
                  <span className="admin-muted">
                    {t('admin.keys.revoked', {
                      when: formatWhen(k.revokedAt),
                    })}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--ghost"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          t('admin.keys.confirmRevoke', { name: k.name }),
                        )
                      )
                        revoke.mutate({ apiKeyId: k.id })
                    }}
                  >
                    {t('admin.keys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
          {keys.data?.length === 0 ? (
            <tr>
              <td colSpan={5} className="admin-muted">
                {t('admin.keys.none')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form
        className="admin-dialog__row"
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate({ name })
        }}
      >
        <label className="admin-field">
          <span>{t('admin.keys.keyName')}</span>
          <input
            required
            maxLength={80}
            value={name}
            placeholder={t('admin.keys.keyPlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="create-api-key"
        >
          {t('admin.keys.make')}
        </button>
      </form>
      {failed ? (
        <p className="error-box" role="alert">
          {errorMessage(failed)}
        </p>
      ) : null}
    </section>
  )
}
