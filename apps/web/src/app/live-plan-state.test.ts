import {
  type PlanDoc,
  type PlanState,
  UNIT_LOCKED,
  initPlanDoc,
  openPlanDoc,
  planStateOf,
} from '@tessera/domain'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { type PlanChangeSet, watchPlanChanges } from '../lib/plan-changes'
import { changesBetween } from '../lib/plan-record'
import { record } from '../lib/test-records'
import { nextPlanState } from './live-plan-state'

const UNITS = 12
const LOCAL = Symbol('local edit')

/** Two replicas of one plan document joined like two pages on the hub, with a link to cut. */
function twoPages() {
  const a = new Y.Doc()
  initPlanDoc(a, {
    unitLayerId: 'lyr',
    territories: [record('t1'), record('t2'), record('t3')],
    assignments: { u0: 't1', u1: 't2', u2: 't3' },
    accountOverrides: { a0: 't2' },
  })
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  let linked = true
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (linked && origin !== 'hub') Y.applyUpdate(to, update, 'hub')
  }
  a.on('update', relay(b))
  b.on('update', relay(a))
  const planA = openPlanDoc(a, { canWrite: true })
  const planB = openPlanDoc(b, { canWrite: true })
  const undo = new Y.UndoManager(
    [
      planA.assignments.array,
      planA.accountOverrides.array,
      planA.lockedUnits.array,
      planA.territories,
    ],
    { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 },
  )
  return {
    planA,
    planB,
    undo,
    cut: () => (linked = false),
    // What a reconnect does: each side sends what the other has not seen.
    rejoin: () => {
      linked = true
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'hub')
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'hub')
    },
  }
}

const unit = fc.nat(UNITS - 1).map((i) => `u${i}`)
const owner = fc.option(fc.constantFrom('t1', 't2', 't3', 't4'), {
  nil: undefined,
})
const op = fc.oneof(
  fc.record({ kind: fc.constant('local' as const), unit, to: owner }),
  fc.record({ kind: fc.constant('remote' as const), unit, to: owner }),
  fc.record({
    kind: fc.constant('stroke' as const),
    units: fc.array(unit, { maxLength: 5 }),
    to: fc.constantFrom('t1', 't2'),
  }),
  fc.record({
    kind: fc.constant('override' as const),
    remote: fc.boolean(),
    account: fc.nat(3).map((i) => `a${i}`),
    to: owner,
  }),
  fc.record({ kind: fc.constant('lock' as const), unit, on: fc.boolean() }),
  fc.record({ kind: fc.constant('territory' as const), id: owner }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
  fc.constant({ kind: 'cut' as const }),
  fc.constant({ kind: 'rejoin' as const }),
  fc.constant({ kind: 'frame' as const }),
  fc.constant({ kind: 'resync' as const }),
)

function setOwner(plan: PlanDoc, unitId: string, to: string | undefined) {
  if (to === undefined) plan.assignments.delete(unitId)
  else plan.assignments.set(unitId, to)
}

const sortedRecord = (r: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(r).sort(([x], [y]) => (x < y ? -1 : 1)))
const plain = (p: PlanState) => ({
  ...p,
  assignments: sortedRecord(p.assignments),
  accountOverrides: sortedRecord(p.accountOverrides),
})

describe('nextPlanState', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('follows local, remote, undone and offline edits as a whole re-read would', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        // Frames run when the test says (`frame`), as the browser runs them between tasks.
        const frame: { queued: FrameRequestCallback | null } = { queued: null }
        vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
          frame.queued = cb
          return 1
        })
        vi.stubGlobal('cancelAnimationFrame', () => (frame.queued = null))
        const { planA, planB, undo, cut, rejoin } = twoPages()
        let plan = nextPlanState(planA, null, null)
        const seen: PlanState[] = [plan]
        const follow = (c: PlanChangeSet | null) => {
          const before = plan
          plan = nextPlanState(planA, plan, c)
          expect(plain(plan)).toEqual(plain(planStateOf(planA)))
          if (c) {
            // A patch, never a re-read: readers can follow only what changed.
            expect(
              changesBetween(before.assignments, plan.assignments),
            ).toEqual(expect.any(Set))
          }
          seen.push(plan)
        }
        const unwatch = watchPlanChanges(planA, follow)
        for (const o of ops) {
          switch (o.kind) {
            case 'local':
              planA.doc.transact(() => setOwner(planA, o.unit, o.to), LOCAL)
              break
            case 'remote':
              planB.doc.transact(() => setOwner(planB, o.unit, o.to))
              break
            case 'stroke':
              planA.doc.transact(
                () => planA.assignments.setMany(o.units.map((u) => [u, o.to])),
                LOCAL,
              )
              break
            case 'override': {
              const p = o.remote ? planB : planA
              p.doc.transact(() => {
                if (o.to === undefined) p.accountOverrides.delete(o.account)
                else p.accountOverrides.set(o.account, o.to)
              }, LOCAL)
              break
            }
            case 'lock':
              planA.doc.transact(() => {
                if (o.on) planA.lockedUnits.set(o.unit, UNIT_LOCKED)
                else planA.lockedUnits.delete(o.unit)
              }, LOCAL)
              break
            case 'territory':
              planB.doc.transact(() => {
                if (o.id) planB.territories.set(o.id, record(o.id))
              })
              break
            case 'undo':
              undo.undo()
              break
            case 'redo':
              undo.redo()
              break
            case 'cut':
              cut()
              break
            case 'rejoin':
              rejoin()
              break
            case 'frame': {
              const cb = frame.queued
              frame.queued = null
              cb?.(0)
              break
            }
            case 'resync':
              follow(null)
              break
          }
        }
        frame.queued = null
        unwatch()
        // Every version handed out still reads as it did when it was handed out.
        const last = seen.at(-1)!
        for (const s of seen) {
          const keys = changesBetween(s.assignments, last.assignments)
          if (!keys) continue
          for (let i = 0; i < UNITS; i++) {
            const u = `u${i}`
            if (s.assignments[u] !== last.assignments[u])
              expect(keys.has(u)).toBe(true)
          }
        }
        planA.destroy()
        planB.destroy()
      }),
      { numRuns: 200 },
    )
  })
})
