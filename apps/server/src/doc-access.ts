import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import {
  findRequestSession,
  readSessionToken,
  scenarioReader,
  toPublicUser,
  verifyDocToken,
} from '@tessera/api'
import { CloseCode, type DocRef, docNameOf } from '@tessera/collab'
import { type Database, findScenario, findUserById } from '@tessera/db'
import type { DocAccess } from './http.js'

/** Roles that edit plans; everyone else in the organization reads. */
const WRITERS = new Set(['planner', 'manager', 'admin'])

/**
 * Who may open a hub document: the session cookie names the user; the document must belong
 * to the user's organization (anything else looks like "not found" to the caller); planners,
 * managers and admins write draft scenarios, everyone else — and everyone on a scenario that
 * is no longer a draft — reads. A territory's notes are commentary, not the alignment: the
 * same people write them on any scenario that is not archived (notes on the published
 * alignment are where a manager explains it); reps read them. A rep opens only the
 * documents of scenarios they may read (`scenarioReader`).
 */
export async function authorizeDoc(
  db: Kysely<Database>,
  req: IncomingMessage,
  doc: DocRef,
  secrets: { sessionSecret?: string | undefined; docTokenSecret: string },
): Promise<DocAccess> {
  const user = await userOf(db, req, doc, secrets)
  if (!user)
    return {
      ok: false,
      code: CloseCode.Unauthorized,
      reason: 'sign in first (or ask collab.token for a token)',
    }
  const scenario = await findScenario(db, doc.scenarioId)
  if (
    !scenario ||
    scenario.orgId !== user.orgId ||
    // A rep reads the published alignments and their own changes, no other draft (the
    // same rule as the API's).
    !(await scenarioReader(db, user))(scenario)
  )
    return { ok: false, code: CloseCode.Forbidden, reason: 'no such document' }
  return {
    ok: true,
    canWrite:
      WRITERS.has(user.role) &&
      (doc.kind === 'notes'
        ? scenario.status !== 'archived'
        : scenario.status === 'draft'),
    userId: user.id,
  }
}

/** The user behind the session cookie, or behind a `?token=` from `collab.token`. */
async function userOf(
  db: Kysely<Database>,
  req: IncomingMessage,
  doc: DocRef,
  secrets: { sessionSecret?: string | undefined; docTokenSecret: string },
) {
  // A cookie decides alone (a bad one is not retried as a token).
  if (readSessionToken(req))
    return (
      await findRequestSession(db, req, {
        sessionSecret: secrets.sessionSecret,
        now: new Date(),
      })
    )?.user
  const token = new URL(req.url ?? '/', 'http://hub').searchParams.get('token')
  if (!token) return undefined
  const userId = verifyDocToken(
    secrets.docTokenSecret,
    token,
    docNameOf(doc),
    Date.now(),
  )
  const row = userId ? await findUserById(db, userId) : undefined
  return row && toPublicUser(row)
}
