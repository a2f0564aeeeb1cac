import type { ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { openPlanDoc } from '@tessera/domain'
import {
  connectDoc,
  demoLogin,
  freePort,
  startServerProcess,
  throwawayDatabase,
  until,
} from './testing/processes.js'

const redisUrl = process.env['REDIS_URL']
const children: ChildProcess[] = []
let drop: (() => Promise<void>) | undefined
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await drop?.()
})

type Presence = { user?: { name?: string } }

// CI sets REDIS_URL (and .ci/run starts Redis); without it there is nothing to scale over.
describe.skipIf(!redisUrl)(
  'scale-out over Redis (two server processes)',
  () => {
    it('clients on two processes converge under concurrent edits and see each other', async () => {
      const db = await throwawayDatabase('tessera_scale')
      drop = db.drop
      const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl! }
      // The first seeds the database; the second starts on it.
      const one = await startServerProcess(await freePort(), env)
      children.push(one.child)
      const two = await startServerProcess(await freePort(), env)
      children.push(two.child)
      const cookie = await demoLogin(one.url, 'planner@demo.tessera.dev')
      const a = connectDoc(one.url, cookie)
      const b = connectDoc(two.url, cookie)
      await until(() => a.provider.synced && b.provider.synced)
      const planA = openPlanDoc(a.doc, { canWrite: true })
      const planB = openPlanDoc(b.doc, { canWrite: true })
      const units = [...planA.assignments.entries()].map(([u]) => u)
      const territories = [...planA.territories.keys()]
      expect(units.length).toBeGreaterThan(1000)
      // Concurrent strokes from both sides, some on the same units.
      for (let i = 0; i < 60; i++) {
        const plan = i % 2 ? planA : planB
        const to = territories[(i * 7) % territories.length]!
        plan.assignments.setMany(
          Array.from({ length: 1 + (i % 9) }, (_, k) => [
            units[(i * 13 + k * 5) % 120]!,
            to,
          ]),
        )
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5))
      }
      const json = (p: typeof planA) =>
        JSON.stringify(Object.entries(p.assignments.toObject()).sort())
      await until(() => json(planA) === json(planB))
      // Presence crosses processes both ways.
      a.provider.awareness.setLocalStateField('user', { name: 'Ana' })
      b.provider.awareness.setLocalStateField('user', { name: 'Ben' })
      const sees = (who: typeof a, name: string) =>
        [...who.provider.awareness.getStates().values()].some(
          (s) => (s as Presence).user?.name === name,
        )
      await until(() => sees(b, 'Ana') && sees(a, 'Ben'))
      // A client that opens the document later, on either process, loads the same plan.
      const late = connectDoc(two.url, cookie)
      await until(() => late.provider.synced)
      const planLate = openPlanDoc(late.doc)
      await until(() => json(planLate) === json(planA))
      // Leaving removes the presence on the other process.
      a.provider.destroy()
      await until(() => !sees(b, 'Ana'))
      for (const c of [b, late]) c.provider.destroy()
    }, 120_000)
  },
)
