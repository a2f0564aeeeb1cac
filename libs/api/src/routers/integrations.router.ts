import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  deleteWebhook,
  findWebhook,
  insertApiKey,
  insertWebhook,
  listApiKeys,
  listDeliveries,
  listWebhooks,
  queueDeliveries,
  recordAudit,
  revokeApiKey,
  updateWebhook,
} from '@tessera/db'
import { newApiKey } from '../api-keys.js'
import { newId } from '../collab/access.js'
import { roleProcedure, router } from '../trpc.js'
import { newWebhookSecret } from '../webhook-events.js'
import type { Caller } from './scenario-access.js'

const id = z.string().min(1).max(100)

const Text = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} cannot be empty.`)
    .max(max, `${what} is at most ${max} characters.`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
      message: `${what} cannot contain control characters.`,
    })

/** Where a webhook is sent: an http(s) address, without credentials (fetch refuses those). */
const WebhookUrl = z
  .string()
  .trim()
  .max(2000, 'An address is at most 2,000 characters.')
  .superRefine((s, ctx) => {
    let url: URL
    try {
      url = new URL(s)
    } catch {
      ctx.addIssue({
        code: 'custom',
        message:
          'Enter a full address, like https://crm.example.com/hooks/tessera.',
      })
      return
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({
        code: 'custom',
        message: 'A webhook address starts with https:// (or http://).',
      })
    else if (url.username || url.password)
      ctx.addIssue({
        code: 'custom',
        message:
          'Leave the user name and password out of the address: receivers check the signature instead.',
      })
  })

const adminProcedure = roleProcedure('admin')

/** A webhook of the caller's organization (anything else is "not found"). */
async function webhookOfOrg(ctx: Caller, webhookId: string) {
  const hook = await findWebhook(ctx.db, webhookId)
  if (!hook || hook.orgId !== ctx.user.orgId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such webhook.' })
  return hook
}

const audit = (
  ctx: Caller,
  action: string,
  subjectType: 'api_key' | 'webhook',
  subjectId: string,
  details: Record<string, unknown>,
) => ({
  orgId: ctx.user.orgId,
  actorId: ctx.user.id,
  action: `integrations.${action}`,
  subjectType,
  subjectId,
  details,
})

/**
 * Integrations, for admins only. API keys let a CRM call the plain HTTP endpoints
 * (`POST /api/v1/route`) for the organization: a key is shown once when made (only its
 * sha-256 is stored) and can be revoked. Webhooks receive signed events (`alignment.published`
 * when an alignment takes effect, `ping` on demand); the signing secret is shown once when
 * the webhook is made or its secret rotated, never listed. Every change is audited
 * (`integrations.*`), without keys or secrets.
 */
export const integrationsRouter = router({
  apiKeys: adminProcedure.query(({ ctx }) =>
    listApiKeys(ctx.db, ctx.user.orgId),
  ),

  createApiKey: adminProcedure
    .input(z.object({ name: Text('A key’s name', 1, 80) }))
    .mutation(async ({ ctx, input }) => {
      const keyId = newId('key')
      const { key, prefix, hash } = newApiKey()
      await ctx.db.transaction().execute(async (tx) => {
        await insertApiKey(tx, {
          id: keyId,
          orgId: ctx.user.orgId,
          name: input.name,
          prefix,
          keyHash: hash,
          createdBy: ctx.user.id,
          createdAt: ctx.now(),
        })
        await recordAudit(
          tx,
          audit(ctx, 'apikey.create', 'api_key', keyId, {
            name: input.name,
            prefix,
          }),
        )
      })
      return { id: keyId, name: input.name, prefix, key }
    }),

  revokeApiKey: adminProcedure
    .input(z.object({ apiKeyId: id }))
    .mutation(async ({ ctx, input }) => {
      const key = (await listApiKeys(ctx.db, ctx.user.orgId)).find(
        (k) => k.id === input.apiKeyId,
      )
      if (!key)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such API key.' })
      const done = await ctx.db.transaction().execute(async (tx) => {
        if (!(await revokeApiKey(tx, ctx.user.orgId, key.id, ctx.now())))
          return false
        await recordAudit(
          tx,
          audit(ctx, 'apikey.revoke', 'api_key', key.id, {
            name: key.name,
            prefix: key.prefix,
          }),
        )
        return true
      })
      if (!done)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `“${key.name}” is already revoked.`,
        })
      return { ok: true }
    }),

  webhooks: adminProcedure.query(({ ctx }) =>
    listWebhooks(ctx.db, ctx.user.orgId),
  ),

  createWebhook: adminProcedure
    .input(
      z.object({
        url: WebhookUrl,
        description: Text('A description', 0, 200).default(''),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const webhookId = newId('whk')
      const secret = newWebhookSecret()
      await ctx.db.transaction().execute(async (tx) => {
        await insertWebhook(tx, {
          id: webhookId,
          orgId: ctx.user.orgId,
          url: input.url,
          secret,
          description: input.description,
          createdBy: ctx.user.id,
          createdAt: ctx.now(),
        })
        await recordAudit(
          tx,
          audit(ctx, 'webhook.create', 'webhook', webhookId, {
            url: input.url,
            description: input.description,
          }),
        )
      })
      return { id: webhookId, secret }
    }),

  /** Turns a webhook on or off, changes its address or description, or rotates its secret. */
  updateWebhook: adminProcedure
    .input(
      z.object({
        webhookId: id,
        url: WebhookUrl.optional(),
        description: Text('A description', 0, 200).optional(),
        active: z.boolean().optional(),
        rotateSecret: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const hook = await webhookOfOrg(ctx, input.webhookId)
      const secret = input.rotateSecret ? newWebhookSecret() : undefined
      const patch = {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined
          ? { description: input.description }
          : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      }
      await ctx.db.transaction().execute(async (tx) => {
        await updateWebhook(tx, hook.id, {
          ...patch,
          ...(secret ? { secret } : {}),
        })
        await recordAudit(
          tx,
          audit(ctx, 'webhook.update', 'webhook', hook.id, {
            ...patch,
            ...(secret ? { secretRotated: true } : {}),
          }),
        )
      })
      return { secret: secret ?? null }
    }),

  deleteWebhook: adminProcedure
    .input(z.object({ webhookId: id }))
    .mutation(async ({ ctx, input }) => {
      const hook = await webhookOfOrg(ctx, input.webhookId)
      await ctx.db.transaction().execute(async (tx) => {
        await deleteWebhook(tx, hook.id)
        await recordAudit(
          tx,
          audit(ctx, 'webhook.delete', 'webhook', hook.id, { url: hook.url }),
        )
      })
      return { ok: true }
    }),

  /** A webhook's latest 20 deliveries, each with its log of attempts. */
  deliveries: adminProcedure
    .input(z.object({ webhookId: id }))
    .query(async ({ ctx, input }) => {
      const hook = await webhookOfOrg(ctx, input.webhookId)
      return listDeliveries(ctx.db, hook.id, 20)
    }),

  /** Queues a `ping` to the webhook, sent and retried like any other delivery. */
  testWebhook: adminProcedure
    .input(z.object({ webhookId: id }))
    .mutation(async ({ ctx, input }) => {
      const hook = await webhookOfOrg(ctx, input.webhookId)
      if (!hook.active)
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This webhook is off: turn it on to send a test.',
        })
      const now = ctx.now()
      const deliveryId = newId('whd')
      await queueDeliveries(ctx.db, [
        {
          id: deliveryId,
          webhookId: hook.id,
          event: 'ping',
          payload: {
            event: 'ping',
            occurredAt: now.toISOString(),
            organizationId: ctx.user.orgId,
            webhook: { id: hook.id, url: hook.url },
            message: `A test delivery sent by ${ctx.user.displayName}.`,
          },
          now,
        },
      ])
      ctx.webhooks?.queued()
      return { deliveryId }
    }),
})
