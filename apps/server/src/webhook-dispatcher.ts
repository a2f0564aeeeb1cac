import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import {
  type ClaimedDelivery,
  type Database,
  claimDueDeliveries,
  finishDeliveryAttempt,
} from '@tessera/db'
import { every } from './periodic.js'
import { nextAttemptAt, webhookHeaders } from './webhook-protocol.js'

export interface DispatcherOptions {
  /** How often due deliveries are looked for (a wake-up sends at once in between). */
  everyMs?: number
  /** The first look, after start (a restarted server catches up). */
  firstMs?: number
  /** How long a receiver has to answer one attempt. */
  timeoutMs?: number
  /** Deliveries claimed, and sent in parallel, per round. */
  batch?: number
  /** How long a claim holds a delivery before another process may take it again. */
  leaseMs?: number
  now?: () => Date
}

export interface WebhookDispatcher {
  /** Deliveries were just queued: send them now rather than at the next sweep. */
  wake(): void
  /** Sends every delivery due now (claiming round after round); resolves to the attempts made. */
  runOnce(): Promise<number>
  /** Stops sweeping and waits for the attempts in flight (each ends within `timeoutMs`). */
  stop(): Promise<void>
}

/**
 * Sends queued webhook deliveries (`webhook_deliveries`, filled when an alignment takes
 * effect or an admin sends a test): a signed POST each, 2xx within `timeoutMs` counts as
 * delivered; anything else is retried on the `RETRY_DELAYS_MS` schedule, then failed. Every
 * attempt is logged in `webhook_attempts`. Each server process runs one; they share the work
 * through `claimDueDeliveries` (rows claimed `for update skip locked`, with a lease), so an
 * attempt is made by one process only, and a process that dies mid-send leaves its claims
 * due again when the lease ends. Publishing never waits for any of this.
 */
export function startWebhookDispatcher(
  db: Kysely<Database>,
  log: Logger,
  opts: DispatcherOptions = {},
): WebhookDispatcher {
  const timeoutMs = opts.timeoutMs ?? 5_000
  const batch = opts.batch ?? 10
  const leaseMs = opts.leaseMs ?? 60_000
  const now = opts.now ?? (() => new Date())
  let running: Promise<number> | null = null
  let again = false
  let stopped = false

  async function deliver(d: ClaimedDelivery): Promise<void> {
    const startedAt = now()
    const started = performance.now()
    const body = JSON.stringify(d.payload)
    let statusCode: number | null = null
    let error: string | null = null
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: webhookHeaders({
          event: d.event,
          deliveryId: d.id,
          secret: d.secret,
          body,
          at: startedAt,
        }),
        body,
        // A redirect is an answer, not a delivery: following it could send the signed
        // payload somewhere the admin never registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      statusCode = res.status
      const excerpt = await readExcerpt(res)
      if (res.status < 200 || res.status > 299)
        error = `HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`
    } catch (e) {
      error = describeFailure(e, timeoutMs)
    }
    const durationMs = Math.round(performance.now() - started)
    const delivered = error === null
    const retryAt = delivered ? null : nextAttemptAt(d.attempt, now())
    await finishDeliveryAttempt(db, {
      deliveryId: d.id,
      attempt: d.attempt,
      startedAt,
      durationMs,
      statusCode,
      error,
      delivered,
      retryAt,
    })
    if (!delivered)
      log[retryAt ? 'info' : 'warn'](
        { delivery: d.id, webhook: d.webhookId, attempt: d.attempt, error },
        retryAt ? 'webhook: attempt failed, will retry' : 'webhook: gave up',
      )
  }

  async function round(): Promise<number> {
    const at = now()
    const claimed = await claimDueDeliveries(db, {
      now: at,
      leaseUntil: new Date(at.getTime() + leaseMs),
      limit: batch,
    })
    await Promise.all(claimed.map(deliver))
    return claimed.length
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      let attempts = 0
      try {
        do {
          again = false
          const n = await round()
          attempts += n
          // A full batch: there may be more due right now.
          if (n === batch) again = true
        } while (again && !stopped)
      } finally {
        running = null
      }
      return attempts
    })()
    return running
  }

  const sweep = () =>
    void runOnce().catch((error: Error) =>
      log.warn({ err: error }, 'webhook: sending deliveries failed'),
    )
  const stopSweeping = every(
    sweep,
    opts.firstMs ?? 3_000,
    opts.everyMs ?? 10_000,
  )
  return {
    wake: () => {
      if (!stopped) sweep()
    },
    runOnce,
    async stop() {
      stopped = true
      stopSweeping()
      await running?.catch(() => undefined)
    },
  }
}

/** The start of a refusal's body, for the admin to read (a few hundred characters at most). */
async function readExcerpt(res: Response, max = 300): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < max) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
    }
  } catch {
    // A body cut short is still an answer: the status code decides.
  } finally {
    void reader.cancel().catch(() => undefined)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .slice(0, max)
    .replace(/\s+/g, ' ')
    .trim()
}

function describeFailure(e: unknown, timeoutMs: number): string {
  const error = e as Error & { cause?: { code?: string; message?: string } }
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return `No answer within ${timeoutMs / 1000} s.`
  const cause = error.cause?.code ?? error.cause?.message
  return cause ? `${error.message} (${cause})` : error.message
}
