import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type DatabaseHandle,
  appendYjsUpdates,
  insertPublication,
  listAudit,
  listDeliveries,
  loadYjsDoc,
  seedTestPlans,
  setPublishedScenario,
  testBackends,
  updateScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type Role,
  initPlanDoc,
  openPlanDoc,
  planDocName,
} from '@tessera/domain'
import { authenticateApiKey, hashApiKey } from '../api-keys.js'
import { appRouter } from '../router.js'
import { testContext, testUser } from '../testing.js'
import type { WebhookHooks } from '../webhook-events.js'
import { activateDuePublications } from './reviews.router.js'

const people: Record<string, { orgId: string; role: Role }> = {
  usr_admin: { orgId: 'org_a', role: 'admin' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_planner: { orgId: 'org_a', role: 'planner' },
  usr_other: { orgId: 'org_b', role: 'admin' },
}

const NOW = new Date('2026-12-04T10:00:00Z')

describe.each(testBackends())('integrations on $name', (backend) => {
  let h: DatabaseHandle
  const woken: string[] = []
  const failures: string[] = []
  const hooks: WebhookHooks = {
    queued: () => woken.push('queued'),
    failed: (error, publicationId) =>
      failures.push(`${publicationId}: ${(error as Error).message}`),
  }
  const as = (userId: string, now = NOW) =>
    appRouter.createCaller(
      testContext(h.db, testUser(userId, people[userId]!), {
        now: () => now,
        webhooks: hooks,
      }),
    )

  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, {
      users: people,
      plans: [{ id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_pub'] }],
    })
    await updateScenario(h.db, 'scn_pub', { status: 'published' }, NOW)
    await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_1',
      territories: ['w', 'e'].map((k) => ({
        id: `ter_${k}`,
        name: `Territory ${k.toUpperCase()}`,
        color: '#336699',
        repId: null,
        kind: 'territory' as const,
        parentId: null,
        locked: false,
      })),
      assignments: { '01001': 'ter_w', '01003': 'ter_e' },
      accountOverrides: {},
    })
    await writeYjsSnapshot(h.db, 'scenario:scn_pub', Y.encodeStateAsUpdate(doc))
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('makes an API key shown once, stores only its hash, and refuses it once revoked', async () => {
    const made = await as('usr_admin').integrations.createApiKey({
      name: 'Salesforce',
    })
    expect(made.key).toMatch(/^tsk_[\w-]{43}$/)
    expect(made.prefix).toBe(made.key.slice(0, 12))
    const stored = await h.db.selectFrom('api_keys').selectAll().execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.key_hash).toBe(hashApiKey(made.key))
    expect(JSON.stringify(stored)).not.toContain(made.key)
    const listed = await as('usr_admin').integrations.apiKeys()
    expect(listed).toMatchObject([
      { id: made.id, name: 'Salesforce', prefix: made.prefix, revokedAt: null },
    ])
    expect(JSON.stringify(listed)).not.toContain(made.key)

    const auth = (key: string, at = NOW) =>
      authenticateApiKey(h.db, `Bearer ${key}`, at)
    expect(await auth(made.key)).toEqual({
      ok: true,
      orgId: 'org_a',
      keyId: made.id,
    })
    expect((await as('usr_admin').integrations.apiKeys())[0]!.lastUsedAt).toBe(
      NOW.toISOString(),
    )
    // Used again within the minute: not written again.
    await auth(made.key, new Date(NOW.getTime() + 30_000))
    expect((await as('usr_admin').integrations.apiKeys())[0]!.lastUsedAt).toBe(
      NOW.toISOString(),
    )
    expect(await auth('tsk_nope')).toMatchObject({ ok: false })
    expect(await authenticateApiKey(h.db, undefined, NOW)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Bearer/),
    })

    // Another organization's admin cannot see or revoke it.
    expect(await as('usr_other').integrations.apiKeys()).toEqual([])
    await expect(
      as('usr_other').integrations.revokeApiKey({ apiKeyId: made.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await as('usr_admin').integrations.revokeApiKey({ apiKeyId: made.id })
    expect(await auth(made.key)).toEqual({
      ok: false,
      message: 'This API key was revoked.',
    })
    await expect(
      as('usr_admin').integrations.revokeApiKey({ apiKeyId: made.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(
      as('usr_admin').integrations.createApiKey({ name: '  ' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })

    const audit = (await listAudit(h.db, 'org_a')).filter((a) =>
      a.action.startsWith('integrations.apikey'),
    )
    expect(audit.map((a) => a.action)).toEqual([
      'integrations.apikey.revoke',
      'integrations.apikey.create',
    ])
    expect(JSON.stringify(audit)).not.toContain(made.key)
  })

  it('registers webhooks with a secret shown once, turns them off and on, tests and deletes them', async () => {
    const admin = as('usr_admin')
    for (const url of [
      'ftp://x.test/hook',
      'not an address',
      'https://user:pw@x.test/hook',
    ])
      await expect(
        admin.integrations.createWebhook({ url }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const made = await admin.integrations.createWebhook({
      url: 'https://crm.example.com/hooks/tessera',
      description: 'CRM owner sync',
    })
    expect(made.secret).toMatch(/^whsec_[\w-]{43}$/)
    const list = await admin.integrations.webhooks()
    expect(list).toMatchObject([
      { id: made.id, active: true, description: 'CRM owner sync' },
    ])
    expect(JSON.stringify(list)).not.toContain(made.secret)

    await admin.integrations.updateWebhook({
      webhookId: made.id,
      active: false,
    })
    await expect(
      admin.integrations.testWebhook({ webhookId: made.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const rotated = await admin.integrations.updateWebhook({
      webhookId: made.id,
      active: true,
      rotateSecret: true,
    })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(made.secret)

    woken.length = 0
    const { deliveryId } = await admin.integrations.testWebhook({
      webhookId: made.id,
    })
    expect(woken).toEqual(['queued'])
    const deliveries = await admin.integrations.deliveries({
      webhookId: made.id,
    })
    expect(deliveries).toMatchObject([
      {
        id: deliveryId,
        event: 'ping',
        status: 'pending',
        attempts: 0,
        log: [],
      },
    ])
    await expect(
      as('usr_other').integrations.deliveries({ webhookId: made.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await admin.integrations.deleteWebhook({ webhookId: made.id })
    expect(await admin.integrations.webhooks()).toEqual([])
    expect(await listDeliveries(h.db, made.id)).toEqual([])
    const audit = (await listAudit(h.db, 'org_a'))
      .filter((a) => a.action.startsWith('integrations.webhook'))
      .map((a) => a.action)
    expect(audit).toEqual([
      'integrations.webhook.delete',
      'integrations.webhook.update',
      'integrations.webhook.update',
      'integrations.webhook.create',
    ])
  })

  it('queues alignment.published for each active webhook when a publication takes effect', async () => {
    const admin = as('usr_admin')
    const on = await admin.integrations.createWebhook({
      url: 'https://on.example.com/hook',
    })
    const off = await admin.integrations.createWebhook({
      url: 'https://off.example.com/hook',
    })
    await admin.integrations.updateWebhook({ webhookId: off.id, active: false })

    // A draft that moves one unit, reviewed, approved and published today.
    const { scenarioId } = await as('usr_planner').scenarios.create({
      planId: 'pln_a',
      name: 'Move 01003 west',
    })
    const stored = await loadYjsDoc(h.db, planDocName(scenarioId))
    const doc = new Y.Doc()
    for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(doc, u)
    const before = Y.encodeStateVector(doc)
    openPlanDoc(doc, { canWrite: true }).assignments.set('01003', 'ter_w')
    await appendYjsUpdates(h.db, planDocName(scenarioId), [
      Y.encodeStateAsUpdate(doc, before),
    ])
    const { roundId } = await as('usr_planner').reviews.submit({ scenarioId })
    await as('usr_manager').reviews.decide({
      scenarioId,
      roundId,
      decision: 'approve',
    })
    woken.length = 0
    const { publicationId } = await as('usr_manager').reviews.publish({
      scenarioId,
      effectiveDate: '2026-12-04',
    })
    expect(woken).toEqual(['queued'])
    expect(await listDeliveries(h.db, off.id)).toEqual([])
    const [delivery] = await listDeliveries(h.db, on.id)
    expect(delivery).toMatchObject({
      event: 'alignment.published',
      status: 'pending',
    })
    const row = await h.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('id', '=', delivery!.id)
      .executeTakeFirstOrThrow()
    expect(row.payload).toEqual({
      event: 'alignment.published',
      occurredAt: NOW.toISOString(),
      organizationId: 'org_a',
      plan: { id: 'pln_a', name: 'pln_a' },
      scenario: { id: scenarioId, name: 'Move 01003 west' },
      publication: {
        id: publicationId,
        effectiveDate: '2026-12-04',
        publishedAt: NOW.toISOString(),
        publishedBy: { id: 'usr_manager', name: 'manager' },
      },
      counts: { territories: 2, regions: 0, units: 2, accounts: 0 },
      export: {
        procedure: 'reviews.alignmentCsv',
        input: { planId: 'pln_a', date: '2026-12-04' },
        path: `/trpc/reviews.alignmentCsv?input=${encodeURIComponent('{"planId":"pln_a","date":"2026-12-04"}')}`,
      },
    })
    // A later publication reaching its date through the scheduler is announced too.
    await insertScheduled('pub_later', '2027-01-01')
    woken.length = 0
    await activateDuePublications(h.db, new Date('2027-01-01T00:00:30Z'), hooks)
    expect(woken).toEqual(['queued'])
    const latest = await listDeliveries(h.db, on.id)
    expect(latest).toHaveLength(2)
    expect(latest[0]).toMatchObject({ event: 'alignment.published' })
    expect(failures).toEqual([])
  })

  it('publishes even when queueing the webhooks fails, and says so', async () => {
    await insertScheduled('pub_broken', '2027-02-01')
    await sql`alter table webhook_deliveries rename to webhook_deliveries_away`.execute(
      h.db,
    )
    try {
      const applied = await activateDuePublications(
        h.db,
        new Date('2027-02-01T00:00:30Z'),
        hooks,
      )
      expect(applied.map((p) => p.id)).toEqual(['pub_broken'])
    } finally {
      await sql`alter table webhook_deliveries_away rename to webhook_deliveries`.execute(
        h.db,
      )
    }
    expect(failures).toEqual([
      expect.stringMatching(/^pub_broken: .*webhook_deliveries/),
    ])
    const published = await h.db
      .selectFrom('publications')
      .select('activated_at')
      .where('id', '=', 'pub_broken')
      .executeTakeFirstOrThrow()
    expect(published.activated_at).not.toBeNull()
  })

  /** A publication of the published scenario, scheduled for `date`. */
  async function insertScheduled(id: string, date: string) {
    await updateScenario(h.db, 'scn_pub', { status: 'scheduled' }, NOW)
    await insertPublication(h.db, {
      id,
      planId: 'pln_a',
      scenarioId: 'scn_pub',
      scenarioName: 'Draft',
      roundId: null,
      effectiveDate: date,
      publishedBy: 'usr_manager',
      publishedAt: NOW,
      activatedAt: null,
      state: null,
      alignment: { assignments: { '01001': 'ter_w' }, accountOverrides: {} },
    })
  }
})
