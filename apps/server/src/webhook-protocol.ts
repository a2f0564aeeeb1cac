import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * How Tessera signs a webhook delivery (documented in the README and the admin's
 * Integrations dialog). The signed text is `<timestamp>.<raw body>`, the timestamp being
 * the `X-Tessera-Timestamp` header (Unix seconds): binding the time into the signature
 * lets a receiver refuse a replayed delivery, as Stripe's and Slack's schemes do. The key
 * is the whole secret as UTF-8, `whsec_` included.
 */
export function signWebhook(
  secret: string,
  timestamp: number | string,
  body: string,
): string {
  const mac = createHmac('sha256', secret)
    .update(`${timestamp}.${body}`)
    .digest('hex')
  return `sha256=${mac}`
}

/**
 * A receiver's check (what the tests run, and a reference for integrators): the signature
 * matches, compared in constant time, and the timestamp is within `toleranceS` of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string; timestamp: string },
  body: string,
  now: Date,
  toleranceS = 300,
): boolean {
  const ts = Number(headers.timestamp)
  if (!Number.isInteger(ts)) return false
  if (Math.abs(now.getTime() / 1000 - ts) > toleranceS) return false
  const expected = Buffer.from(signWebhook(secret, ts, body))
  const given = Buffer.from(headers.signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The headers of one delivery attempt. */
export function webhookHeaders(d: {
  event: string
  deliveryId: string
  secret: string
  body: string
  at: Date
}): Record<string, string> {
  const timestamp = Math.floor(d.at.getTime() / 1000)
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Tessera-Webhooks/1',
    'X-Tessera-Event': d.event,
    'X-Tessera-Delivery': d.deliveryId,
    'X-Tessera-Timestamp': String(timestamp),
    'X-Tessera-Signature': signWebhook(d.secret, timestamp, d.body),
  }
}

/**
 * The waits after each failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h. Six attempts in all
 * over about 7 h 12 min, long enough to ride out a receiver's deploy or short outage; then
 * the delivery is failed and the admin sees it.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  60 * 60_000,
  6 * 60 * 60_000,
]

/** When to try again after failed attempt number `attempt` (1-based), or null: give up. */
export function nextAttemptAt(attempt: number, failedAt: Date): Date | null {
  const wait = RETRY_DELAYS_MS[attempt - 1]
  return wait === undefined ? null : new Date(failedAt.getTime() + wait)
}
