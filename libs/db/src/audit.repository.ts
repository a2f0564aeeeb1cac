import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

export interface AuditEntry {
  orgId: string | null
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string | null
  details?: Record<string, unknown>
}

export async function recordAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}

export async function listAudit(
  db: Kysely<Database>,
  orgId: string,
  limit = 100,
) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
