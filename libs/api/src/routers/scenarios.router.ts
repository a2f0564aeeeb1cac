import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { diffAlignments, planDocName } from '@tessera/domain'
import {
  deleteScenario,
  findPlan,
  insertScenario,
  lastDocChanges,
  listScenarios,
  listUsers,
  recordAudit,
  updateScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import { forbid, planOfCaller } from '../collab/access.js'
import { loadPlanDoc, scenarioDocState, scoreScenario } from '../scoring.js'
import { scenarioOfCaller, scenarioReader } from './scenario-access.js'
import { protectedProcedure, roleProcedure, router } from '../trpc.js'

const id = z.string().min(1).max(100)

/** A scenario's name as people type it: trimmed, 1–120 characters, no control characters. */
const Name = z
  .string()
  .trim()
  .min(1, 'A scenario needs a name.')
  .max(120, 'A scenario name is at most 120 characters.')
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    message: 'A scenario name cannot contain control characters.',
  })

/**
 * The scenarios of a plan and their life: drafts made from the published alignment or from
 * another scenario (a copy of its Yjs document, so everything it holds — territories,
 * assignments, overrides, locks, balance settings — comes along), renamed, archived, and,
 * while still drafts, deleted. Planners, managers and admins manage scenarios; reps read.
 */
export const scenariosRouter = router({
  /**
   * The plan's scenarios with their author, when their document last changed, and the
   * engine's balance score and disruption (archived ones are listed without scores).
   */
  list: protectedProcedure
    .input(z.object({ planId: id }))
    .query(async ({ ctx, input }) => {
      await planOfCaller(ctx, input.planId)
      const plan = (await findPlan(ctx.db, input.planId))!
      const scenarios = (await listScenarios(ctx.db, plan.id)).filter(
        await scenarioReader(ctx.db, ctx.user),
      )
      const authors = new Map(
        (await listUsers(ctx.db, ctx.user.orgId)).map((u) => [
          u.id,
          u.display_name,
        ]),
      )
      const changed = await lastDocChanges(
        ctx.db,
        scenarios.map((s) => planDocName(s.id)),
      )
      return Promise.all(
        scenarios.map(async (s) => {
          const edited = changed.get(planDocName(s.id))
          const scores =
            s.status === 'archived'
              ? null
              : await scoreScenario(ctx.db, ctx.scoring, {
                  orgId: ctx.user.orgId,
                  layerId: plan.unitLayerId,
                  scenarioId: s.id,
                  publishedScenarioId: plan.publishedScenarioId,
                }).catch(() => null)
          return {
            ...s,
            published: s.id === plan.publishedScenarioId,
            authorName: (s.createdBy && authors.get(s.createdBy)) || null,
            lastEditAt: edited && edited > s.updatedAt ? edited : s.updatedAt,
            balanceScore: scores?.plan.balanceScore ?? null,
            disruptedAccounts: scores?.plan.disruptedAccounts ?? null,
          }
        }),
      )
    }),

  /**
   * What a scenario changes against another (by default the published alignment): the
   * units and accounts that change territory, per rep the accounts gained and lost (names
   * and values) with workload, potential and sales deltas, per territory the engine's
   * metric deltas, and both plans' scores.
   */
  compare: protectedProcedure
    .input(z.object({ scenarioId: id, againstScenarioId: id.optional() }))
    .query(async ({ ctx, input }) => {
      const after = await scenarioOfCaller(ctx, input.scenarioId)
      const plan = (await findPlan(ctx.db, after.planId))!
      const againstId = input.againstScenarioId ?? plan.publishedScenarioId
      if (!againstId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message:
            'This plan has no published alignment: name the scenario to compare with.',
        })
      const before = await scenarioOfCaller(ctx, againstId)
      if (before.planId !== after.planId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Only scenarios of the same plan can be compared.',
        })
      const scope = (scenarioId: string) => ({
        orgId: ctx.user.orgId,
        layerId: plan.unitLayerId,
        scenarioId,
        publishedScenarioId: plan.publishedScenarioId,
      })
      const [a, b, accounts, scoresA, scoresB] = await Promise.all([
        loadPlanDoc(ctx.db, before.id),
        loadPlanDoc(ctx.db, after.id),
        ctx.scoring.diffAccounts(ctx.user.orgId, plan.unitLayerId),
        scoreScenario(ctx.db, ctx.scoring, scope(before.id)),
        scoreScenario(ctx.db, ctx.scoring, scope(after.id)),
      ])
      const diff = diffAlignments(a.plan, b.plan, accounts)
      const byId = (rows: typeof scoresA.territories) =>
        new Map(rows.map((t) => [t.territoryId, t]))
      const was = byId(scoresA.territories)
      const now = byId(scoresB.territories)
      const territoryIds = [...new Set([...was.keys(), ...now.keys()])].sort()
      const delta = (
        key:
          'accounts' | 'potential' | 'sales' | 'workloadMinutes' | 'travelKm',
        id: string,
      ) => (now.get(id)?.[key] ?? 0) - (was.get(id)?.[key] ?? 0)
      return {
        before: { id: before.id, name: before.name, status: before.status },
        after: { id: after.id, name: after.name, status: after.status },
        territoriesBefore: a.plan.territories,
        territoriesAfter: b.plan.territories,
        plan: { before: scoresA.plan, after: scoresB.plan },
        territories: territoryIds
          .map((territoryId) => ({
            territoryId,
            accounts: delta('accounts', territoryId),
            potential: delta('potential', territoryId),
            sales: delta('sales', territoryId),
            workloadMinutes: delta('workloadMinutes', territoryId),
            travelKm: delta('travelKm', territoryId),
          }))
          .filter(
            (t) =>
              t.accounts !== 0 ||
              t.potential !== 0 ||
              t.workloadMinutes !== 0 ||
              t.travelKm !== 0,
          ),
        ...diff,
      }
    }),

  /** A new draft: a copy of the published alignment, or of the scenario named. */
  create: roleProcedure('planner', 'manager', 'admin')
    .input(
      z.object({
        planId: id,
        name: Name,
        fromScenarioId: id.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await planOfCaller(ctx, input.planId)
      const plan = (await findPlan(ctx.db, input.planId))!
      const fromId = input.fromScenarioId ?? plan.publishedScenarioId
      if (!fromId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message:
            'This plan has no published alignment yet: name the scenario to copy.',
        })
      const from = await scenarioOfCaller(ctx, fromId)
      if (from.planId !== plan.id)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'A scenario can only be copied within its own plan.',
        })
      const state = await scenarioDocState(ctx.db, from.id)
      if (!state)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `“${from.name}” has no stored plan to copy.`,
        })
      const scenarioId = `scn_${randomUUID().slice(0, 12)}`
      await ctx.db.transaction().execute(async (tx) => {
        await insertScenario(tx, {
          id: scenarioId,
          planId: plan.id,
          name: input.name,
          status: 'draft',
          parentId: from.id,
          effectiveDate: null,
          createdBy: ctx.user.id,
          updatedAt: ctx.now(),
        })
        await writeYjsSnapshot(tx, planDocName(scenarioId), state)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'scenario.create',
          subjectType: 'scenario',
          subjectId: scenarioId,
          details: { planId: plan.id, from: from.id, name: input.name },
        })
      })
      return { scenarioId }
    }),

  rename: roleProcedure('planner', 'manager', 'admin')
    .input(z.object({ scenarioId: id, name: Name }))
    .mutation(async ({ ctx, input }) => {
      const s = await scenarioOfCaller(ctx, input.scenarioId)
      if (s.status === 'archived')
        forbid('An archived scenario keeps its name: it is kept as it was.')
      await ctx.db.transaction().execute(async (tx) => {
        await updateScenario(tx, s.id, { name: input.name }, ctx.now())
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'scenario.rename',
          subjectType: 'scenario',
          subjectId: s.id,
          details: { planId: s.planId, from: s.name, to: input.name },
        })
      })
      return { ok: true }
    }),

  /**
   * Archives a scenario: it stays readable but leaves the working list and cannot be
   * edited. The published alignment cannot be archived (publish another first).
   */
  archive: roleProcedure('planner', 'manager', 'admin')
    .input(z.object({ scenarioId: id }))
    .mutation(async ({ ctx, input }) => {
      const s = await scenarioOfCaller(ctx, input.scenarioId)
      const plan = (await findPlan(ctx.db, s.planId))!
      if (plan.publishedScenarioId === s.id)
        forbid(
          'The published alignment cannot be archived: publish another scenario first.',
        )
      if (s.status === 'archived') return { ok: true }
      if (s.status !== 'draft' && ctx.user.role === 'planner')
        forbid(
          `This scenario is ${s.status.replace('_', ' ')}: a manager archives it.`,
        )
      await ctx.db.transaction().execute(async (tx) => {
        await updateScenario(tx, s.id, { status: 'archived' }, ctx.now())
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'scenario.archive',
          subjectType: 'scenario',
          subjectId: s.id,
          details: { planId: s.planId, name: s.name, was: s.status },
        })
      })
      // Whoever has it open keeps reading it, no longer writing.
      ctx.docs?.revoke(planDocName(s.id), 'the scenario was archived')
      return { ok: true }
    }),

  /**
   * Deletes a draft with its document, notes, comments and tasks. Its author, or a
   * manager or admin; anything past draft is history and is archived instead.
   */
  delete: roleProcedure('planner', 'manager', 'admin')
    .input(z.object({ scenarioId: id }))
    .mutation(async ({ ctx, input }) => {
      const s = await scenarioOfCaller(ctx, input.scenarioId)
      if (s.status !== 'draft')
        forbid(
          `Only drafts are deleted; this scenario is ${s.status.replace('_', ' ')} (archive it instead).`,
        )
      if (ctx.user.role === 'planner' && s.createdBy !== ctx.user.id)
        forbid(
          'A planner deletes only their own drafts; a manager can delete this one.',
        )
      await ctx.db.transaction().execute(async (tx) => {
        await deleteScenario(tx, s.id)
        await recordAudit(tx, {
          orgId: ctx.user.orgId,
          actorId: ctx.user.id,
          action: 'scenario.delete',
          subjectType: 'scenario',
          subjectId: s.id,
          details: { planId: s.planId, name: s.name },
        })
      })
      // Whoever has it open is let go (and refused on reconnect). Open notes of its
      // territories are not reached this way; their writes land on no scenario.
      ctx.docs?.revoke(planDocName(s.id), 'the scenario was deleted')
      return { ok: true }
    }),
})
