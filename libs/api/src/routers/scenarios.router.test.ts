import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type DatabaseHandle,
  appendYjsUpdates,
  listAudit,
  loadYjsDoc,
  seedTestPlans,
  setPublishedScenario,
  testBackends,
  updateScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type Role,
  initPlanDoc,
  notesDocName,
  openPlanDoc,
  planDocName,
} from '@tessera/domain'
import { appRouter } from '../router.js'
import { testContext, testUser } from '../testing.js'

const people: Record<string, { orgId: string; role: Role }> = {
  usr_admin: { orgId: 'org_a', role: 'admin' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_planner: { orgId: 'org_a', role: 'planner' },
  usr_planner2: { orgId: 'org_a', role: 'planner' },
  usr_rep: { orgId: 'org_a', role: 'rep' },
  usr_other: { orgId: 'org_b', role: 'manager' },
}

/** What a copy holds, read back as the editor would. */
async function stateOf(h: DatabaseHandle, scenarioId: string) {
  const stored = await loadYjsDoc(h.db, planDocName(scenarioId))
  const doc = new Y.Doc()
  for (const u of [
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates,
  ])
    Y.applyUpdate(doc, u)
  const plan = openPlanDoc(doc)
  return {
    assignments: Object.fromEntries(plan.assignments.entries()),
    territories: [...plan.territories.keys()].sort(),
  }
}

describe.each(testBackends())('scenarios on $name', (backend) => {
  let h: DatabaseHandle
  /** What the router told the hub. */
  const revoked: string[] = []
  const as = (userId: string) =>
    appRouter.createCaller(
      testContext(h.db, testUser(userId, people[userId]!), {
        now: () => new Date('2026-12-04T10:00:00Z'),
        docs: { revoke: (docName) => revoked.push(docName) },
      }),
    )

  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, {
      users: people,
      plans: [
        { id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_pub', 'scn_b'] },
        { id: 'pln_b', orgId: 'org_b', scenarioIds: ['scn_theirs'] },
      ],
    })
    await updateScenario(h.db, 'scn_pub', { status: 'published' }, new Date())
    await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
    // The published plan: a snapshot, then a live edit stored as an update after it.
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_1',
      territories: ['ter_w', 'ter_e'].map((id) => ({
        id,
        name: id,
        color: '#336699',
        repId: null,
        kind: 'territory' as const,
        parentId: null,
        locked: false,
      })),
      assignments: { '01001': 'ter_w', '01003': 'ter_e' },
      accountOverrides: {},
    })
    await writeYjsSnapshot(h.db, 'scenario:scn_pub', Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(doc)
    openPlanDoc(doc, { canWrite: true }).assignments.set('01003', 'ter_w')
    await appendYjsUpdates(h.db, 'scenario:scn_pub', [
      Y.encodeStateAsUpdate(doc, before),
    ])
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('drafts a copy of the published alignment, stored edits included, and lists it with its author', async () => {
    const { scenarioId } = await as('usr_planner').scenarios.create({
      planId: 'pln_a',
      name: '  Q3 what-if  ',
    })
    expect(await stateOf(h, scenarioId)).toEqual({
      assignments: { '01001': 'ter_w', '01003': 'ter_w' },
      territories: ['ter_e', 'ter_w'],
    })
    // A rep does not see another draft; the manager does.
    expect(
      (await as('usr_rep').scenarios.list({ planId: 'pln_a' })).map(
        (s) => s.id,
      ),
    ).not.toContain(scenarioId)
    const list = await as('usr_manager').scenarios.list({ planId: 'pln_a' })
    expect(list.find((s) => s.id === scenarioId)).toMatchObject({
      name: 'Q3 what-if',
      status: 'draft',
      parentId: 'scn_pub',
      authorName: 'planner',
      published: false,
    })
    expect(list.find((s) => s.id === 'scn_pub')?.published).toBe(true)
    // A copy of the copy is independent of both.
    const second = await as('usr_manager').scenarios.create({
      planId: 'pln_a',
      name: 'Copy of Q3',
      fromScenarioId: scenarioId,
    })
    expect((await stateOf(h, second.scenarioId)).assignments).toEqual({
      '01001': 'ter_w',
      '01003': 'ter_w',
    })
  })

  it('renames, archives and deletes drafts by the rules, and audits each step', async () => {
    const { scenarioId } = await as('usr_planner').scenarios.create({
      planId: 'pln_a',
      name: 'Mine',
    })
    await as('usr_planner').scenarios.rename({ scenarioId, name: 'Mine, v2' })
    // Another planner may not delete it; a rep may not touch it; another org cannot see it.
    await expect(
      as('usr_planner2').scenarios.delete({ scenarioId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      as('usr_rep').scenarios.rename({ scenarioId, name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      as('usr_other').scenarios.archive({ scenarioId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Its notes go with it.
    await writeYjsSnapshot(
      h.db,
      notesDocName(scenarioId, 'ter_w'),
      Y.encodeStateAsUpdate(new Y.Doc()),
    )
    await as('usr_planner').scenarios.delete({ scenarioId })
    // Whoever had it open is let go by the hub.
    expect(revoked).toContain(planDocName(scenarioId))
    expect(
      (await as('usr_planner').scenarios.list({ planId: 'pln_a' })).some(
        (s) => s.id === scenarioId,
      ),
    ).toBe(false)
    expect(
      (await loadYjsDoc(h.db, planDocName(scenarioId))).snapshot,
    ).toBeNull()
    expect(
      (await loadYjsDoc(h.db, notesDocName(scenarioId, 'ter_w'))).snapshot,
    ).toBeNull()
    // The published alignment is neither archived nor deleted.
    await expect(
      as('usr_manager').scenarios.archive({ scenarioId: 'scn_pub' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      as('usr_admin').scenarios.delete({ scenarioId: 'scn_pub' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await as('usr_planner').scenarios.archive({ scenarioId: 'scn_b' })
    expect(revoked).toContain('scenario:scn_b')
    await expect(
      as('usr_planner').scenarios.rename({ scenarioId: 'scn_b', name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const archived = (
      await as('usr_planner').scenarios.list({ planId: 'pln_a' })
    ).find((s) => s.id === 'scn_b')
    expect(archived).toMatchObject({ status: 'archived', balanceScore: null })
    const actions = (await listAudit(h.db, 'org_a')).map((a) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'scenario.create',
        'scenario.rename',
        'scenario.delete',
        'scenario.archive',
      ]),
    )
  })

  it('refuses bad names, foreign sources and other organizations with clear messages', async () => {
    for (const name of ['', '   ', 'x'.repeat(121), 'tab\there'])
      await expect(
        as('usr_planner').scenarios.create({ planId: 'pln_a', name }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      as('usr_planner').scenarios.create({
        planId: 'pln_a',
        name: 'Theirs',
        fromScenarioId: 'scn_theirs',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      as('usr_other').scenarios.list({ planId: 'pln_a' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      as('usr_rep').scenarios.create({ planId: 'pln_a', name: 'Rep draft' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
