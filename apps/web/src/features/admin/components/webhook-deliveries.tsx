import { useQuery } from '@tanstack/react-query'
import { formatWhen } from '../../../lib/dates'
import { errorMessage } from '../../../lib/errors'
import { useTRPC } from '../../../lib/trpc'

const STATUS: Record<string, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
}

/**
 * A webhook's latest deliveries: status, attempts, the last answer or error, when. Polled
 * every few seconds while shown, so a test or a retry can be watched arriving.
 */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
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
        Nothing sent yet: “Send test” queues a <code>ping</code>.
      </p>
    )
  return (
    <table className="admin-table integrations-deliveries">
      <thead>
        <tr>
          <th>Event</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Last answer</th>
          <th>Queued</th>
          <th>Delivered / next try</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery">
            <td>
              <code>{d.event}</code>
            </td>
            <td className={`integrations-status--${d.status}`}>
              {STATUS[d.status] ?? d.status}
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
                  ? `next ${formatWhen(d.nextAttemptAt)}`
                  : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
