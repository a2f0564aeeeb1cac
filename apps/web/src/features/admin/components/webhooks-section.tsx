import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { useTRPC } from '../../../lib/trpc'
import { ShownOnce } from './shown-once'
import { WebhookDeliveries } from './webhook-deliveries'

/**
 * The organization's webhooks: add one (its signing secret shown once), turn it off and on,
 * send a test, rotate the secret, delete it, and see each one's recent deliveries.
 */
export function WebhooksSection({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const hooks = useQuery({
    ...trpc.integrations.webhooks.queryOptions(),
    enabled,
  })
  const refresh = () =>
    void queryClient.invalidateQueries({
      queryKey: trpc.integrations.pathKey(),
    })
  const [draft, setDraft] = useState({ url: '', description: '' })
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(
    null,
  )
  const [open, setOpen] = useState<string | null>(null)
  const create = useMutation(
    trpc.integrations.createWebhook.mutationOptions({
      onSuccess: (made, input) => {
        setSecret({ url: input.url, secret: made.secret })
        setDraft({ url: '', description: '' })
        setOpen(made.id)
        refresh()
      },
    }),
  )
  const update = useMutation(
    trpc.integrations.updateWebhook.mutationOptions({
      onSuccess: (r, input) => {
        const hook = hooks.data?.find((h) => h.id === input.webhookId)
        if (r.secret) setSecret({ url: hook?.url ?? '', secret: r.secret })
      },
      onSettled: refresh,
    }),
  )
  const remove = useMutation(
    trpc.integrations.deleteWebhook.mutationOptions({ onSettled: refresh }),
  )
  const test = useMutation(
    trpc.integrations.testWebhook.mutationOptions({
      onSuccess: (_, input) => setOpen(input.webhookId),
      onSettled: refresh,
    }),
  )
  const failed =
    hooks.error ?? create.error ?? update.error ?? remove.error ?? test.error
  const busy = update.isPending || remove.isPending || test.isPending

  return (
    <section className="integrations-section" aria-labelledby="webhooks-title">
      <h3 id="webhooks-title">Webhooks</h3>
      <p className="admin-muted">
        When an alignment takes effect, Tessera POSTs{' '}
        <code>alignment.published</code> to each webhook that is on: the plan,
        the scenario, the effective date, who published it, its size, and where
        its CSV is.
      </p>
      <details className="integrations-help">
        <summary>How deliveries are signed and retried</summary>
        <p>
          Each delivery is a JSON POST with the headers{' '}
          <code>X-Tessera-Event</code>, <code>X-Tessera-Delivery</code> (its id,
          the same on every retry), <code>X-Tessera-Timestamp</code> (Unix
          seconds) and <code>X-Tessera-Signature: sha256=&lt;hex&gt;</code>, the
          HMAC-SHA256 of <code>&lt;timestamp&gt;.&lt;raw body&gt;</code> keyed
          with the webhook’s whole secret (<code>whsec_…</code>). Compute it
          over the body exactly as received, compare in constant time, and
          refuse timestamps more than 5 minutes away from your clock.
        </p>
        <p>
          A 2xx answer within 5 seconds is a delivery. Anything else is tried
          again after 30 s, 2 min, 10 min, 1 h and 6 h, then marked failed.
          Redirects are not followed.
        </p>
      </details>
      {secret ? (
        <ShownOnce
          label={`The signing secret of ${secret.url}`}
          value={secret.secret}
          onDone={() => setSecret(null)}
        />
      ) : null}
      <ul className="integrations-hooks">
        {(hooks.data ?? []).map((h) => (
          <li key={h.id} className="integrations-hook" data-testid="webhook">
            <div className="integrations-hook__head">
              <div>
                <div className="integrations-hook__url">{h.url}</div>
                {h.description ? (
                  <div className="admin-muted">{h.description}</div>
                ) : null}
              </div>
              <label className="integrations-toggle">
                <input
                  type="checkbox"
                  checked={h.active}
                  disabled={busy}
                  onChange={(e) =>
                    update.mutate({ webhookId: h.id, active: e.target.checked })
                  }
                />
                {h.active ? 'On' : 'Off'}
              </label>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || !h.active}
                title={h.active ? undefined : 'Turn it on to send a test.'}
                onClick={() => test.mutate({ webhookId: h.id })}
              >
                Send test
              </button>
              <button
                type="button"
                className="button button--ghost"
                aria-expanded={open === h.id}
                onClick={() => setOpen(open === h.id ? null : h.id)}
              >
                Deliveries
              </button>
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                onClick={() => {
                  if (
                    window.confirm(
                      'Make a new signing secret? The receiver must use the new one from now on.',
                    )
                  )
                    update.mutate({ webhookId: h.id, rotateSecret: true })
                }}
              >
                New secret
              </button>
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                onClick={() => {
                  if (
                    window.confirm(
                      `Delete the webhook ${h.url} and its delivery log?`,
                    )
                  )
                    remove.mutate({ webhookId: h.id })
                }}
              >
                Delete
              </button>
            </div>
            {open === h.id ? <WebhookDeliveries webhookId={h.id} /> : null}
          </li>
        ))}
        {hooks.data?.length === 0 ? (
          <li className="admin-muted">No webhooks yet.</li>
        ) : null}
      </ul>
      <form
        className="admin-dialog__row"
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(draft)
        }}
      >
        <label className="admin-field integrations-field--wide">
          <span>Address (https://…)</span>
          <input
            type="url"
            required
            maxLength={2000}
            placeholder="https://crm.example.com/hooks/tessera"
            value={draft.url}
            onChange={(e) => setDraft({ ...draft, url: e.target.value })}
          />
        </label>
        <label className="admin-field">
          <span>Description</span>
          <input
            maxLength={200}
            value={draft.description}
            onChange={(e) =>
              setDraft({ ...draft, description: e.target.value })
            }
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="add-webhook"
        >
          Add webhook
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
