import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/** An API key as the admin sees it: never the key, only its prefix. */
export interface ApiKeyRecord {
  id: string
  name: string
  prefix: string
  createdBy: string | null
  createdByName: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** A webhook without its secret (the secret is shown once, when made or rotated). */
export interface WebhookRecord {
  id: string
  orgId: string
  url: string
  description: string
  active: boolean
  createdBy: string | null
  createdByName: string | null
  createdAt: string
}

const iso = (d: Date | string | null) =>
  d === null ? null : new Date(d).toISOString()

// ── API keys ─────────────────────────────────────────────────────────────────

export async function insertApiKey(
  db: Kysely<Database>,
  k: {
    id: string
    orgId: string
    name: string
    prefix: string
    keyHash: string
    createdBy: string
    createdAt: Date
  },
): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: k.id,
      org_id: k.orgId,
      name: k.name,
      prefix: k.prefix,
      key_hash: k.keyHash,
      created_by: k.createdBy,
      created_at: k.createdAt,
    })
    .execute()
}

/** The organization's keys, revoked ones too, newest first. */
export async function listApiKeys(
  db: Kysely<Database>,
  orgId: string,
): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.created_by',
      'k.created_at',
      'k.last_used_at',
      'k.revoked_at',
      'u.display_name as created_by_name',
    ])
    .where('k.org_id', '=', orgId)
    .orderBy('k.created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at)!,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  }))
}

/** Revokes one of the organization's keys; false if there is none or it already was. */
export async function revokeApiKey(
  db: Kysely<Database>,
  orgId: string,
  keyId: string,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', keyId)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** The key with this hash (revoked or not: the caller says which). */
export async function findApiKeyByHash(
  db: Kysely<Database>,
  keyHash: string,
): Promise<
  | { id: string; orgId: string; lastUsedAt: Date | null; revoked: boolean }
  | undefined
> {
  const r = await db
    .selectFrom('api_keys')
    .select(['id', 'org_id', 'last_used_at', 'revoked_at'])
    .where('key_hash', '=', keyHash)
    .executeTakeFirst()
  return (
    r && {
      id: r.id,
      orgId: r.org_id,
      lastUsedAt: r.last_used_at && new Date(r.last_used_at),
      revoked: r.revoked_at !== null,
    }
  )
}

/**
 * Notes that a key was used, unless that was noted less than `everyMs` ago: a CRM calling
 * many times a second costs one write a minute, however many processes serve it.
 */
export async function touchApiKey(
  db: Kysely<Database>,
  keyId: string,
  now: Date,
  everyMs = 60_000,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', keyId)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<=', new Date(now.getTime() - everyMs)),
      ]),
    )
    .execute()
}

// ── Webhooks ─────────────────────────────────────────────────────────────────

export async function insertWebhook(
  db: Kysely<Database>,
  w: {
    id: string
    orgId: string
    url: string
    secret: string
    description: string
    createdBy: string
    createdAt: Date
  },
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: w.id,
      org_id: w.orgId,
      url: w.url,
      secret: w.secret,
      description: w.description,
      active: true,
      created_by: w.createdBy,
      created_at: w.createdAt,
    })
    .execute()
}

function webhooksQuery(db: Kysely<Database>) {
  return db
    .selectFrom('webhooks as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select([
      'w.id',
      'w.org_id',
      'w.url',
      'w.description',
      'w.active',
      'w.created_by',
      'w.created_at',
      'u.display_name as created_by_name',
    ])
}

const toWebhook = (
  r: Awaited<
    ReturnType<ReturnType<typeof webhooksQuery>['executeTakeFirstOrThrow']>
  >,
): WebhookRecord => ({
  id: r.id,
  orgId: r.org_id,
  url: r.url,
  description: r.description,
  active: r.active,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: iso(r.created_at)!,
})

export async function listWebhooks(
  db: Kysely<Database>,
  orgId: string,
): Promise<WebhookRecord[]> {
  const rows = await webhooksQuery(db)
    .where('w.org_id', '=', orgId)
    .orderBy('w.created_at')
    .execute()
  return rows.map(toWebhook)
}

export async function findWebhook(
  db: Kysely<Database>,
  webhookId: string,
): Promise<WebhookRecord | undefined> {
  const r = await webhooksQuery(db)
    .where('w.id', '=', webhookId)
    .executeTakeFirst()
  return r && toWebhook(r)
}

export async function updateWebhook(
  db: Kysely<Database>,
  webhookId: string,
  patch: {
    url?: string
    description?: string
    active?: boolean
    secret?: string
  },
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set(patch)
    .where('id', '=', webhookId)
    .execute()
}

/** Deletes a webhook with its deliveries and their log (the schema cascades). */
export async function deleteWebhook(
  db: Kysely<Database>,
  webhookId: string,
): Promise<void> {
  await db.deleteFrom('webhooks').where('id', '=', webhookId).execute()
}

/** The ids of the organization's webhooks that are on. */
export async function activeWebhookIds(
  db: Kysely<Database>,
  orgId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select('id')
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => r.id)
}
