import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { useTRPC } from '../../../lib/trpc'
import { Trans, useTranslation } from '../../../i18n'
import { ShownOnce } from './shown-once'
import { WebhookDeliveries } from './webhook-deliveries'

/**
 * The organization's webhooks: add one (its signing secret shown once), turn it off and on,
 * send a test, rotate the secret, delete it, and see each one's recent deliveries.
 */
export function WebhooksSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation()
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
      <h3 id="webhooks-title">{t('admin.hooks.title')}</h3>
      <p className="admin-muted">
        <Trans i18nKey="admin.hooks.intro" components={{ code: <code /> }} />
      </p>
      <details className="integrations-help">
        <summary>{t('admin.hooks.howSigned')}</summary>
        <p>
          <Trans
            i18nKey="admin.hooks.signing"
            components={{ code: <code /> }}
          />
        </p>
        <p>{t('admin.hooks.retries')}</p>
      </details>
      {secret ? (
        <ShownOnce
          label={t('admin.hooks.secretOf', { url: secret.url })}
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
                {h.active ? t('admin.hooks.on') : t('admin.hooks.off')}
              </label>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || !h.active}
                title={h.active ? undefined : t('admin.hooks.turnOn')}
                onClick={() => test.mutate({ webhookId: h.id })}
              >
                {t('admin.hooks.sendTest')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                aria-expanded={open === h.id}
                onClick={() => setOpen(open === h.id ? null : h.id)}
              >
                {t('admin.hooks.deliveries')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                onClick={() => {
                  if (window.confirm(t('admin.hooks.confirmRotate')))
                    update.mutate({ webhookId: h.id, rotateSecret: true })
                }}
              >
                {t('admin.hooks.newSecret')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                disabled={busy}
                onClick={() => {
                  if (
                    window.confirm(
                      t('admin.hooks.confirmDelete', { url: h.url }),
                    )
                  )
                    remove.mutate({ webhookId: h.id })
                }}
              >
                {t('common.delete')}
              </button>
            </div>
            {open === h.id ? <WebhookDeliveries webhookId={h.id} /> : null}
          </li>
        ))}
        {hooks.data?.length === 0 ? (
          <li className="admin-muted">{t('admin.hooks.none')}</li>
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
          <span>{t('admin.hooks.address')}</span>
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
          <span>{t('admin.hooks.description')}</span>
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
          {t('admin.hooks.add')}
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
