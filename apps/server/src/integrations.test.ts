import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pino } from 'pino'
import { seedDemoIfEmpty } from '@tessera/demo-data'
import { type RunningServer, startServer } from './app.js'
import { loadConfig } from './config.js'
import { verifyWebhookSignature } from './webhook-protocol.js'

/**
 * The integrations through the real server: `POST /api/v1/route` with API keys made and
 * revoked by an admin, and a webhook test delivery reaching a real receiver.
 */

/** A JSON answer, read loosely as the tests poke at it. */
const json = async (res: Response) => (await res.json()) as any // eslint-disable-line @typescript-eslint/no-explicit-any

describe('integrations over HTTP', () => {
  let server: RunningServer
  let cookie = ''
  let key = ''
  let keyId = ''

  async function trpc(path: string, input?: unknown, mutation = false) {
    const url = new URL(`/trpc/${path}`, server.url)
    if (!mutation && input !== undefined)
      url.searchParams.set('input', JSON.stringify(input))
    const res = await fetch(url, {
      method: mutation ? 'POST' : 'GET',
      headers: { cookie, 'content-type': 'application/json' },
      ...(mutation ? { body: JSON.stringify(input) } : {}),
    })
    const body = (await json(res)) as {
      result?: { data: unknown }
      error?: { message: string }
    }
    if (body.error) throw new Error(body.error.message)
    return body.result!.data as any // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  const route = (
    body: string | object,
    headers: Record<string, string> = { authorization: `Bearer ${key}` },
    method = 'POST',
  ) =>
    fetch(new URL('/api/v1/route', server.url), {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'POST'
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    })

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' })
    if (!config.ok) throw new Error(config.message)
    server = await startServer(
      { ...config.config, PORT: 0 },
      {
        log: pino({ level: 'silent' }),
        seedIfEmpty: async (h) =>
          void (await seedDemoIfEmpty(h.db, { accounts: 300 })),
      },
    )
    const login = await fetch(new URL('/trpc/auth.login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@demo.tessera.dev',
        password: 'tessera-demo',
      }),
    })
    cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const made = await trpc('integrations.createApiKey', { name: 'CRM' }, true)
    key = made.key
    keyId = made.id
  }, 180_000)
  afterAll(async () => {
    await server?.close()
  })

  it('refuses what is not a POST with a key and a well-formed body, each with its status', async () => {
    const get = await route('', undefined, 'GET')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')

    const anonymous = await route({ leads: [{ zip: '10001' }] }, {})
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    expect((await json(anonymous)).error).toMatch(/Authorization: Bearer/)
    const wrong = await route(
      { leads: [{ zip: '10001' }] },
      { authorization: 'Bearer tsk_not-a-real-key' },
    )
    expect(wrong.status).toBe(401)
    expect(await json(wrong)).toEqual({ error: 'Unknown API key.' })

    const malformed = await route('{"leads": [')
    expect(malformed.status).toBe(400)
    expect((await json(malformed)).error).toMatch(/^The body is not valid JSON/)
    const shape = await route({ leads: [{ zip: '10001' }, { lat: 'north' }] })
    expect(shape.status).toBe(400)
    expect((await json(shape)).error).toMatch(/^leads\[1\]\.lat: /)
    const none = await route({ leads: [] })
    expect(await json(none)).toMatchObject({
      error: 'leads: Send at least one lead.',
    })
    const tooMany = await route({
      leads: Array.from({ length: 10_001 }, () => ({ zip: '10001' })),
    })
    expect(tooMany.status).toBe(400)
    expect((await json(tooMany)).error).toMatch(/At most 10,000 leads/)
    const huge = await route(
      `{"leads":[${'{"zip":"10001"},'.repeat(200_000)}]}`,
    )
    expect(huge.status).toBe(413)
    const unknownPlan = await route({
      planId: 'pln_nope',
      leads: [{ zip: '10001' }],
    })
    expect(unknownPlan.status).toBe(404)
    expect((await json(unknownPlan)).error).toMatch(
      /^No plan pln_nope\. The plans are: /,
    )
    const elsewhere = await fetch(new URL('/api/v1/nothing', server.url))
    expect(elsewhere.status).toBe(404)
  })

  it('routes leads with a key as routing.route does, and stops once the key is revoked', async () => {
    const leads = [
      { id: 'nyc', zip: '10001' },
      { id: 'chicago', lat: 41.88, lon: -87.63 },
      { id: 'sea', lat: 30, lon: -40 },
    ]
    const res = await route({ leads })
    expect(res.status).toBe(200)
    const body = await json(res)
    const plan = (await trpc('plans.list'))[0]
    const same = await trpc('routing.route', { planId: plan.id, leads }, true)
    expect(body.scenarioId).toBe(plan.publishedScenarioId)
    expect(body.leads).toEqual(same.leads)
    expect(body.leads[0]).toMatchObject({
      id: 'nyc',
      unitId: '36061',
      territoryId: expect.any(String),
      repName: expect.any(String),
      placedBy: 'zip',
      error: null,
    })
    expect(body.leads[2].error).toMatch(/outside every unit/)
    const keys = await trpc('integrations.apiKeys')
    expect(keys[0].lastUsedAt).not.toBeNull()

    await trpc('integrations.revokeApiKey', { apiKeyId: keyId }, true)
    const revoked = await route({ leads })
    expect(revoked.status).toBe(401)
    expect(await json(revoked)).toEqual({ error: 'This API key was revoked.' })
  })

  it('sends a webhook test delivery, signed, as soon as an admin asks', async () => {
    const received: { headers: Record<string, unknown>; body: string }[] = []
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        })
        res.end('ok')
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    const { port } = receiver.address() as AddressInfo
    try {
      const hook = await trpc(
        'integrations.createWebhook',
        { url: `http://127.0.0.1:${port}/tessera`, description: 'test' },
        true,
      )
      const { deliveryId } = await trpc(
        'integrations.testWebhook',
        { webhookId: hook.id },
        true,
      )
      for (let i = 0; i < 100 && received.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50))
      expect(received).toHaveLength(1)
      const got = received[0]!
      expect(got.headers['x-tessera-delivery']).toBe(deliveryId)
      expect(JSON.parse(got.body)).toMatchObject({ event: 'ping' })
      expect(
        verifyWebhookSignature(
          hook.secret,
          {
            signature: String(got.headers['x-tessera-signature']),
            timestamp: String(got.headers['x-tessera-timestamp']),
          },
          got.body,
          new Date(),
        ),
      ).toBe(true)
      let deliveries = await trpc('integrations.deliveries', {
        webhookId: hook.id,
      })
      for (let i = 0; i < 40 && deliveries[0].status !== 'delivered'; i++) {
        await new Promise((r) => setTimeout(r, 50))
        deliveries = await trpc('integrations.deliveries', {
          webhookId: hook.id,
        })
      }
      expect(deliveries[0]).toMatchObject({
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
      })
    } finally {
      receiver.closeAllConnections()
      await new Promise((r) => receiver.close(r))
    }
  })
})
