import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { type Database, findApiKeyByHash, touchApiKey } from '@tessera/db'

/** Every key starts so: a secret scanner (or a person) can tell what leaked. */
export const API_KEY_PREFIX = 'tsk_'

/** sha-256 of the key: what is stored and looked up. */
export const hashApiKey = (key: string) =>
  createHash('sha256').update(key).digest('hex')

/**
 * A new key: `tsk_` and 256 random bits (base64url). Its hash is stored; the key itself is
 * shown to the admin once. `prefix` (`tsk_` and 8 characters) tells keys apart in lists.
 */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  return {
    key,
    prefix: key.slice(0, API_KEY_PREFIX.length + 8),
    hash: hashApiKey(key),
  }
}

export type ApiKeyCheck =
  { ok: true; orgId: string; keyId: string } | { ok: false; message: string }

/**
 * Who an `Authorization: Bearer <key>` header speaks for: the key's organization, unless the
 * key is unknown or revoked (looked up by hash on every request, so a revocation takes
 * effect at once). Marks the key used at most once a minute.
 */
export async function authenticateApiKey(
  db: Kysely<Database>,
  authorization: string | undefined,
  now: Date,
): Promise<ApiKeyCheck> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (!m)
    return {
      ok: false,
      message:
        'Send an API key in the Authorization header: "Authorization: Bearer tsk_…". An admin makes one under Users… → Integrations.',
    }
  const key = await findApiKeyByHash(db, hashApiKey(m[1]!))
  if (!key) return { ok: false, message: 'Unknown API key.' }
  if (key.revoked) return { ok: false, message: 'This API key was revoked.' }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= 60_000)
    await touchApiKey(db, key.id, now)
  return { ok: true, orgId: key.orgId, keyId: key.id }
}
