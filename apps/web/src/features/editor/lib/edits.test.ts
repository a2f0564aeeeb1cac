import { describe, expect, it } from 'vitest'
import {
  territoryGone,
  assignUnits,
  setAccountOverride,
  setUnitsLocked,
  skippedMessage,
} from './edits'
import { record, testPlan } from './test-plan'

function setup() {
  return testPlan({
    territories: [record('a'), record('b'), record('z', { locked: true })],
    assignments: { u1: 'a', u2: 'a', u3: 'z', u4: 'b', u5: 'a' },
    accountOverrides: { acc_z: 'z', acc_a: 'a' },
    lockedUnits: ['u5'],
  })
}

describe('assignUnits', () => {
  it('moves units as one undoable edit, leaving out locked units and locked territories’ units', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    expect(assignUnits(plan, ['u1', 'u2', 'u3', 'u4', 'u5'], 'b')).toEqual({
      ok: true,
      moved: 2,
      skippedLocked: 1,
      skippedLockedUnits: 1,
    })
    expect(updates() - before).toBe(1)
    expect(plan.assignments.toObject()).toEqual({
      u1: 'b',
      u2: 'b',
      u3: 'z',
      u4: 'b',
      u5: 'a',
    })
    undo.undo()
    expect(plan.assignments.toObject()).toEqual({
      u1: 'a',
      u2: 'a',
      u3: 'z',
      u4: 'b',
      u5: 'a',
    })
  })

  it('refuses a locked or missing territory with a clear message', () => {
    const { plan } = setup()
    expect(assignUnits(plan, ['u1'], 'z')).toEqual({
      ok: false,
      message: 'Z is locked: unlock it to change it.',
    })
    expect(assignUnits(plan, ['u1'], 'deleted')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(plan.assignments.get('u1')).toBe('a')
  })
})

describe('setUnitsLocked', () => {
  it('locks and unlocks in one undoable edit, counting only real changes', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    expect(setUnitsLocked(plan, ['u1', 'u2', 'u5', 'u1'], true)).toEqual({
      ok: true,
      changed: 2,
    })
    expect(updates() - before).toBe(1)
    expect([...plan.lockedUnits.entries()].map(([u]) => u).sort()).toEqual([
      'u1',
      'u2',
      'u5',
    ])
    // A locked unit stays put when painted.
    expect(assignUnits(plan, ['u1'], 'b')).toMatchObject({
      moved: 0,
      skippedLockedUnits: 1,
    })
    undo.undo()
    expect(plan.lockedUnits.has('u1')).toBe(false)
    expect(setUnitsLocked(plan, ['u5', 'u4'], false)).toEqual({
      ok: true,
      changed: 1,
    })
    expect(plan.lockedUnits.size).toBe(0)
    // Nothing to change: no transaction at all.
    const quiet = updates()
    expect(setUnitsLocked(plan, ['u4'], false)).toEqual({
      ok: true,
      changed: 0,
    })
    expect(updates()).toBe(quiet)
  })
})

describe('setAccountOverride', () => {
  it('places an account, and lets it follow its unit again', () => {
    const { plan, undo } = setup()
    expect(setAccountOverride(plan, 'acc_1', 'b')).toEqual({ ok: true })
    expect(plan.accountOverrides.get('acc_1')).toBe('b')
    expect(setAccountOverride(plan, 'acc_1', null)).toEqual({ ok: true })
    expect(plan.accountOverrides.has('acc_1')).toBe(false)
    undo.undo()
    expect(plan.accountOverrides.get('acc_1')).toBe('b')
  })

  it('refuses a missing or locked target, and taking an account out of a locked territory', () => {
    const { plan } = setup()
    expect(setAccountOverride(plan, 'acc_1', 'gone')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(setAccountOverride(plan, 'acc_1', 'z')).toEqual({
      ok: false,
      message: 'Z is locked: unlock it to change it.',
    })
    expect(setAccountOverride(plan, 'acc_z', null)).toEqual({
      ok: false,
      message: 'Z is locked: unlock it to change it.',
    })
    expect(setAccountOverride(plan, 'acc_z', 'a').ok).toBe(false)
    expect(plan.accountOverrides.toObject()).toEqual({
      acc_z: 'z',
      acc_a: 'a',
    })
  })
})

describe('skippedMessage', () => {
  it('says what was left out, and nothing when nothing was', () => {
    expect(
      skippedMessage({ skippedLocked: 0, skippedLockedUnits: 0 }),
    ).toBeNull()
    expect(skippedMessage({ skippedLocked: 2, skippedLockedUnits: 1 })).toBe(
      'Left as they are: 1 unit locked, 2 units in a locked territory.',
    )
  })
})
