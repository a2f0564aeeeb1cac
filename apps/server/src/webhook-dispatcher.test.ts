import {
  type IncomingMessage,
  type ServerResponse,
  createServer,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import { activateDuePublications } from '@tessera/api'
import {
  type DatabaseHandle,
  insertPublication,
  insertWebhook,
  listDeliveries,
  queueDeliveries,
  seedTestPlans,
  testBackends,
  updateScenario,
} from '@tessera/db'
import { startWebhookDispatcher } from './webhook-dispatcher.js'
import { verifyWebhookSignature } from './webhook-protocol.js'

const log = pino({ level: 'silent' })
const T = new Date('2026-12-04T10:00:00Z')
const SECRET = 'whsec_dispatcher_test'

interface Received {
  headers: IncomingMessage['headers']
  body: string
}

/** A real webhook receiver on a free port; `answer` decides each request's fate. */
async function receiver(
  answer: (n: number, res: ServerResponse, r: Received) => void,
) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString() }
      received.push(r)
      answer(received.length, res, r)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe.each(testBackends())('webhook dispatcher on $name', (backend) => {
  let h: DatabaseHandle
  let n = 0
  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, {
      users: { usr_admin: { orgId: 'org_a', role: 'admin' } },
      plans: [{ id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_a'] }],
    })
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  async function webhook(url: string) {
    const id = `whk_${++n}`
    await insertWebhook(h.db, {
      id,
      orgId: 'org_a',
      url,
      secret: SECRET,
      description: '',
      createdBy: 'usr_admin',
      createdAt: T,
    })
    return id
  }
  const ping = (webhookId: string, id: string) =>
    queueDeliveries(h.db, [
      { id, webhookId, event: 'ping', payload: { event: 'ping', id }, now: T },
    ])

  it('retries a 500 after 30 s, delivers on the 200, signs every attempt and logs each', async () => {
    const r = await receiver((i, res) => {
      res.statusCode = i === 1 ? 500 : 200
      res.end(i === 1 ? 'database   down' : 'ok')
    })
    const webhookId = await webhook(r.url)
    await ping(webhookId, 'whd_retry')
    let clock = T
    const d = startWebhookDispatcher(h.db, log, {
      now: () => clock,
      firstMs: 3_600_000,
    })
    try {
      expect(await d.runOnce()).toBe(1)
      let [delivery] = await listDeliveries(h.db, webhookId)
      expect(delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'HTTP 500: database down',
        nextAttemptAt: new Date(T.getTime() + 30_000).toISOString(),
        deliveredAt: null,
      })
      // Not due yet.
      clock = new Date(T.getTime() + 10_000)
      expect(await d.runOnce()).toBe(0)
      clock = new Date(T.getTime() + 31_000)
      expect(await d.runOnce()).toBe(1)
      ;[delivery] = await listDeliveries(h.db, webhookId)
      expect(delivery).toMatchObject({
        status: 'delivered',
        attempts: 2,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
      })
      expect(delivery!.deliveredAt).not.toBeNull()
      expect(
        delivery!.log.map((a) => [a.attempt, a.statusCode, a.error]),
      ).toEqual([
        [1, 500, 'HTTP 500: database down'],
        [2, 200, null],
      ])
      expect(await d.runOnce()).toBe(0)
    } finally {
      await d.stop()
      await r.close()
    }
    expect(r.received).toHaveLength(2)
    for (const [i, got] of r.received.entries()) {
      expect(got.headers['content-type']).toBe('application/json')
      expect(got.headers['x-tessera-event']).toBe('ping')
      expect(got.headers['x-tessera-delivery']).toBe('whd_retry')
      expect(JSON.parse(got.body)).toEqual({ event: 'ping', id: 'whd_retry' })
      const sig = {
        signature: String(got.headers['x-tessera-signature']),
        timestamp: String(got.headers['x-tessera-timestamp']),
      }
      const at = new Date(T.getTime() + (i === 0 ? 0 : 31_000))
      expect(verifyWebhookSignature(SECRET, sig, got.body, at)).toBe(true)
      expect(verifyWebhookSignature('whsec_wrong', sig, got.body, at)).toBe(
        false,
      )
    }
  })

  it('times out a receiver that never answers, schedules a retry, and publishing does not wait', async () => {
    // The receiver takes the request and never answers.
    const r = await receiver(() => undefined)
    const webhookId = await webhook(r.url)
    const d = startWebhookDispatcher(h.db, log, {
      now: () => T,
      timeoutMs: 1_000,
      firstMs: 3_600_000,
    })
    try {
      await updateScenario(h.db, 'scn_a', { status: 'scheduled' }, T)
      await insertPublication(h.db, {
        id: 'pub_a',
        planId: 'pln_a',
        scenarioId: 'scn_a',
        scenarioName: 'Draft',
        roundId: null,
        effectiveDate: '2026-12-04',
        publishedBy: 'usr_admin',
        publishedAt: T,
        activatedAt: null,
        state: null,
        alignment: { assignments: {}, accountOverrides: {} },
      })
      const failed: unknown[] = []
      const started = performance.now()
      const applied = await activateDuePublications(h.db, T, {
        queued: () => d.wake(),
        failed: (error) => failed.push(error),
      })
      const publishMs = performance.now() - started
      expect(applied.map((p) => p.id)).toEqual(['pub_a'])
      expect(failed).toEqual([])
      // In force at once, while the delivery is still waiting on the receiver.
      const [pending] = await listDeliveries(h.db, webhookId)
      expect(pending).toMatchObject({
        event: 'alignment.published',
        status: 'pending',
        log: [],
      })
      expect(publishMs).toBeLessThan(1_000)

      // The attempt the wake-up started ends at the timeout.
      await d.runOnce()
      const [delivery] = await listDeliveries(h.db, webhookId)
      expect(delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: null,
        lastError: 'No answer within 1 s.',
        nextAttemptAt: new Date(T.getTime() + 30_000).toISOString(),
      })
      expect(delivery!.log).toHaveLength(1)
      expect(delivery!.log[0]!.durationMs).toBeGreaterThanOrEqual(900)
      expect(r.received).toHaveLength(1)
    } finally {
      await d.stop()
      await r.close()
    }
  })

  it('sends each delivery once when several processes dispatch at the same time', async () => {
    const r = await receiver((_, res) => {
      setTimeout(() => res.end('ok'), 20)
    })
    // Only this test's webhook: the earlier ones' retries would fall due too.
    await h.db.deleteFrom('webhooks').execute()
    const webhookId = await webhook(r.url)
    const ids = Array.from({ length: 25 }, (_, i) => `whd_many_${i}`)
    await queueDeliveries(
      h.db,
      ids.map((id) => ({
        id,
        webhookId,
        event: 'ping',
        payload: { id },
        now: T,
      })),
    )
    const later = () => new Date(T.getTime() + 3_600_000)
    const a = startWebhookDispatcher(h.db, log, {
      now: later,
      batch: 4,
      firstMs: 3_600_000,
    })
    const b = startWebhookDispatcher(h.db, log, {
      now: later,
      batch: 4,
      firstMs: 3_600_000,
    })
    try {
      const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()])
      expect(na + nb).toBe(25)
    } finally {
      await Promise.all([a.stop(), b.stop(), r.close()])
    }
    const sent = r.received.map((got) =>
      String(got.headers['x-tessera-delivery']),
    )
    expect(sent.sort()).toEqual([...ids].sort())
    const deliveries = await listDeliveries(h.db, webhookId, 100)
    expect(deliveries.every((x) => x.status === 'delivered')).toBe(true)
    expect(deliveries.every((x) => x.attempts === 1)).toBe(true)
  })
})
