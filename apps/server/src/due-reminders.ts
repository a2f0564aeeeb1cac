import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Logger } from 'pino'
import { every } from './periodic.js'
import { type Database, insertNotifications } from '@tessera/db'
import { toUserNotification } from '@tessera/api'
import type { UserNotification } from '@tessera/domain'

/**
 * Tells each assignee once when an open task falls due tomorrow or today (`task_due`) and
 * once when it is overdue (`task_overdue`): a notification stored and pushed to their open
 * tabs. Dates are calendar days in UTC (a task's due date has no time zone). Runs at start
 * and every `everyMs`; a notification already sent for a task, user and kind is never sent
 * again, so restarts and several server processes do not repeat it (a second process
 * racing the first may, rarely, send a duplicate).
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  push: (userId: string, n: UserNotification) => void,
  now: Date,
): Promise<number> {
  const today = now.toISOString().slice(0, 10)
  const tomorrow = new Date(now.getTime() + 86_400_000)
    .toISOString()
    .slice(0, 10)
  const due = await db
    .selectFrom('tasks')
    .select([
      'tasks.id',
      'tasks.org_id',
      'tasks.plan_id',
      'tasks.scenario_id',
      'tasks.territory_id',
      'tasks.title',
      'tasks.due_date',
      'tasks.assignee_id',
    ])
    .where('tasks.status', '!=', 'done')
    .where('tasks.assignee_id', 'is not', null)
    .where('tasks.due_date', 'is not', null)
    .where('tasks.due_date', '<=', tomorrow)
    .execute()
  const rows = []
  for (const t of due) {
    const kind = t.due_date! < today ? 'task_overdue' : 'task_due'
    const sent = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', t.assignee_id!)
      .where('kind', '=', kind)
      .where(sql<string>`link->>'taskId'`, '=', t.id)
      .executeTakeFirst()
    if (sent) continue
    rows.push({
      id: `ntf_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
      orgId: t.org_id,
      userId: t.assignee_id!,
      actorId: null,
      kind,
      planId: t.plan_id,
      scenarioId: t.scenario_id,
      link: {
        taskId: t.id,
        ...(t.territory_id ? { territoryId: t.territory_id } : {}),
      },
      message:
        kind === 'task_overdue'
          ? `Overdue since ${t.due_date}: ${t.title}`
          : `Due ${t.due_date === today ? 'today' : 'tomorrow'}: ${t.title}`,
      now,
    })
  }
  await insertNotifications(db, rows)
  for (const n of rows)
    push(
      n.userId,
      toUserNotification(n, {
        actorName: null,
        createdAt: now.toISOString(),
        readAt: null,
      }),
    )
  return rows.length
}

/** Sends due reminders now and every `everyMs`; returns the stop function. */
export function startDueReminders(
  db: Kysely<Database>,
  push: (userId: string, n: UserNotification) => void,
  log: Logger,
  everyMs = 15 * 60_000,
): () => void {
  const run = () =>
    void sendDueReminders(db, push, new Date()).catch((error: Error) =>
      log.warn({ err: error }, 'due reminders failed'),
    )
  return every(run, 5_000, everyMs)
}
