import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import { type Database, type UserRow, findSessionUser } from '@tessera/db'
import { Locale, type PublicUser } from '@tessera/domain'
import { readSessionToken, sessionIdOf } from './session-cookie.js'

/** A user row as the client may see it: never the password hash. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    repId: row.rep_id,
    // A language the app has since dropped reads as none: the browser's is used instead.
    locale: Locale.safeParse(row.locale).data ?? null,
  }
}

/**
 * Who is signed in on a request: its session cookie, hashed (with SESSION_SECRET as the
 * pepper) to the stored session id, and that live session's user. The one way the tRPC
 * context, the Yjs hub and socket.io find the user, so they cannot disagree.
 */
export async function findRequestSession(
  db: Kysely<Database>,
  req: IncomingMessage,
  options: { sessionSecret?: string | undefined; now: Date },
): Promise<{ sessionId: string; user: PublicUser } | undefined> {
  const token = readSessionToken(req)
  if (!token) return undefined
  const sessionId = sessionIdOf(token, options.sessionSecret)
  const row = await findSessionUser(db, sessionId, options.now)
  return row && { sessionId, user: toPublicUser(row) }
}
