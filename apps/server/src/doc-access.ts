import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import { readSessionToken, sessionIdOf } from '@tessera/api'
import { CloseCode, type DocRef } from '@tessera/collab'
import { type Database, findScenario, findSessionUser } from '@tessera/db'
import type { DocAccess } from './http.js'

/** Roles that edit plans; everyone else in the organization reads. */
const WRITERS = new Set(['planner', 'manager', 'admin'])

/**
 * Who may open a hub document: the session cookie names the user; the document must belong
 * to the user's organization (anything else looks like "not found" to the caller); planners,
 * managers and admins write draft scenarios, everyone else — and everyone on a scenario that
 * is no longer a draft — reads.
 */
export async function authorizeDoc(
  db: Kysely<Database>,
  req: IncomingMessage,
  doc: DocRef,
  secret?: string,
): Promise<DocAccess> {
  const token = readSessionToken(req)
  if (!token)
    return { ok: false, code: CloseCode.Unauthorized, reason: 'sign in first' }
  const user = await findSessionUser(db, sessionIdOf(token, secret), new Date())
  if (!user)
    return {
      ok: false,
      code: CloseCode.Unauthorized,
      reason: 'your session has ended; sign in again',
    }
  const scenario = await findScenario(db, doc.scenarioId)
  if (!scenario || scenario.orgId !== user.org_id)
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' }
  return {
    ok: true,
    canWrite: WRITERS.has(user.role) && scenario.status === 'draft',
  }
}
