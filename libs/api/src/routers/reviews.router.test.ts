import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type DatabaseHandle,
  appendYjsUpdates,
  findPlan,
  findScenario,
  insertPublication,
  insertReps,
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
  openPlanDoc,
  planDocName,
} from '@tessera/domain'
import { appRouter } from '../router.js'
import { testContext, testUser } from '../testing.js'
import { activateDuePublications } from './reviews.router.js'

const people: Record<string, { orgId: string; role: Role; repId?: string }> = {
  usr_admin: { orgId: 'org_a', role: 'admin' },
  usr_manager: { orgId: 'org_a', role: 'manager' },
  usr_manager2: { orgId: 'org_a', role: 'manager' },
  usr_planner: { orgId: 'org_a', role: 'planner' },
  usr_rep_w: { orgId: 'org_a', role: 'rep', repId: 'rep_w' },
  usr_rep_e: { orgId: 'org_a', role: 'rep', repId: 'rep_e' },
  usr_rep_n: { orgId: 'org_a', role: 'rep', repId: 'rep_n' },
  usr_other: { orgId: 'org_b', role: 'manager' },
}

const NOW = new Date('2026-12-04T10:00:00Z')

/** Appends an edit to a scenario's stored document, as the hub stores a client's edit. */
async function edit(
  h: DatabaseHandle,
  scenarioId: string,
  change: (plan: ReturnType<typeof openPlanDoc>) => void,
) {
  const stored = await loadYjsDoc(h.db, planDocName(scenarioId))
  const doc = new Y.Doc()
  for (const u of [
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates,
  ])
    Y.applyUpdate(doc, u)
  const before = Y.encodeStateVector(doc)
  change(openPlanDoc(doc, { canWrite: true }))
  await appendYjsUpdates(h.db, planDocName(scenarioId), [
    Y.encodeStateAsUpdate(doc, before),
  ])
}

describe.each(testBackends())('review and approval on $name', (backend) => {
  let h: DatabaseHandle
  const revoked: string[] = []
  const as = (userId: string, now = NOW) => {
    const p = people[userId]!
    return appRouter.createCaller(
      testContext(
        h.db,
        { ...testUser(userId, p), repId: p.repId ?? null },
        {
          now: () => now,
          docs: { revoke: (docName) => revoked.push(docName) },
        },
      ),
    )
  }
  /** A new draft of the published alignment with unit 01003 moved from east to west. */
  async function changedDraft(name: string) {
    const { scenarioId } = await as('usr_planner').scenarios.create({
      planId: 'pln_a',
      name,
    })
    await edit(h, scenarioId, (plan) => plan.assignments.set('01003', 'ter_w'))
    return scenarioId
  }

  beforeAll(async () => {
    h = await backend.open()
    await seedTestPlans(h.db, {
      users: people,
      plans: [
        { id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_pub'] },
        { id: 'pln_b', orgId: 'org_b', scenarioIds: ['scn_theirs'] },
      ],
    })
    await insertReps(
      h.db,
      'org_a',
      ['rep_w', 'rep_e', 'rep_n'].map((id) => ({
        id,
        name: `Rep ${id.slice(4).toUpperCase()}`,
        email: `${id}@x.test`,
        homeCity: 'X',
        home: [-90, 35] as [number, number],
        industries: [],
        products: [],
        experience: 3,
        weeklyCapacityMinutes: 2400,
      })),
    )
    for (const [id, p] of Object.entries(people))
      if (p.repId)
        await h.db
          .updateTable('users')
          .set({ rep_id: p.repId })
          .where('id', '=', id)
          .execute()
    await updateScenario(h.db, 'scn_pub', { status: 'published' }, NOW)
    await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
    await insertPublication(h.db, {
      id: 'pub_first',
      planId: 'pln_a',
      scenarioId: 'scn_pub',
      scenarioName: 'Draft',
      roundId: null,
      effectiveDate: '2026-01-01',
      publishedBy: 'usr_manager',
      publishedAt: new Date('2025-12-01T00:00:00Z'),
      activatedAt: new Date('2026-01-01T00:00:00Z'),
      state: null,
      alignment: {
        assignments: { '01001': 'ter_w', '01003': 'ter_e', '01005': 'ter_n' },
        accountOverrides: {},
      },
    })
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: 'lyr_1',
      territories: ['w', 'e', 'n'].map((k) => ({
        id: `ter_${k}`,
        name: `Territory ${k.toUpperCase()}`,
        color: '#336699',
        repId: `rep_${k}`,
        kind: 'territory' as const,
        parentId: null,
        locked: false,
      })),
      assignments: { '01001': 'ter_w', '01003': 'ter_e', '01005': 'ter_n' },
      accountOverrides: {},
    })
    await writeYjsSnapshot(h.db, 'scenario:scn_pub', Y.encodeStateAsUpdate(doc))
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  it('submits, lets each affected rep answer for their own change, approves, publishes today, and keeps the history', async () => {
    const scenarioId = await changedDraft('Move 01003 west')
    const submitted = await as('usr_planner').reviews.submit({
      scenarioId,
      dueDate: '2026-12-11',
      note: 'Balancing east and west',
    })
    expect(submitted).toMatchObject({ revision: 1, reps: 2 })
    expect((await findScenario(h.db, scenarioId))?.status).toBe('in_review')
    // Its editors are sent away to come back read-only.
    expect(revoked).toContain(planDocName(scenarioId))
    // Both affected reps are asked, the unaffected one is not.
    const asked = async (userId: string) =>
      (await as(userId).notifications.list()).filter(
        (n) => n.kind === 'review_requested' && n.scenarioId === scenarioId,
      )
    expect(await asked('usr_rep_w')).toHaveLength(1)
    expect((await asked('usr_rep_e'))[0]?.link).toEqual({ page: 'my-changes' })
    expect(await asked('usr_rep_n')).toHaveLength(0)
    expect(await asked('usr_manager')).toHaveLength(1)

    // A draft in review cannot be submitted twice.
    await expect(
      as('usr_planner').reviews.submit({ scenarioId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })

    const { roundId } = submitted
    // A rep whose territory does not change cannot review it.
    await expect(
      as('usr_rep_n').reviews.answer({
        scenarioId,
        roundId,
        status: 'acknowledged',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/does not touch your territory/),
    })
    // An objection needs a comment.
    await expect(
      as('usr_rep_e').reviews.answer({
        scenarioId,
        roundId,
        status: 'objected',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await as('usr_rep_w').reviews.answer({
      scenarioId,
      roundId,
      status: 'acknowledged',
    })
    await as('usr_rep_e').reviews.answer({
      scenarioId,
      roundId,
      status: 'objected',
      comment: 'I lose my biggest county',
    })

    // The manager sees every answer; a rep sees only their own.
    const status = await as('usr_manager').reviews.status({ scenarioId })
    expect(status.changedSinceSubmit).toBe(false)
    expect(
      status.rounds[0]!.reviews.map((r) => [r.repId, r.status, r.comment]),
    ).toEqual([
      ['rep_e', 'objected', 'I lose my biggest county'],
      ['rep_w', 'acknowledged', null],
    ])
    const own = await as('usr_rep_w').reviews.status({ scenarioId })
    expect(own.rounds[0]!.reviews.map((r) => r.repId)).toEqual(['rep_w'])
    // The submitter hears of the objection.
    expect(
      (await as('usr_planner').notifications.list()).some(
        (n) => n.kind === 'review_answered' && /objected/.test(n.message),
      ),
    ).toBe(true)

    // A rejection needs a reason; reps cannot decide.
    await expect(
      as('usr_manager').reviews.decide({
        scenarioId,
        roundId,
        decision: 'reject',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      as('usr_rep_w').reviews.decide({
        scenarioId,
        roundId,
        decision: 'approve',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await as('usr_manager').reviews.decide({
      scenarioId,
      roundId,
      decision: 'approve',
    })
    expect((await findScenario(h.db, scenarioId))?.status).toBe('approved')
    // Answers after the decision are refused.
    await expect(
      as('usr_rep_w').reviews.answer({
        scenarioId,
        roundId,
        status: 'objected',
        comment: 'late',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/manager already approved revision 1/),
    })

    // Publishing: an effective date beyond the grace window is refused, nothing changes.
    await expect(
      as('usr_manager').reviews.publish({
        scenarioId,
        effectiveDate: '2026-11-20',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/at most 7 days in the past/),
    })
    await expect(
      as('usr_manager').reviews.publish({
        scenarioId,
        effectiveDate: '2026-02-30',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect((await findPlan(h.db, 'pln_a'))?.publishedScenarioId).toBe('scn_pub')
    expect(
      await as('usr_manager').reviews.publish({
        scenarioId,
        effectiveDate: '2026-12-04',
      }),
    ).toMatchObject({ status: 'published' })
    expect((await findPlan(h.db, 'pln_a'))?.publishedScenarioId).toBe(
      scenarioId,
    )
    expect((await findScenario(h.db, scenarioId))?.status).toBe('published')
    expect((await findScenario(h.db, 'scn_pub'))?.status).toBe('superseded')
    // Publishing twice is refused.
    await expect(
      as('usr_manager').reviews.publish({
        scenarioId,
        effectiveDate: '2026-12-04',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })

    // History: both alignments, and the one in force on any date.
    const history = await as('usr_rep_n').reviews.history({ planId: 'pln_a' })
    expect(history.map((p) => [p.scenarioId, p.state])).toEqual([
      [scenarioId, 'in force'],
      ['scn_pub', 'past'],
    ])
    const on = (date: string) =>
      as('usr_rep_n').reviews.alignmentOn({ planId: 'pln_a', date })
    expect(await on('2025-06-01')).toBeNull()
    expect((await on('2026-12-03'))?.assignments['01003']).toBe('ter_e')
    const today = await on('2026-12-04')
    expect(today?.assignments['01003']).toBe('ter_w')
    expect(today?.territories.map((t) => [t.name, t.repName, t.units])).toEqual(
      [
        ['Territory E', 'Rep E', 0],
        ['Territory N', 'Rep N', 1],
        ['Territory W', 'Rep W', 2],
      ],
    )

    // The alignment in force, as a CRM takes it (the test plan has no accounts: the header).
    const exported = await as('usr_rep_n').reviews.alignmentCsv({
      planId: 'pln_a',
    })
    expect(exported.csv.split('\r\n')[0]).toBe(
      'account_external_id,account_name,territory_id,territory,owner_rep,owner_email,effective_date',
    )
    expect(exported.filename).toMatch(/from 2026-12-04\.csv$/)
    await expect(
      as('usr_rep_n').reviews.alignmentCsv({
        planId: 'pln_a',
        date: '2025-01-01',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })

    // The audit log has every step, with who.
    const audit = (await listAudit(h.db, 'org_a', 500)).filter(
      (a) => a.subject_id === scenarioId,
    )
    expect(audit.map((a) => [a.action, a.actor_id]).reverse()).toEqual([
      ['scenario.create', 'usr_planner'],
      ['review.submit', 'usr_planner'],
      ['review.acknowledge', 'usr_rep_w'],
      ['review.object', 'usr_rep_e'],
      ['review.approve', 'usr_manager'],
      ['scenario.publish', 'usr_manager'],
    ])
    // Put the first alignment back in force for the other tests.
    await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
    await updateScenario(h.db, 'scn_pub', { status: 'published' }, NOW)
  })

  it('refuses to approve a plan that changed after review; reopening makes a new revision the reps review again', async () => {
    const scenarioId = await changedDraft('Changed after review')
    const first = await as('usr_planner').reviews.submit({ scenarioId })
    // A write that slipped in after the submission (the hub let it through before it
    // revoked the editors, say).
    await edit(h, scenarioId, (plan) => plan.assignments.set('01005', 'ter_w'))
    expect(
      (await as('usr_manager').reviews.status({ scenarioId }))
        .changedSinceSubmit,
    ).toBe(true)
    await expect(
      as('usr_manager').reviews.decide({
        scenarioId,
        roundId: first.roundId,
        decision: 'approve',
        acceptPending: true,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/changed after the reps reviewed it/),
    })
    expect((await findScenario(h.db, scenarioId))?.status).toBe('in_review')

    await as('usr_planner').reviews.reopen({
      scenarioId,
      reason: 'Include 01005',
    })
    expect((await findScenario(h.db, scenarioId))?.status).toBe('draft')
    // The old round is closed: an answer or a decision on it is told why.
    await expect(
      as('usr_rep_w').reviews.answer({
        scenarioId,
        roundId: first.roundId,
        status: 'acknowledged',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/reopened as a draft/),
    })
    const second = await as('usr_planner').reviews.submit({ scenarioId })
    expect(second.revision).toBe(2)
    // Now three reps are affected; approving before they answer needs saying so.
    expect(second.reps).toBe(3)
    // Rep N's "My changes": their territory loses its only unit.
    const mine = (await as('usr_rep_n').reviews.myChanges()).find(
      (c) => c.scenario.id === scenarioId,
    )
    expect(mine).toMatchObject({
      round: { revision: 2, status: 'open' },
      review: { status: 'pending' },
      unitsBefore: ['01005'],
      unitsAfter: [],
    })
    expect(mine?.territoriesBefore.map((t) => t.id)).toEqual(['ter_n'])
    await expect(
      as('usr_manager').reviews.decide({
        scenarioId,
        roundId: second.roundId,
        decision: 'approve',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/3 reps have not reviewed/),
    })
    await as('usr_manager').reviews.decide({
      scenarioId,
      roundId: second.roundId,
      decision: 'approve',
      acceptPending: true,
    })
    const rounds = (await as('usr_manager').reviews.status({ scenarioId }))
      .rounds
    expect(rounds.map((r) => [r.revision, r.status, r.decisionReason])).toEqual(
      [
        [2, 'approved', null],
        [1, 'withdrawn', 'Include 01005'],
      ],
    )
  })

  it('lets one of two managers deciding at the same moment win, and tells the other', async () => {
    const scenarioId = await changedDraft('Race')
    const { roundId } = await as('usr_planner').reviews.submit({ scenarioId })
    const results = await Promise.allSettled([
      as('usr_manager').reviews.decide({
        scenarioId,
        roundId,
        decision: 'approve',
        acceptPending: true,
      }),
      as('usr_manager2').reviews.decide({
        scenarioId,
        roundId,
        decision: 'reject',
        reason: 'Not now',
      }),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already (approved|rejected) revision 1/),
    })
    // The final state is the winner's, in the round and the scenario alike.
    const status = (won[0] as PromiseFulfilledResult<{ status: string }>).value
      .status
    const round = (await as('usr_manager').reviews.status({ scenarioId }))
      .rounds[0]!
    expect(round.status).toBe(status)
    expect((await findScenario(h.db, scenarioId))?.status).toBe(
      status === 'approved' ? 'approved' : 'draft',
    )
  })

  it('schedules a publication for a later date and puts it in force on that date', async () => {
    const scenarioId = await changedDraft('Next year')
    const { roundId } = await as('usr_planner').reviews.submit({ scenarioId })
    await as('usr_manager').reviews.decide({
      scenarioId,
      roundId,
      decision: 'approve',
      acceptPending: true,
    })
    expect(
      await as('usr_manager').reviews.publish({
        scenarioId,
        effectiveDate: '2027-01-01',
      }),
    ).toMatchObject({ status: 'scheduled' })
    expect(await findScenario(h.db, scenarioId)).toMatchObject({
      status: 'scheduled',
      effectiveDate: '2027-01-01',
    })
    expect((await findPlan(h.db, 'pln_a'))?.publishedScenarioId).toBe('scn_pub')
    expect(await activateDuePublications(h.db, NOW)).toEqual([])
    const applied = await activateDuePublications(
      h.db,
      new Date('2027-01-01T00:00:30Z'),
    )
    expect(applied.map((p) => p.scenarioId)).toEqual([scenarioId])
    expect((await findPlan(h.db, 'pln_a'))?.publishedScenarioId).toBe(
      scenarioId,
    )
    expect((await findScenario(h.db, scenarioId))?.status).toBe('published')
    // Run again (a second server process): nothing more happens.
    expect(
      await activateDuePublications(h.db, new Date('2027-01-01T00:01:00Z')),
    ).toEqual([])
    await setPublishedScenario(h.db, 'pln_a', 'scn_pub')
    await updateScenario(h.db, 'scn_pub', { status: 'published' }, NOW)
  })

  it('shows a rep the published alignments and their own changes, never another draft', async () => {
    const scenarioId = await changedDraft('Not for reps yet')
    const visible = async (userId: string) =>
      (await as(userId).scenarios.list({ planId: 'pln_a' })).map((s) => s.id)
    // A draft: the planner sees it, no rep does — not in a list, not by its id.
    expect(await visible('usr_planner')).toContain(scenarioId)
    expect(await visible('usr_rep_e')).not.toContain(scenarioId)
    expect(await visible('usr_rep_e')).toContain('scn_pub')
    for (const read of [
      () => as('usr_rep_e').plans.scenario({ scenarioId }),
      () => as('usr_rep_e').scenarios.compare({ scenarioId }),
      () => as('usr_rep_e').reviews.status({ scenarioId }),
    ])
      await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(
      (await as('usr_rep_e').plans.list())[0]!.scenarios.map((s) => s.id),
    ).not.toContain(scenarioId)
    // Submitted: the reps it affects see it; the one it does not, still not.
    await as('usr_planner').reviews.submit({ scenarioId })
    expect(await visible('usr_rep_e')).toContain(scenarioId)
    expect(await visible('usr_rep_w')).toContain(scenarioId)
    expect(await visible('usr_rep_n')).not.toContain(scenarioId)
    await expect(
      as('usr_rep_e').plans.scenario({ scenarioId }),
    ).resolves.toMatchObject({ scenario: { id: scenarioId } })
  })

  it('checks every review procedure against every role', async () => {
    // Each procedure with an input naming a scenario that does not exist: a role allowed to
    // call it gets past the role check to NOT_FOUND; any other gets FORBIDDEN.
    const missing = { scenarioId: 'scn_missing', roundId: 'rvw_missing' }
    const calls: Record<
      string,
      [allowed: Role[], call: (c: ReturnType<typeof as>) => Promise<unknown>]
    > = {
      status: [
        ['admin', 'manager', 'planner', 'rep'],
        (c) => c.reviews.status(missing),
      ],
      submit: [
        ['admin', 'manager', 'planner'],
        (c) => c.reviews.submit(missing),
      ],
      reopen: [
        ['admin', 'manager', 'planner'],
        (c) => c.reviews.reopen(missing),
      ],
      answer: [
        ['rep'],
        (c) => c.reviews.answer({ ...missing, status: 'acknowledged' }),
      ],
      decide: [
        ['admin', 'manager'],
        (c) => c.reviews.decide({ ...missing, decision: 'approve' }),
      ],
      publish: [
        ['admin', 'manager'],
        (c) => c.reviews.publish({ ...missing, effectiveDate: '2026-12-04' }),
      ],
      history: [
        ['admin', 'manager', 'planner', 'rep'],
        (c) => c.reviews.history({ planId: 'pln_missing' }),
      ],
      alignmentOn: [
        ['admin', 'manager', 'planner', 'rep'],
        (c) =>
          c.reviews.alignmentOn({ planId: 'pln_missing', date: '2026-12-04' }),
      ],
    }
    const users: Record<Role, string> = {
      admin: 'usr_admin',
      manager: 'usr_manager',
      planner: 'usr_planner',
      rep: 'usr_rep_w',
    }
    for (const [name, [allowed, call]] of Object.entries(calls))
      for (const [role, userId] of Object.entries(users) as [Role, string][]) {
        const error = await call(as(userId)).then(
          () => null,
          (e: { code?: string }) => e.code,
        )
        expect(`${name} as ${role}: ${error}`).toBe(
          `${name} as ${role}: ${allowed.includes(role) ? 'NOT_FOUND' : 'FORBIDDEN'}`,
        )
      }
    // "My changes" is a rep's page; nobody else has one.
    await expect(as('usr_rep_n').reviews.myChanges()).resolves.toEqual(
      expect.any(Array),
    )
    for (const userId of ['usr_admin', 'usr_manager', 'usr_planner'])
      await expect(as(userId).reviews.myChanges()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    // Another organization's scenario does not exist for them.
    await expect(
      as('usr_other').reviews.status({ scenarioId: 'scn_pub' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
