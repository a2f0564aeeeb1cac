import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  insertTask,
  listNotifications,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import { richTextFromPlain } from '@tessera/domain'
import { sendDueReminders } from './due-reminders.js'

describe.each(testBackends())('due reminders on $name', (backend) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, {
      users: {
        usr_boss: { orgId: 'org_a', role: 'manager' },
        usr_pat: { orgId: 'org_a', role: 'planner' },
      },
      plans: [{ id: 'pln_a', orgId: 'org_a' }],
    })
    const task = (
      id: string,
      dueDate: string | null,
      assigneeId: string | null,
    ) =>
      insertTask(h.db, {
        id,
        orgId: 'org_a',
        planId: 'pln_a',
        scenarioId: null,
        territoryId: 'ter_1',
        unitId: null,
        title: `Task ${id}`,
        description: richTextFromPlain(''),
        assigneeId,
        dueDate,
        priority: 'normal',
        createdBy: 'usr_boss',
        sourceCommentId: null,
        now: new Date('2026-12-01T00:00:00Z'),
      })
    await task('t_over', '2026-12-02', 'usr_pat')
    await task('t_today', '2026-12-04', 'usr_pat')
    await task('t_tomorrow', '2026-12-05', 'usr_pat')
    await task('t_later', '2026-12-20', 'usr_pat')
    await task('t_nobody', '2026-12-02', null)
    await task('t_undated', null, 'usr_pat')
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('tells the assignee once about what is due soon and what is overdue', async () => {
    const pushed: string[] = []
    const now = new Date('2026-12-04T09:00:00Z')
    const sent = await sendDueReminders(
      h.db,
      (u, n) => pushed.push(`${u} ${n.kind} ${n.link.taskId}`),
      now,
    )
    expect(sent).toBe(3)
    expect(pushed.sort()).toEqual([
      'usr_pat task_due t_today',
      'usr_pat task_due t_tomorrow',
      'usr_pat task_overdue t_over',
    ])
    const messages = (await listNotifications(h.db, 'usr_pat'))
      .map((n) => n.message)
      .sort()
    expect(messages).toEqual([
      'Due today: Task t_today',
      'Due tomorrow: Task t_tomorrow',
      'Overdue since 2026-12-02: Task t_over',
    ])
    // Again, a quarter of an hour later: nothing new.
    expect(
      await sendDueReminders(
        h.db,
        () => undefined,
        new Date('2026-12-04T09:15:00Z'),
      ),
    ).toBe(0)
    // Two days on, today's task is overdue: told once more, as overdue.
    const later: string[] = []
    await sendDueReminders(
      h.db,
      (_u, n) => later.push(`${n.kind} ${n.link.taskId}`),
      new Date('2026-12-06T09:00:00Z'),
    )
    expect(later.sort()).toEqual([
      'task_overdue t_today',
      'task_overdue t_tomorrow',
    ])
  })
})
