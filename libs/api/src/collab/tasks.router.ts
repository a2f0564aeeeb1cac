import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  type TaskPatch,
  type TaskRecord,
  findComment,
  findTask,
  listPlanReviewRounds,
  listScenarios,
  insertTask,
  listTasks,
  recordAudit,
  updateTask,
} from '@tessera/db'
import { scenarioReader } from '../routers/scenario-access.js'
import {
  type PublicUser,
  richTextFromPlain,
  sanitizeRichText,
} from '@tessera/domain'
import type { Context } from '../context.js'
import { protectedProcedure, router, toTRPCError } from '../trpc.js'
import { noNul } from './comments.router.js'
import {
  STAFF,
  forbid,
  newId,
  notify,
  orgUsers,
  planOfCaller,
  scenarioOfPlan,
} from './access.js'

const id = z.string().min(1).max(100)

/** A calendar date as YYYY-MM-DD that exists (no 2027-02-30), from 2000 to 2100. */
export const DueDate = z.string().refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (!m) return false
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const date = new Date(Date.UTC(y, mo - 1, d))
    return (
      y >= 2000 &&
      y <= 2100 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === mo - 1 &&
      date.getUTCDate() === d
    )
  },
  { message: 'The due date must be a real date written YYYY-MM-DD.' },
)

const Title = z
  .string()
  .refine(
    (s) => !s.includes('\u0000'),
    'A task title cannot contain a NUL character.',
  )
  .trim()
  .min(1, 'A task needs a title.')
  .max(200, 'A task title is at most 200 characters.')
const Status = z.enum(['todo', 'in_progress', 'done'])
const Priority = z.enum(['low', 'normal', 'high'])

type Caller = Context & { user: PublicUser }

function cleanDescription(input: unknown) {
  if (input === undefined || input === null) return richTextFromPlain('')
  const clean = sanitizeRichText(input)
  if (!clean.ok) throw toTRPCError(clean.error)
  noNul(clean.value.doc)
  return clean.value.doc
}

async function taskOf(
  ctx: Caller,
  taskId: string,
): Promise<TaskRecord & { planId: string }> {
  const task = await findTask(ctx.db, ctx.user.orgId, taskId)
  if (!task || !task.planId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such task.' })
  return { ...task, planId: task.planId }
}

async function tellAssignee(
  ctx: Caller,
  task: {
    id: string
    planId: string
    scenarioId: string | null
    territoryId: string | null
    unitId: string | null
    title: string
    dueDate: string | null
  },
  assigneeId: string,
) {
  await notify(ctx, [
    {
      userId: assigneeId,
      kind: 'task_assigned',
      planId: task.planId,
      scenarioId: task.scenarioId,
      link: {
        taskId: task.id,
        ...(task.territoryId ? { territoryId: task.territoryId } : {}),
        ...(task.unitId ? { unitId: task.unitId } : {}),
      },
      message: `${ctx.user.displayName} assigned you a task: ${task.title}${task.dueDate ? ` (due ${task.dueDate})` : ''}`,
    },
  ])
}

export const tasksRouter = router({
  /** A plan's tasks, or the caller's own ("my tasks") across plans. */
  list: protectedProcedure
    .input(
      z.object({
        planId: id.optional(),
        mine: z.boolean().optional(),
        status: z.enum(['todo', 'in_progress', 'done', 'open']).optional(),
        territoryId: id.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (input.planId) await planOfCaller(ctx, input.planId)
      else if (!input.mine)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Name a plan, or ask for your own tasks.',
        })
      return listTasks(ctx.db, ctx.user.orgId, {
        planId: input.planId,
        assigneeId: input.mine ? ctx.user.id : undefined,
        status: input.status,
        territoryId: input.territoryId,
      })
    }),

  /**
   * What falls due in a date range (at most a quarter): tasks by due date, open reviews by
   * their deadline and scenarios by their effective date, for the planning calendar.
   */
  calendar: protectedProcedure
    .input(z.object({ planId: id, from: DueDate, to: DueDate }))
    .query(async ({ ctx, input }) => {
      await planOfCaller(ctx, input.planId)
      const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000
      if (days < 0 || days > 93)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'The calendar shows at most three months at a time.',
        })
      const [tasks, scenarios, rounds] = await Promise.all([
        listTasks(ctx.db, ctx.user.orgId, {
          planId: input.planId,
          dueFrom: input.from,
          dueTo: input.to,
        }),
        listScenarios(ctx.db, input.planId),
        listPlanReviewRounds(ctx.db, input.planId, { openOnly: true }),
      ])
      const mayRead = await scenarioReader(ctx.db, ctx.user)
      const names = new Map(scenarios.map((s) => [s.id, s.name]))
      return {
        tasks,
        reviews: rounds
          .filter(
            (r) =>
              mayRead({ id: r.scenarioId, status: 'in_review' }) &&
              r.dueDate !== null &&
              r.dueDate >= input.from &&
              r.dueDate <= input.to,
          )
          .map((r) => ({
            roundId: r.id,
            scenarioId: r.scenarioId,
            name: names.get(r.scenarioId) ?? r.scenarioId,
            revision: r.revision,
            dueDate: r.dueDate!,
          })),
        scenarios: scenarios
          .filter(
            (s) =>
              mayRead(s) &&
              s.effectiveDate !== null &&
              s.effectiveDate >= input.from &&
              s.effectiveDate <= input.to,
          )
          .map((s) => ({
            id: s.id,
            name: s.name,
            status: s.status,
            effectiveDate: s.effectiveDate!,
          })),
      }
    }),

  get: protectedProcedure
    .input(z.object({ taskId: id }))
    .query(async ({ ctx, input }) => taskOf(ctx, input.taskId)),

  /** A new task (planners, managers, admins), optionally made from a comment. */
  create: protectedProcedure
    .input(
      z.object({
        planId: id,
        scenarioId: id.nullable().default(null),
        territoryId: id.nullable().default(null),
        unitId: id.nullable().default(null),
        title: Title,
        description: z.unknown().optional(),
        assigneeId: id.nullable().default(null),
        dueDate: DueDate.nullable().default(null),
        priority: Priority.default('normal'),
        fromCommentId: id.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!STAFF.includes(ctx.user.role))
        forbid('Only planners, managers and admins create tasks.')
      await planOfCaller(ctx, input.planId)
      if (input.scenarioId)
        await scenarioOfPlan(ctx, input.planId, input.scenarioId)
      if (input.assigneeId)
        await orgUsers(ctx, [input.assigneeId], 'The assignee')
      let territoryId = input.territoryId
      let unitId = input.unitId
      if (input.fromCommentId) {
        const comment = await findComment(
          ctx.db,
          ctx.user.orgId,
          input.fromCommentId,
        )
        if (!comment || comment.planId !== input.planId)
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: 'No such comment in this plan.',
          })
        territoryId ??= comment.territoryId
        unitId ??= comment.unitId
      }
      const task = {
        id: newId('tsk'),
        orgId: ctx.user.orgId,
        planId: input.planId,
        scenarioId: input.scenarioId,
        territoryId,
        unitId,
        title: input.title,
        description: cleanDescription(input.description),
        assigneeId: input.assigneeId,
        dueDate: input.dueDate,
        priority: input.priority,
        createdBy: ctx.user.id,
        sourceCommentId: input.fromCommentId ?? null,
        now: ctx.now(),
      }
      await ctx.db.transaction().execute(async (tx) => {
        await insertTask(tx, task)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'task.create',
          subjectType: 'task',
          subjectId: task.id,
          details: {
            planId: task.planId,
            title: task.title,
            assigneeId: task.assigneeId,
            territoryId,
          },
        })
      })
      if (task.assigneeId) await tellAssignee(ctx, task, task.assigneeId)
      ctx.events?.rowChanged('task:changed', {
        planId: task.planId,
        id: task.id,
        kind: 'created',
        scenarioId: task.scenarioId,
      })
      return { taskId: task.id }
    }),

  /**
   * Changes a task. Its creator and managers and admins change anything; its assignee
   * changes its status; nobody else changes it.
   */
  update: protectedProcedure
    .input(
      z.object({
        taskId: id,
        title: Title.optional(),
        description: z.unknown().optional(),
        assigneeId: id.nullable().optional(),
        dueDate: DueDate.nullable().optional(),
        status: Status.optional(),
        priority: Priority.optional(),
        territoryId: id.nullable().optional(),
        unitId: id.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const task = await taskOf(ctx, input.taskId)
      const { taskId: _, description, ...rest } = input
      const patch: TaskPatch = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => v !== undefined),
      )
      if (description !== undefined)
        patch.description = cleanDescription(description)
      const fields = Object.keys(patch)
      if (fields.length === 0) return { ok: true }
      const mayAll =
        task.createdBy === ctx.user.id ||
        ctx.user.role === 'manager' ||
        ctx.user.role === 'admin'
      const statusOnly = fields.every((f) => f === 'status')
      if (!mayAll && !(statusOnly && task.assigneeId === ctx.user.id))
        forbid(
          task.assigneeId === ctx.user.id
            ? 'As its assignee you can change a task’s status only.'
            : 'Only its creator, its assignee, or a manager can change this task.',
        )
      if (patch.assigneeId)
        await orgUsers(ctx, [patch.assigneeId], 'The assignee')
      await ctx.db.transaction().execute(async (tx) => {
        await updateTask(tx, ctx.user.orgId, task.id, patch, ctx.now())
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: patch.status === 'done' ? 'task.complete' : 'task.update',
          subjectType: 'task',
          subjectId: task.id,
          details: {
            planId: task.planId,
            fields,
            title: task.title,
            status: patch.status ?? task.status,
          },
        })
      })
      if (patch.assigneeId && patch.assigneeId !== task.assigneeId)
        await tellAssignee(
          ctx,
          {
            ...task,
            ...patch,
            title: patch.title ?? task.title,
            dueDate: patch.dueDate !== undefined ? patch.dueDate : task.dueDate,
          },
          patch.assigneeId,
        )
      ctx.events?.rowChanged('task:changed', {
        planId: task.planId,
        id: task.id,
        kind: 'updated',
        scenarioId: task.scenarioId,
      })
      return { ok: true }
    }),
})
