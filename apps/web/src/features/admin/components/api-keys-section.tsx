import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatWhen } from '../../../lib/dates'
import { useTRPC } from '../../../lib/trpc'
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
      <h3 id="api-keys-title">API keys</h3>
      <p className="admin-muted">
        A key lets a CRM route leads over plain HTTP (
        <code>POST /api/v1/route</code>) for this organization. Only its hash is
        stored: it is shown once, when made.
      </p>
      {made ? (
        <ShownOnce
          label={`The key “${made.name}”`}
          value={made.key}
          onDone={() => setMade(null)}
        >
          <p className="admin-muted">Route leads with it:</p>
          <pre className="integrations-code">{curlExample(made.key)}</pre>
          <CopyButton text={curlExample(made.key)} label="Copy the example" />
        </ShownOnce>
      ) : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Key</th>
            <th>Made</th>
            <th>Last used</th>
            <th aria-label="Actions" />
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
                {k.createdByName ? ` by ${k.createdByName}` : ''}
              </td>
              <td>{k.lastUsedAt ? formatWhen(k.lastUsedAt) : 'Never'}</td>
              <td>
                {k.revokedAt ? (
                  <span className="admin-muted">
                    Revoked {formatWhen(k.revokedAt)}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--ghost"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Revoke “${k.name}”? Calls with it fail from now on.`,
                        )
                      )
                        revoke.mutate({ apiKeyId: k.id })
                    }}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
          {keys.data?.length === 0 ? (
            <tr>
              <td colSpan={5} className="admin-muted">
                No keys yet.
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
          <span>Key name (what uses it)</span>
          <input
            required
            maxLength={80}
            value={name}
            placeholder="Salesforce lead assignment"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="create-api-key"
        >
          Make a key
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
