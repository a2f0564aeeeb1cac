import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import * as Y from 'yjs'
import { readPlanState } from '@tessera/domain'
import {
  type Database,
  activeWebhookIds,
  countLayerAccounts,
  publicationFacts,
  queueDeliveries,
} from '@tessera/db'
import { newId } from './collab/access.js'
import { loadPlanDoc } from './scoring.js'

/** The events a webhook receives (the `X-Tessera-Event` header and the payload's `event`). */
export type WebhookEvent = 'alignment.published' | 'ping'

/** What queueing webhook deliveries tells the server. */
export interface WebhookHooks {
  /** Deliveries were queued and committed: the dispatcher may send them now. */
  queued(): void
  /** Queueing failed and was rolled back; publishing went ahead without it. */
  failed(error: unknown, publicationId: string): void
}

/** A webhook's signing secret: `whsec_` and 256 random bits. */
export const newWebhookSecret = () =>
  `whsec_${randomBytes(32).toString('base64url')}`

/**
 * The `alignment.published` payload: enough for a CRM to react (which plan, which
 * scenario, from when, who published it, how big it is, where the CSV is), not the whole
 * alignment. The CSV path is the tRPC query a signed-in user downloads from.
 */
export async function publishedPayload(
  db: Kysely<Database>,
  p: NonNullable<Awaited<ReturnType<typeof publicationFacts>>>,
  now: Date,
) {
  // One after the other: inside a transaction both go over its one connection anyway.
  const territories = await frozenTerritories(db, p)
  const accounts = await countLayerAccounts(db, p.orgId, p.unitLayerId)
  const input = JSON.stringify({ planId: p.planId, date: p.effectiveDate })
  return {
    event: 'alignment.published' satisfies WebhookEvent,
    occurredAt: now.toISOString(),
    organizationId: p.orgId,
    plan: { id: p.planId, name: p.planName },
    scenario: { id: p.scenarioId, name: p.scenarioName },
    publication: {
      id: p.id,
      effectiveDate: p.effectiveDate,
      publishedAt: p.publishedAt,
      publishedBy: p.publishedBy
        ? { id: p.publishedBy, name: p.publishedByName }
        : null,
    },
    counts: {
      territories: territories.filter((t) => t.kind === 'territory').length,
      regions: territories.filter((t) => t.kind === 'region').length,
      units: p.units,
      accounts,
    },
    export: {
      procedure: 'reviews.alignmentCsv',
      input: { planId: p.planId, date: p.effectiveDate },
      path: `/trpc/reviews.alignmentCsv?input=${encodeURIComponent(input)}`,
    },
  }
}

async function frozenTerritories(
  db: Kysely<Database>,
  p: { state: Uint8Array | null; scenarioId: string | null },
) {
  if (!p.state)
    return p.scenarioId
      ? (await loadPlanDoc(db, p.scenarioId)).plan.territories
      : []
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, p.state)
    return readPlanState(doc).territories
  } finally {
    doc.destroy()
  }
}

/**
 * Queues one `alignment.published` delivery per active webhook of the publication's
 * organization, inside the caller's transaction (the outbox: the deliveries exist exactly
 * when the publication does). Behind a savepoint: if queueing fails, only it is rolled back,
 * `hooks.failed` hears of it and the publication commits all the same. Returns how many
 * were queued; the caller wakes the dispatcher after its commit.
 */
export async function queuePublishedWebhooks(
  tx: Kysely<Database>,
  publicationId: string,
  now: Date,
  hooks: WebhookHooks | undefined,
): Promise<number> {
  await sql`savepoint queue_webhooks`.execute(tx)
  try {
    const facts = await publicationFacts(tx, publicationId)
    // Most organizations have no webhook: then nothing is built.
    const webhooks = facts ? await activeWebhookIds(tx, facts.orgId) : []
    if (facts && webhooks.length > 0) {
      const payload = await publishedPayload(tx, facts, now)
      await queueDeliveries(
        tx,
        webhooks.map((webhookId) => ({
          id: newId('whd'),
          webhookId,
          event: 'alignment.published',
          payload,
          now,
        })),
      )
    }
    await sql`release savepoint queue_webhooks`.execute(tx)
    return webhooks.length
  } catch (error) {
    await sql`rollback to savepoint queue_webhooks`.execute(tx)
    hooks?.failed(error, publicationId)
    return 0
  }
}
