import { useQuery } from '@tanstack/react-query'
import { formatWhen } from '../../../lib/dates'
import { errorMessage } from '../../../lib/errors'
import { useTRPC } from '../../../lib/trpc'
import { Trans, useTranslation } from '../../../i18n'

const STATUSES = ['pending', 'delivered', 'failed'] as const

/**
 * A webhook's latest deliveries: status, attempts, the last answer or error, when. Polled
 * every few seconds while shown, so a test or a retry can be watched arriving.
 */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const deliveries = useQuery({
    ...trpc.integrations.deliveries.queryOptions({ webhookId }),
    refetchInterval: 3_000,
  })
  if (deliveries.error)
    return <p className="error-box">{errorMessage(deliveries.error)}</p>
  const rows = deliveries.data ?? []
  if (deliveries.isSuccess && rows.length === 0)
    return (
      <p className="admin-muted">
        <Trans
          i18nKey="admin.deliveries.nothing"
          components={{ code: <code /> }}
        />
      </p>
    )
  return (
    <table className="admin-table integrations-deliveries">
      <thead>
        <tr>
          <th>{t('admin.deliveries.event')}</th>
          <th>{t('admin.deliveries.statusHeading')}</th>
          <th>{t('admin.deliveries.attempts')}</th>
          <th>{t('admin.deliveries.lastAnswer')}</th>
          <th>{t('admin.deliveries.queued')}</th>
          <th>{t('admin.deliveries.deliveredOrNext')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery">
            <td>
              <code>{d.event}</code>
            </td>
            <td className={`integrations-status--${d.status}`}>
              {(STATUSES as readonly string[]).includes(d.status)
                ? t(
                    `admin.deliveries.status.${d.status as (typeof STATUSES)[number]}`,
                  )
                : d.status}
            </td>
            <td>{d.attempts}</td>
            <td
              className="integrations-deliveries__error"
              title={d.log
                .map(
                  (a) =>
                    `#${a.attempt} ${formatWhen(a.startedAt)}: ${a.error ?? a.statusCode} (${a.durationMs} ms)`,
                )
                .join('\n')}
            >
              {d.lastError ??
                (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}
              {d.lastDurationMs !== null ? (
                <span className="admin-muted"> · {d.lastDurationMs} ms</span>
              ) : null}
            </td>
            <td>{formatWhen(d.createdAt)}</td>
            <td>
              {d.deliveredAt
                ? formatWhen(d.deliveredAt)
                : d.nextAttemptAt
                  ? t('admin.deliveries.next', {
                      when: formatWhen(d.nextAttemptAt),
                    })
                  : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
