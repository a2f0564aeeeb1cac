import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testContext, testUser } from '../testing.js'
import {
  type DatabaseHandle,
  listAudit,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import {
  type Role,
  type RowChange,
  type UserNotification,
  richTextFromPlain,
} from '@tessera/domain'
import { appRouter } from '../router.js'

/** What the routers pushed, as the server's socket.io would have sent it. */
class Pushed {
  notes: { userId: string; n: UserNotification }[] = []
  rows: { event: string; change: RowChange }[] = []
  events = {
    notify: (userId: string, n: UserNotification) =>
      this.notes.push({ userId, n }),
    rowChanged: (event: string, change: RowChange) =>
      this.rows.push({ event, change }),
  }
}

const people: Record<string, { orgId: string; role: Role }> = {
  usr_admin: { orgId: 'org_a', role: 'admin' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_planner: { orgId: 'org_a', role: 'planner' },
  usr_rep: { orgId: 'org_a', role: 'rep' },
  usr_other: { orgId: 'org_b', role: 'manager' },
}

/** A tiptap paragraph with text and a mention of `userId`. */
const withMention = (text: string, userId: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text },
        { type: 'mention', attrs: { id: userId, label: userId } },
      ],
    },
  ],
})

describe.each(testBackends())(
  'comments, tasks and notifications on $name',
  (backend) => {
    let h: DatabaseHandle
    let pushed: Pushed
    const as = (userId: string) =>
      appRouter.createCaller(
        testContext(h.db, testUser(userId, people[userId]!), {
          now: () => new Date('2026-12-04T10:00:00Z'),
          events: pushed.events,
        }),
      )

    beforeAll(async () => {
      h = await backend.open()
      pushed = new Pushed()
      await seedTestPlans(h.db, {
        users: people,
        plans: [
          { id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_a'] },
          { id: 'pln_b', orgId: 'org_b' },
        ],
      })
    }, 120_000)
    afterAll(async () => {
      await h?.close()
    })

    it('starts a thread on a territory, tells the person mentioned, and pushes the change', async () => {
      pushed.notes = []
      pushed.rows = []
      const { threadId } = await as('usr_manager').comments.create({
        planId: 'pln_a',
        scenarioId: 'scn_a',
        anchor: { kind: 'territory', territoryId: 'ter_west' },
        body: withMention('Can you look at this, ', 'usr_planner'),
      })
      expect(pushed.notes).toHaveLength(1)
      expect(pushed.notes[0]!.userId).toBe('usr_planner')
      expect(pushed.notes[0]!.n).toMatchObject({
        kind: 'mention',
        planId: 'pln_a',
        link: { threadId, territoryId: 'ter_west' },
        actorName: 'manager',
      })
      expect(pushed.rows).toEqual([
        {
          event: 'comment:changed',
          change: {
            planId: 'pln_a',
            id: threadId,
            kind: 'created',
            scenarioId: 'scn_a',
          },
        },
      ])
      const list = await as('usr_planner').notifications.list()
      expect(list[0]).toMatchObject({ kind: 'mention', link: { threadId } })
      expect(await as('usr_planner').notifications.unreadCount()).toBe(1)
      // Nobody reads or marks another's notifications: the manager has none.
      expect(await as('usr_manager').notifications.list()).toEqual([])
      await as('usr_manager').notifications.markRead({ all: true })
      expect(await as('usr_planner').notifications.unreadCount()).toBe(1)
      await as('usr_planner').notifications.markRead({ ids: [list[0]!.id] })
      expect(await as('usr_planner').notifications.unreadCount()).toBe(0)

      const threads = await as('usr_planner').comments.threads({
        planId: 'pln_a',
        mine: true,
      })
      expect(threads.map((t) => t.id)).toContain(threadId)
    })

    it('replies, resolves and reopens; a reply tells the thread’s starter', async () => {
      const { threadId } = await as('usr_planner').comments.create({
        planId: 'pln_a',
        scenarioId: null,
        anchor: { kind: 'pin', lonLat: [-100, 40] },
        body: richTextFromPlain('A pin here'),
      })
      pushed.notes = []
      await as('usr_rep').comments.reply({
        threadId,
        body: richTextFromPlain('Agreed.'),
      })
      expect(pushed.notes.map((n) => [n.userId, n.n.kind])).toEqual([
        ['usr_planner', 'reply'],
      ])
      const thread = await as('usr_rep').comments.thread({ threadId })
      expect(thread.map((c) => c.authorId)).toEqual(['usr_planner', 'usr_rep'])
      expect(thread[0]!.lonLat).toEqual([-100, 40])
      // A rep may not resolve someone else's thread; its starter may, and anyone staff.
      await expect(
        as('usr_rep').comments.resolve({ threadId, resolved: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await as('usr_planner').comments.resolve({ threadId, resolved: true })
      expect(
        (
          await as('usr_rep').comments.threads({
            planId: 'pln_a',
            status: 'resolved',
          })
        ).map((t) => t.id),
      ).toContain(threadId)
      await as('usr_manager').comments.resolve({ threadId, resolved: false })
      expect(
        (
          await as('usr_rep').comments.threads({
            planId: 'pln_a',
            status: 'open',
          })
        ).map((t) => t.id),
      ).toContain(threadId)
    })

    it('lets only the author edit or delete a comment', async () => {
      const { threadId } = await as('usr_rep').comments.create({
        planId: 'pln_a',
        scenarioId: null,
        anchor: { kind: 'unit', unitId: '06037' },
        body: richTextFromPlain('Mine'),
      })
      await expect(
        as('usr_admin').comments.edit({
          commentId: threadId,
          body: richTextFromPlain('Not yours'),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(
        as('usr_manager').comments.delete({ commentId: threadId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await as('usr_rep').comments.edit({
        commentId: threadId,
        body: richTextFromPlain('Mine, edited'),
      })
      await as('usr_rep').comments.delete({ commentId: threadId })
      const [root] = await as('usr_rep').comments.thread({ threadId })
      expect(root).toMatchObject({ deleted: true, body: null })
    })

    it('refuses bad input with a clear message and stores nothing', async () => {
      const count = async () =>
        (await as('usr_manager').comments.threads({ planId: 'pln_a' })).length
      const before = await count()
      const big = richTextFromPlain('x'.repeat(1024 * 1024))
      await expect(
        as('usr_manager').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'scenario' },
          body: big,
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      await expect(
        as('usr_manager').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'scenario' },
          body: {
            type: 'doc',
            content: [{ type: 'iframe', attrs: { src: 'https://evil' } }],
          },
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('iframe'),
      })
      await expect(
        as('usr_manager').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'scenario' },
          body: withMention('hi ', 'usr_other'),
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('organization'),
      })
      expect(await count()).toBe(before)
      // A javascript: link is neutralised, not stored.
      const { threadId, neutralisedLinks } = await as(
        'usr_manager',
      ).comments.create({
        planId: 'pln_a',
        anchor: { kind: 'scenario' },
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'click',
                  marks: [
                    { type: 'link', attrs: { href: 'javascript:alert(1)' } },
                  ],
                },
              ],
            },
          ],
        },
      })
      expect(neutralisedLinks).toBe(1)
      const [stored] = await as('usr_manager').comments.thread({ threadId })
      expect(JSON.stringify(stored!.body)).not.toContain('javascript')
    })

    it('refuses a NUL character, which the database cannot store', async () => {
      await expect(
        as('usr_manager').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'scenario' },
          body: richTextFromPlain('nul \u0000 here'),
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('NUL'),
      })
      await expect(
        as('usr_manager').tasks.create({ planId: 'pln_a', title: 'a\u0000b' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    })

    it('keeps other organizations out of everything', async () => {
      await expect(
        as('usr_other').comments.threads({ planId: 'pln_a' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_other').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'scenario' },
          body: richTextFromPlain('x'),
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_other').tasks.list({ planId: 'pln_a' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const [thread] = await as('usr_manager').comments.threads({
        planId: 'pln_a',
      })
      await expect(
        as('usr_other').comments.thread({ threadId: thread!.id }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_other').comments.reply({
          threadId: thread!.id,
          body: richTextFromPlain('x'),
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(
        as('usr_manager').comments.create({
          planId: 'pln_b',
          anchor: { kind: 'scenario' },
          body: richTextFromPlain('x'),
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('creates a task from a comment, tells its assignee, and lets the assignee complete it', async () => {
      const { threadId } = await as('usr_manager').comments.create({
        planId: 'pln_a',
        anchor: { kind: 'territory', territoryId: 'ter_east' },
        body: richTextFromPlain('Rebalance east'),
      })
      await expect(
        as('usr_rep').tasks.create({ planId: 'pln_a', title: 'x' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      for (const dueDate of [
        '2026-02-30',
        '12/04/2026',
        'tomorrow',
        '2026-13-01',
      ])
        await expect(
          as('usr_manager').tasks.create({
            planId: 'pln_a',
            title: 'x',
            dueDate,
          }),
        ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      await expect(
        as('usr_manager').tasks.create({
          planId: 'pln_a',
          title: 'x',
          assigneeId: 'usr_other',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      pushed.notes = []
      const { taskId } = await as('usr_manager').tasks.create({
        planId: 'pln_a',
        title: 'Rebalance East',
        assigneeId: 'usr_planner',
        dueDate: '2026-12-11',
        priority: 'high',
        fromCommentId: threadId,
      })
      expect(pushed.notes.map((n) => [n.userId, n.n.kind, n.n.link])).toEqual([
        ['usr_planner', 'task_assigned', { taskId, territoryId: 'ter_east' }],
      ])
      const mine = await as('usr_planner').tasks.list({
        mine: true,
        status: 'open',
      })
      expect(
        mine.map((t) => [t.id, t.territoryId, t.dueDate, t.assigneeName]),
      ).toEqual([[taskId, 'ter_east', '2026-12-11', 'planner']])
      // The assignee changes the status only; a rep nothing.
      await expect(
        as('usr_planner').tasks.update({ taskId, title: 'Renamed' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(
        as('usr_rep').tasks.update({ taskId, status: 'done' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await as('usr_planner').tasks.update({ taskId, status: 'done' })
      const done = await as('usr_manager').tasks.get({ taskId })
      expect(done).toMatchObject({
        status: 'done',
        doneAt: '2026-12-04T10:00:00.000Z',
      })
      const month = await as('usr_rep').tasks.calendar({
        planId: 'pln_a',
        from: '2026-12-01',
        to: '2026-12-31',
      })
      expect(month.tasks.map((t) => [t.id, t.dueDate])).toEqual([
        [taskId, '2026-12-11'],
      ])
      const november = await as('usr_rep').tasks.calendar({
        planId: 'pln_a',
        from: '2026-11-01',
        to: '2026-11-30',
      })
      expect(november.tasks).toEqual([])
      await expect(
        as('usr_rep').tasks.calendar({
          planId: 'pln_a',
          from: '2026-01-01',
          to: '2026-12-31',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      await expect(
        as('usr_other').tasks.calendar({
          planId: 'pln_a',
          from: '2026-12-01',
          to: '2026-12-31',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const audit = await listAudit(h.db, 'org_a')
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'task.create',
          'task.complete',
          'comment.create',
        ]),
      )
    })

    it('answers each role for each action as the rules say (role × action matrix)', async () => {
      // A thread and a task by the manager, the task assigned to the planner; each action is
      // tried by every role (and someone from another organization) on fresh copies.
      const fresh = async () => {
        const { threadId } = await as('usr_manager').comments.create({
          planId: 'pln_a',
          anchor: { kind: 'territory', territoryId: 'ter_west' },
          body: richTextFromPlain('Matrix thread'),
        })
        const thread = await as('usr_manager').comments.thread({ threadId })
        const task = await as('usr_manager').tasks.create({
          planId: 'pln_a',
          title: 'Matrix task',
          assigneeId: 'usr_planner',
        })
        return { threadId, commentId: thread[0]!.id, taskId: task.taskId }
      }
      const body = richTextFromPlain('from the matrix')
      const actions: Record<
        string,
        (who: string, t: Awaited<ReturnType<typeof fresh>>) => Promise<unknown>
      > = {
        'read threads': (who) => as(who).comments.threads({ planId: 'pln_a' }),
        'start a thread': (who) =>
          as(who).comments.create({
            planId: 'pln_a',
            anchor: { kind: 'territory', territoryId: 'ter_west' },
            body,
          }),
        reply: (who, t) =>
          as(who).comments.reply({ threadId: t.threadId, body }),
        'edit someone else’s comment': (who, t) =>
          as(who).comments.edit({ commentId: t.commentId, body }),
        'delete someone else’s comment': (who, t) =>
          as(who).comments.delete({ commentId: t.commentId }),
        'resolve someone else’s thread': (who, t) =>
          as(who).comments.resolve({ threadId: t.threadId, resolved: true }),
        'create a task': (who) =>
          as(who).tasks.create({ planId: 'pln_a', title: 'Mine' }),
        'retitle someone else’s task': (who, t) =>
          as(who).tasks.update({ taskId: t.taskId, title: 'Renamed' }),
        'complete a task': (who, t) =>
          as(who).tasks.update({ taskId: t.taskId, status: 'done' }),
        'read the activity feed': (who) =>
          as(who).activity.list({ planId: 'pln_a' }),
        'read the calendar': (who) =>
          as(who).tasks.calendar({
            planId: 'pln_a',
            from: '2026-12-01',
            to: '2026-12-31',
          }),
      }
      // ok: allowed; FORBIDDEN: told no; NOT_FOUND: another organization sees nothing.
      const expected: Record<string, Record<string, string>> = {
        'read threads': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'ok',
          other: 'NOT_FOUND',
        },
        'start a thread': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'ok',
          other: 'NOT_FOUND',
        },
        reply: {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'ok',
          other: 'NOT_FOUND',
        },
        'edit someone else’s comment': {
          admin: 'FORBIDDEN',
          manager: 'ok',
          planner: 'FORBIDDEN',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'delete someone else’s comment': {
          admin: 'FORBIDDEN',
          manager: 'ok',
          planner: 'FORBIDDEN',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'resolve someone else’s thread': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'create a task': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'retitle someone else’s task': {
          admin: 'ok',
          manager: 'ok',
          planner: 'FORBIDDEN',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'complete a task': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'FORBIDDEN',
          other: 'NOT_FOUND',
        },
        'read the activity feed': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'ok',
          other: 'NOT_FOUND',
        },
        'read the calendar': {
          admin: 'ok',
          manager: 'ok',
          planner: 'ok',
          rep: 'ok',
          other: 'NOT_FOUND',
        },
      }
      const roles: Record<string, string> = {
        admin: 'usr_admin',
        manager: 'usr_manager',
        planner: 'usr_planner',
        rep: 'usr_rep',
        other: 'usr_other',
      }
      const got: Record<string, Record<string, string>> = {}
      for (const [action, run] of Object.entries(actions)) {
        got[action] = {}
        for (const [role, who] of Object.entries(roles)) {
          const t = await fresh()
          got[action]![role] = await run(who, t).then(
            () => 'ok',
            (e: { code?: string }) => e.code ?? String(e),
          )
        }
      }
      // (The manager is the author of the comment and creator of the task: "someone else’s"
      // is someone else’s for every other role.)
      expect(got).toEqual(expected)
    })
  },
)
