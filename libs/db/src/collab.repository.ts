import { type Kysely, sql } from 'kysely'
import type { NotificationLink } from '@tessera/domain'
import type { CommentAnchor, Database } from './schema.js'

/**
 * Comments, tasks and notifications. Every read and write names the organization, so a
 * caller can never reach another organization's row by guessing its id.
 */

export interface CommentRecord {
  id: string
  orgId: string
  planId: string | null
  scenarioId: string | null
  /** null for a thread's first comment (the thread's id is that comment's id). */
  parentId: string | null
  anchor: CommentAnchor
  territoryId: string | null
  unitId: string | null
  lonLat: [number, number] | null
  changeRef: string | null
  authorId: string
  authorName: string
  body: unknown
  mentions: string[]
  resolvedAt: string | null
  resolvedBy: string | null
  createdAt: string
  updatedAt: string
  /** A deleted comment keeps its place in the thread with no body. */
  deleted: boolean
}

export interface NewComment {
  id: string
  orgId: string
  planId: string
  scenarioId: string | null
  parentId: string | null
  anchor: CommentAnchor
  territoryId: string | null
  unitId: string | null
  lonLat: [number, number] | null
  changeRef: string | null
  authorId: string
  body: unknown
  mentions: readonly string[]
  now: Date
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function commentsQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .selectAll('comments')
    .select('users.display_name as author_name')
    .where('comments.org_id', '=', orgId)
}

type CommentJoined = Awaited<
  ReturnType<ReturnType<typeof commentsQuery>['executeTakeFirstOrThrow']>
>

function toComment(r: CommentJoined): CommentRecord {
  const deleted = r.deleted_at !== null
  return {
    id: r.id,
    orgId: r.org_id,
    planId: r.plan_id,
    scenarioId: r.scenario_id,
    parentId: r.parent_id,
    anchor: r.anchor,
    territoryId: r.territory_id,
    unitId: r.unit_id,
    lonLat: r.lon !== null && r.lat !== null ? [r.lon, r.lat] : null,
    changeRef: r.change_ref,
    authorId: r.author_id,
    authorName: r.author_name,
    body: deleted ? null : r.body,
    mentions: deleted ? [] : r.mentions,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deleted,
  }
}

export async function insertComment(
  db: Kysely<Database>,
  c: NewComment,
): Promise<void> {
  await db
    .insertInto('comments')
    .values({
      id: c.id,
      org_id: c.orgId,
      plan_id: c.planId,
      scenario_id: c.scenarioId,
      parent_id: c.parentId,
      anchor: c.anchor,
      territory_id: c.territoryId,
      unit_id: c.unitId,
      lon: c.lonLat?.[0] ?? null,
      lat: c.lonLat?.[1] ?? null,
      change_ref: c.changeRef,
      author_id: c.authorId,
      body: JSON.stringify(c.body),
      mentions: JSON.stringify(c.mentions),
      created_at: c.now,
      updated_at: c.now,
    })
    .execute()
}

export async function findComment(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<CommentRecord | undefined> {
  const r = await commentsQuery(db, orgId)
    .where('comments.id', '=', id)
    .executeTakeFirst()
  return r && toComment(r)
}

/** A thread's first comment and its replies, oldest first. */
export async function listThreadComments(
  db: Kysely<Database>,
  orgId: string,
  threadId: string,
): Promise<CommentRecord[]> {
  const rows = await commentsQuery(db, orgId)
    .where((eb) =>
      eb.or([
        eb('comments.id', '=', threadId),
        eb('comments.parent_id', '=', threadId),
      ]),
    )
    // The first comment first, whatever the clocks say; then replies in time order.
    .orderBy(sql`comments.parent_id is not null`)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute()
  return rows.map(toComment)
}

export interface ThreadFilter {
  planId: string
  scenarioId?: string | undefined
  status?: 'open' | 'resolved' | undefined
  territoryId?: string | undefined
  /** Threads this user started, replied to or is mentioned in. */
  involving?: string | undefined
  limit?: number | undefined
}

export interface ThreadSummary extends CommentRecord {
  replies: number
  lastActivityAt: string
}

/** Threads of a plan, most recently active first, with their reply counts. */
export async function listThreads(
  db: Kysely<Database>,
  orgId: string,
  f: ThreadFilter,
): Promise<ThreadSummary[]> {
  let q = commentsQuery(db, orgId)
    .where('comments.plan_id', '=', f.planId)
    .where('comments.parent_id', 'is', null)
    .select((eb) => [
      eb
        .selectFrom('comments as r')
        .whereRef('r.parent_id', '=', 'comments.id')
        .where('r.deleted_at', 'is', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('replies'),
      eb
        .selectFrom('comments as r')
        .whereRef('r.parent_id', '=', 'comments.id')
        .select((e) => e.fn.max('r.created_at').as('t'))
        .as('last_reply_at'),
    ])
  if (f.scenarioId) q = q.where('comments.scenario_id', '=', f.scenarioId)
  if (f.territoryId) q = q.where('comments.territory_id', '=', f.territoryId)
  if (f.status === 'open') q = q.where('comments.resolved_at', 'is', null)
  if (f.status === 'resolved')
    q = q.where('comments.resolved_at', 'is not', null)
  if (f.involving) {
    const who = f.involving
    q = q.where((eb) =>
      eb.or([
        eb('comments.author_id', '=', who),
        sql<boolean>`comments.mentions @> ${JSON.stringify([who])}::jsonb`,
        eb.exists(
          eb
            .selectFrom('comments as r')
            .whereRef('r.parent_id', '=', 'comments.id')
            .where((e) =>
              e.or([
                e('r.author_id', '=', who),
                sql<boolean>`r.mentions @> ${JSON.stringify([who])}::jsonb`,
              ]),
            )
            .select('r.id'),
        ),
      ]),
    )
  }
  const rows = await q
    .orderBy('comments.created_at', 'desc')
    .limit(f.limit ?? 200)
    .execute()
  return rows
    .map((r) => {
      const last = r.last_reply_at ? new Date(r.last_reply_at) : r.created_at
      return {
        ...toComment(r),
        replies: Number(r.replies ?? 0),
        lastActivityAt: (last > r.created_at
          ? last
          : r.created_at
        ).toISOString(),
      }
    })
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
}

export async function updateCommentBody(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  body: unknown,
  mentions: readonly string[],
  now: Date,
): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      body: JSON.stringify(body),
      mentions: JSON.stringify(mentions),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function deleteComment(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  now: Date,
): Promise<void> {
  // Soft: replies keep their thread, and the audit keeps who wrote what.
  await db
    .updateTable('comments')
    .set({ deleted_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function setThreadResolved(
  db: Kysely<Database>,
  orgId: string,
  threadId: string,
  by: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      resolved_at: by ? now : null,
      resolved_by: by,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', threadId)
    .where('parent_id', 'is', null)
    .execute()
}

// ── Tasks ────────────────────────────────────────────────────────────────────

export type TaskStatus = 'todo' | 'in_progress' | 'done'
export type TaskPriority = 'low' | 'normal' | 'high'

export interface TaskRecord {
  id: string
  orgId: string
  planId: string | null
  scenarioId: string | null
  territoryId: string | null
  unitId: string | null
  title: string
  description: unknown
  assigneeId: string | null
  assigneeName: string | null
  dueDate: string | null
  status: TaskStatus
  priority: TaskPriority
  createdBy: string
  createdByName: string
  sourceCommentId: string | null
  createdAt: string
  updatedAt: string
  doneAt: string | null
}

export interface NewTask {
  id: string
  orgId: string
  planId: string
  scenarioId: string | null
  territoryId: string | null
  unitId: string | null
  title: string
  description: unknown
  assigneeId: string | null
  dueDate: string | null
  priority: TaskPriority
  createdBy: string
  sourceCommentId: string | null
  now: Date
}

function tasksQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('users as creator', 'creator.id', 'tasks.created_by')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select([
      'creator.display_name as creator_name',
      'assignee.display_name as assignee_name',
    ])
    .where('tasks.org_id', '=', orgId)
}

type TaskJoined = Awaited<
  ReturnType<ReturnType<typeof tasksQuery>['executeTakeFirstOrThrow']>
>

function toTask(r: TaskJoined): TaskRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    planId: r.plan_id,
    scenarioId: r.scenario_id,
    territoryId: r.territory_id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dueDate: r.due_date,
    status: r.status,
    priority: r.priority,
    createdBy: r.created_by,
    createdByName: r.creator_name,
    sourceCommentId: r.source_comment_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    doneAt: iso(r.done_at),
  }
}

export async function insertTask(
  db: Kysely<Database>,
  t: NewTask,
): Promise<void> {
  await db
    .insertInto('tasks')
    .values({
      id: t.id,
      org_id: t.orgId,
      plan_id: t.planId,
      scenario_id: t.scenarioId,
      territory_id: t.territoryId,
      unit_id: t.unitId,
      title: t.title,
      description: JSON.stringify(t.description),
      assignee_id: t.assigneeId,
      due_date: t.dueDate,
      status: 'todo',
      priority: t.priority,
      created_by: t.createdBy,
      source_comment_id: t.sourceCommentId,
      created_at: t.now,
      updated_at: t.now,
    })
    .execute()
}

export async function findTask(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<TaskRecord | undefined> {
  const r = await tasksQuery(db, orgId)
    .where('tasks.id', '=', id)
    .executeTakeFirst()
  return r && toTask(r)
}

export interface TaskFilter {
  planId?: string | undefined
  assigneeId?: string | undefined
  /** Due on or after / on or before (YYYY-MM-DD). */
  dueFrom?: string | undefined
  dueTo?: string | undefined
  status?: TaskStatus | 'open' | undefined
  territoryId?: string | undefined
  limit?: number | undefined
}

/** Tasks by due date (undated last), then newest first. */
export async function listTasks(
  db: Kysely<Database>,
  orgId: string,
  f: TaskFilter,
): Promise<TaskRecord[]> {
  let q = tasksQuery(db, orgId)
  if (f.planId) q = q.where('tasks.plan_id', '=', f.planId)
  if (f.assigneeId) q = q.where('tasks.assignee_id', '=', f.assigneeId)
  if (f.territoryId) q = q.where('tasks.territory_id', '=', f.territoryId)
  if (f.dueFrom) q = q.where('tasks.due_date', '>=', f.dueFrom)
  if (f.dueTo) q = q.where('tasks.due_date', '<=', f.dueTo)
  if (f.status === 'open') q = q.where('tasks.status', '!=', 'done')
  else if (f.status) q = q.where('tasks.status', '=', f.status)
  const rows = await q
    .orderBy(sql`tasks.due_date asc nulls last`)
    .orderBy('tasks.created_at', 'desc')
    .limit(f.limit ?? 500)
    .execute()
  return rows.map(toTask)
}

export interface TaskPatch {
  title?: string
  description?: unknown
  assigneeId?: string | null
  dueDate?: string | null
  status?: TaskStatus
  priority?: TaskPriority
  territoryId?: string | null
  unitId?: string | null
}

export async function updateTask(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  patch: TaskPatch,
  now: Date,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined
        ? { description: JSON.stringify(patch.description) }
        : {}),
      ...(patch.assigneeId !== undefined
        ? { assignee_id: patch.assigneeId }
        : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
      ...(patch.territoryId !== undefined
        ? { territory_id: patch.territoryId }
        : {}),
      ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
      ...(patch.status !== undefined
        ? {
            status: patch.status,
            done_at: patch.status === 'done' ? now : null,
          }
        : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

// ── Notifications ────────────────────────────────────────────────────────────

export interface NotificationRecord {
  id: string
  userId: string
  actorId: string | null
  actorName: string | null
  kind: string
  planId: string | null
  scenarioId: string | null
  link: NotificationLink
  message: string
  readAt: string | null
  createdAt: string
}

export interface NewNotification {
  id: string
  orgId: string
  userId: string
  actorId: string | null
  kind: string
  planId: string | null
  scenarioId: string | null
  link: NotificationLink
  message: string
  now: Date
}

export async function insertNotifications(
  db: Kysely<Database>,
  rows: readonly NewNotification[],
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('notifications')
    .values(
      rows.map((n) => ({
        id: n.id,
        org_id: n.orgId,
        user_id: n.userId,
        actor_id: n.actorId,
        kind: n.kind,
        plan_id: n.planId,
        scenario_id: n.scenarioId,
        link: JSON.stringify(n.link),
        message: n.message,
        created_at: n.now,
      })),
    )
    .execute()
}

export async function listNotifications(
  db: Kysely<Database>,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationRecord[]> {
  let q = db
    .selectFrom('notifications')
    .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
    .selectAll('notifications')
    .select('actor.display_name as actor_name')
    .where('notifications.user_id', '=', userId)
  if (opts.unreadOnly) q = q.where('notifications.read_at', 'is', null)
  const rows = await q
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(opts.limit ?? 50)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    kind: r.kind,
    planId: r.plan_id,
    scenarioId: r.scenario_id,
    link: r.link,
    message: r.message,
    readAt: iso(r.read_at),
    createdAt: r.created_at.toISOString(),
  }))
}

export async function countUnreadNotifications(
  db: Kysely<Database>,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks the user's notifications read: the given ones, or all of them. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: string,
  ids: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (ids !== 'all') {
    if (ids.length === 0) return 0
    q = q.where('id', 'in', ids)
  }
  const res = await q.executeTakeFirst()
  return Number(res.numUpdatedRows)
}

/** The organization's users among `ids` (to check mentions and assignees). */
export async function usersInOrg(
  db: Kysely<Database>,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; displayName: string; role: string }[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
  }))
}
