import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import * as Y from 'yjs'
import {
  type DatabaseHandle,
  listAudit,
  seedTestPlans,
  testBackends,
} from '@tessera/db'
import { initPlanDoc, openPlanDoc } from '@tessera/domain'
import { watchPlanEdits } from './edit-activity.js'

/** A connection as the hub's room sees it: the origin of the updates it applies. */
const peer = (userId: string) => ({
  canWrite: true,
  userId,
  send: () => undefined,
  close: () => undefined,
})

describe.each(testBackends())(
  'plan edits in the activity feed on $name',
  (backend) => {
    let h: DatabaseHandle
    beforeAll(async () => {
      h = await backend.open()
      await seedTestPlans(h.db, {
        users: {
          usr_ana: { orgId: 'org_a', role: 'planner' },
          usr_bo: { orgId: 'org_a', role: 'planner' },
        },
        plans: [{ id: 'pln_a', orgId: 'org_a', scenarioIds: ['scn_a'] }],
      })
    }, 120_000)
    afterAll(async () => {
      await h?.close()
    })

    it('records each person’s moves per pair of territories, netting out what came back', async () => {
      const doc = new Y.Doc()
      initPlanDoc(doc, {
        unitLayerId: 'lyr_1',
        territories: [],
        assignments: {
          u1: 'west',
          u2: 'west',
          u3: 'west',
          u4: 'east',
          u5: 'east',
        },
        accountOverrides: {},
      })
      const writes: Promise<void>[] = []
      const stop = watchPlanEdits('scenario:scn_a', doc, {
        db: h.db,
        log: pino({ level: 'silent' }),
        flushMs: 60_000,
        track: (w) => writes.push(w),
      })!
      const plan = openPlanDoc(doc, { canWrite: true })
      const as = (userId: string, moves: [string, string][]) =>
        doc.transact(() => plan.assignments.setMany(moves), peer(userId))
      as('usr_ana', [
        ['u1', 'east'],
        ['u2', 'east'],
        ['u3', 'north'],
      ])
      as('usr_ana', [['u3', 'east']]) // west → north → east: once, west → east
      as('usr_bo', [['u4', 'west']])
      as('usr_bo', [['u4', 'east']]) // and back: nothing
      as('usr_bo', [['u5', 'south']])
      // A change from the store or another process (no connection) is nobody's edit.
      doc.transact(() => plan.assignments.setMany([['u1', 'west']]), 'store')
      stop()
      await Promise.all(writes)
      const rows = (await listAudit(h.db, 'org_a')).filter(
        (r) => r.action === 'plan.edit',
      )
      const byActor = Object.fromEntries(
        rows.map((r) => [r.actor_id, r.details]),
      )
      expect(byActor['usr_ana']).toMatchObject({
        planId: 'pln_a',
        scenarioId: 'scn_a',
        units: 2,
        moves: [{ from: 'west', to: 'east', count: 2 }],
      })
      expect(byActor['usr_bo']).toMatchObject({
        units: 1,
        moves: [{ from: 'east', to: 'south', count: 1, sample: ['u5'] }],
      })
      plan.destroy()
    })

    it('leaves documents that are not plans alone', () => {
      expect(
        watchPlanEdits('notes:scn_a:ter_1', new Y.Doc(), {
          db: h.db,
          log: pino({ level: 'silent' }),
        }),
      ).toBeUndefined()
    })
  },
)
