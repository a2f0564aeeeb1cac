import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  type CommentAnchor,
  deleteComment,
  findComment,
  insertComment,
  listThreadComments,
  listThreads,
  listUsers,
  recordAudit,
  setThreadResolved,
  updateCommentBody,
} from '@tessera/db'
import {
  type PublicUser,
  richTextPlain,
  sanitizeRichText,
} from '@tessera/domain'
import type { Context } from '../context.js'
import { protectedProcedure, router, toTRPCError } from '../trpc.js'
import {
  forbid,
  isStaff,
  newId,
  notify,
  orgUsers,
  planOfCaller,
  scenarioOfPlan,
} from './access.js'

const id = z.string().min(1).max(100)

/** Where a thread is attached. */
const Anchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scenario') }),
  z.object({ kind: z.literal('territory'), territoryId: id }),
  z.object({ kind: z.literal('unit'), unitId: id, territoryId: id.optional() }),
  z.object({
    kind: z.literal('pin'),
    lonLat: z.tuple([
      z.number().min(-180).max(180),
      z.number().min(-90).max(90),
    ]),
    territoryId: id.optional(),
  }),
  z.object({
    kind: z.literal('change'),
    changeRef: z.string().min(1).max(200),
    territoryId: id.optional(),
  }),
])

/** The rich text of a comment: tiptap JSON, checked and cleaned (see domain's rich-text). */
function cleanBody(body: unknown) {
  const clean = sanitizeRichText(body)
  if (!clean.ok) throw toTRPCError(clean.error)
  noNul(clean.value.doc)
  if (clean.value.plainText.trim() === '' && clean.value.mentions.length === 0)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A comment needs some text.',
    })
  return clean.value
}

/** PostgreSQL stores no NUL character (U+0000) in text or jsonb: refused clearly here. */
export function noNul(value: unknown) {
  if (JSON.stringify(value).includes('\\u0000'))
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'The text contains a NUL character (U+0000), which cannot be stored.',
    })
}

type Caller = Context & { user: PublicUser }

async function threadOf(ctx: Caller, threadId: string) {
  const root = await findComment(ctx.db, ctx.user.orgId, threadId)
  if (!root || root.parentId !== null || !root.planId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such thread.' })
  return { ...root, planId: root.planId }
}

/** Tells the people a comment mentions (and, for a reply, who started the thread). */
async function tellAbout(
  ctx: Caller,
  thread: {
    id: string
    planId: string
    scenarioId: string | null
    territoryId: string | null
    unitId: string | null
    lonLat: [number, number] | null
    authorId: string
  },
  mentions: readonly string[],
  excerpt: string,
  isReply: boolean,
) {
  const link = {
    threadId: thread.id,
    ...(thread.territoryId ? { territoryId: thread.territoryId } : {}),
    ...(thread.unitId ? { unitId: thread.unitId } : {}),
    ...(thread.lonLat ? { lonLat: thread.lonLat } : {}),
  }
  const who = ctx.user.displayName
  const rows = mentions.map((userId) => ({
    userId,
    kind: 'mention',
    planId: thread.planId,
    scenarioId: thread.scenarioId,
    link,
    message: `${who} mentioned you: “${excerpt}”`,
  }))
  if (isReply && !mentions.includes(thread.authorId))
    rows.push({
      userId: thread.authorId,
      kind: 'reply',
      planId: thread.planId,
      scenarioId: thread.scenarioId,
      link,
      message: `${who} replied to your comment: “${excerpt}”`,
    })
  await notify(ctx, rows)
}

function changed(
  ctx: Caller,
  planId: string,
  rowId: string,
  kind: 'created' | 'updated' | 'deleted',
  scenarioId: string | null,
) {
  ctx.events?.rowChanged('comment:changed', {
    planId,
    id: rowId,
    kind,
    scenarioId,
  })
}

export const commentsRouter = router({
  /** A plan's threads, most recently active first. */
  threads: protectedProcedure
    .input(
      z.object({
        planId: id,
        scenarioId: id.optional(),
        status: z.enum(['open', 'resolved']).optional(),
        territoryId: id.optional(),
        mine: z.boolean().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await planOfCaller(ctx, input.planId)
      return listThreads(ctx.db, ctx.user.orgId, {
        planId: input.planId,
        scenarioId: input.scenarioId,
        status: input.status,
        territoryId: input.territoryId,
        involving: input.mine ? ctx.user.id : undefined,
      })
    }),

  /** A thread's comments, oldest first. */
  thread: protectedProcedure
    .input(z.object({ threadId: id }))
    .query(async ({ ctx, input }) => {
      const root = await threadOf(ctx, input.threadId)
      await planOfCaller(ctx, root.planId)
      return listThreadComments(ctx.db, ctx.user.orgId, root.id)
    }),

  /** People of the organization to @mention (the editor's autocomplete). */
  mentionable: protectedProcedure
    .input(
      z.object({
        q: z.string().max(100).default(''),
        limit: z.number().int().min(1).max(500).default(8),
      }),
    )
    .query(async ({ ctx, input }) => {
      const q = input.q.trim().toLowerCase()
      const users = await listUsers(ctx.db, ctx.user.orgId)
      return users
        .filter(
          (u) =>
            !q ||
            u.display_name.toLowerCase().includes(q) ||
            u.email.toLowerCase().startsWith(q),
        )
        .slice(0, input.limit)
        .map((u) => ({ id: u.id, name: u.display_name, role: u.role }))
    }),

  /** Starts a thread on a territory, a unit, a pin, a change or the scenario. */
  create: protectedProcedure
    .input(
      z.object({
        planId: id,
        scenarioId: id.nullable().default(null),
        anchor: Anchor,
        body: z.unknown(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await planOfCaller(ctx, input.planId)
      if (input.scenarioId)
        await scenarioOfPlan(ctx, input.planId, input.scenarioId)
      const body = cleanBody(input.body)
      await orgUsers(ctx, body.mentions, 'Mentioned people')
      const a = input.anchor
      const threadId = newId('cmt')
      const thread = {
        id: threadId,
        planId: input.planId,
        scenarioId: input.scenarioId,
        territoryId: 'territoryId' in a ? (a.territoryId ?? null) : null,
        unitId: a.kind === 'unit' ? a.unitId : null,
        lonLat: a.kind === 'pin' ? a.lonLat : null,
        authorId: ctx.user.id,
      }
      await ctx.db.transaction().execute(async (tx) => {
        await insertComment(tx, {
          ...thread,
          orgId: ctx.user.orgId,
          parentId: null,
          anchor: a.kind as CommentAnchor,
          changeRef: a.kind === 'change' ? a.changeRef : null,
          body: body.doc,
          mentions: body.mentions,
          now: ctx.now(),
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'comment.create',
          subjectType: 'comment',
          subjectId: threadId,
          details: {
            planId: input.planId,
            anchor: a.kind,
            territoryId: thread.territoryId,
          },
        })
      })
      await tellAbout(
        ctx,
        thread,
        body.mentions,
        richTextPlain(body.doc, 120),
        false,
      )
      changed(ctx, input.planId, threadId, 'created', input.scenarioId)
      return { threadId, neutralisedLinks: body.neutralisedLinks }
    }),

  reply: protectedProcedure
    .input(z.object({ threadId: id, body: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const root = await threadOf(ctx, input.threadId)
      await planOfCaller(ctx, root.planId)
      const body = cleanBody(input.body)
      await orgUsers(ctx, body.mentions, 'Mentioned people')
      const commentId = newId('cmt')
      await ctx.db.transaction().execute(async (tx) => {
        await insertComment(tx, {
          id: commentId,
          orgId: ctx.user.orgId,
          planId: root.planId,
          scenarioId: root.scenarioId,
          parentId: root.id,
          anchor: root.anchor,
          territoryId: root.territoryId,
          unitId: root.unitId,
          lonLat: root.lonLat,
          changeRef: root.changeRef,
          authorId: ctx.user.id,
          body: body.doc,
          mentions: body.mentions,
          now: ctx.now(),
        })
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'comment.reply',
          subjectType: 'comment',
          subjectId: commentId,
          details: {
            planId: root.planId,
            threadId: root.id,
            territoryId: root.territoryId,
          },
        })
      })
      await tellAbout(
        ctx,
        root,
        body.mentions,
        richTextPlain(body.doc, 120),
        true,
      )
      changed(ctx, root.planId, root.id, 'updated', root.scenarioId)
      return { commentId, neutralisedLinks: body.neutralisedLinks }
    }),

  /** Edits one's own comment. */
  edit: protectedProcedure
    .input(z.object({ commentId: id, body: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const comment = await findComment(ctx.db, ctx.user.orgId, input.commentId)
      if (!comment || comment.deleted || !comment.planId)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such comment.' })
      if (comment.authorId !== ctx.user.id)
        forbid('Only its author can edit a comment.')
      const body = cleanBody(input.body)
      await orgUsers(ctx, body.mentions, 'Mentioned people')
      await ctx.db.transaction().execute(async (tx) => {
        await updateCommentBody(
          tx,
          ctx.user.orgId,
          comment.id,
          body.doc,
          body.mentions,
          ctx.now(),
        )
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'comment.edit',
          subjectType: 'comment',
          subjectId: comment.id,
          details: { planId: comment.planId },
        })
      })
      // Only people newly mentioned hear of it.
      const added = body.mentions.filter((m) => !comment.mentions.includes(m))
      const threadId = comment.parentId ?? comment.id
      const root = await threadOf(ctx, threadId)
      await tellAbout(ctx, root, added, richTextPlain(body.doc, 120), false)
      changed(ctx, comment.planId, threadId, 'updated', comment.scenarioId)
      return { neutralisedLinks: body.neutralisedLinks }
    }),

  /** Deletes one's own comment (its place in the thread stays, marked deleted). */
  delete: protectedProcedure
    .input(z.object({ commentId: id }))
    .mutation(async ({ ctx, input }) => {
      const comment = await findComment(ctx.db, ctx.user.orgId, input.commentId)
      if (!comment || comment.deleted || !comment.planId)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such comment.' })
      if (comment.authorId !== ctx.user.id)
        forbid('Only its author can delete a comment.')
      await ctx.db.transaction().execute(async (tx) => {
        await deleteComment(tx, ctx.user.orgId, comment.id, ctx.now())
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'comment.delete',
          subjectType: 'comment',
          subjectId: comment.id,
          details: { planId: comment.planId },
        })
      })
      const threadId = comment.parentId ?? comment.id
      changed(ctx, comment.planId, threadId, 'updated', comment.scenarioId)
      return { ok: true }
    }),

  /** Resolves or reopens a thread: its starter, or a planner, manager or admin. */
  resolve: protectedProcedure
    .input(z.object({ threadId: id, resolved: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const root = await threadOf(ctx, input.threadId)
      await planOfCaller(ctx, root.planId)
      if (root.authorId !== ctx.user.id && !isStaff(ctx.user))
        forbid(
          'Only whoever started a thread, or a planner, manager or admin, can resolve it.',
        )
      await ctx.db.transaction().execute(async (tx) => {
        await setThreadResolved(
          tx,
          ctx.user.orgId,
          root.id,
          input.resolved ? ctx.user.id : null,
          ctx.now(),
        )
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: input.resolved ? 'comment.resolve' : 'comment.reopen',
          subjectType: 'comment',
          subjectId: root.id,
          details: { planId: root.planId, territoryId: root.territoryId },
        })
      })
      changed(ctx, root.planId, root.id, 'updated', root.scenarioId)
      return { ok: true }
    }),
})
