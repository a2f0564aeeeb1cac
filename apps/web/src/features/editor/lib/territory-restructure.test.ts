import { describe, expect, it } from 'vitest'
import { territoryGone } from './edits'
import {
  deleteTerritory,
  mergeTerritories,
  splitTerritory,
} from './territory-restructure'
import { record, testPlan } from './test-plan'

function setup() {
  return testPlan({
    territories: [
      record('west', { kind: 'region', name: 'West' }),
      record('a', { name: 'Seattle', parentId: 'west', color: '#111111' }),
      record('b', { name: 'Portland', parentId: 'west', color: '#222222' }),
      record('z', { name: 'Frozen', parentId: 'west', locked: true }),
    ],
    assignments: { u1: 'a', u2: 'a', u3: 'a', u4: 'b', u5: 'z' },
    accountOverrides: { acc_1: 'a', acc_2: 'b', acc_3: 'a' },
  })
}

describe('mergeTerritories', () => {
  it('moves every unit and override of one territory into another and removes it, as one undo step', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    expect(mergeTerritories(plan, 'a', 'b')).toEqual({
      ok: true,
      units: 3,
      accounts: 2,
    })
    expect(updates() - before).toBe(1)
    expect(plan.territories.has('a')).toBe(false)
    expect(plan.assignments.toObject()).toEqual({
      u1: 'b',
      u2: 'b',
      u3: 'b',
      u4: 'b',
      u5: 'z',
    })
    expect(plan.accountOverrides.toObject()).toEqual({
      acc_1: 'b',
      acc_2: 'b',
      acc_3: 'b',
    })
    undo.undo()
    expect(plan.territories.get('a')?.name).toBe('Seattle')
    expect(plan.assignments.get('u1')).toBe('a')
    expect(plan.accountOverrides.get('acc_1')).toBe('a')
  })

  it('refuses the same territory, a missing or locked one, and locked units', () => {
    const { plan, updates } = setup()
    const before = updates()
    expect(mergeTerritories(plan, 'a', 'a')).toEqual({
      ok: false,
      message: 'Pick another territory to merge this one into.',
    })
    expect(mergeTerritories(plan, 'a', 'gone')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(mergeTerritories(plan, 'gone', 'a')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(mergeTerritories(plan, 'a', 'west')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(mergeTerritories(plan, 'z', 'a')).toEqual({
      ok: false,
      message: 'Frozen is locked: unlock it to change it.',
    })
    expect(mergeTerritories(plan, 'a', 'z')).toEqual({
      ok: false,
      message: 'Frozen is locked: unlock it to change it.',
    })
    plan.lockedUnits.setMany([
      ['u1', '1'],
      ['u2', '1'],
    ])
    const locked = updates()
    expect(mergeTerritories(plan, 'a', 'b')).toEqual({
      ok: false,
      message: '2 units of Seattle are locked: unlock them to merge it.',
    })
    expect(updates()).toBe(locked)
    expect(locked - before).toBe(1)
  })
})

describe('deleteTerritory', () => {
  it('unassigns its units, drops overrides pointing at it and removes it, as one undo step', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    expect(deleteTerritory(plan, 'a')).toEqual({
      ok: true,
      units: 3,
      accounts: 2,
    })
    expect(updates() - before).toBe(1)
    expect(plan.territories.has('a')).toBe(false)
    expect(plan.assignments.toObject()).toEqual({ u4: 'b', u5: 'z' })
    expect(plan.accountOverrides.toObject()).toEqual({ acc_2: 'b' })
    undo.undo()
    expect(plan.assignments.get('u2')).toBe('a')
    expect(plan.accountOverrides.get('acc_3')).toBe('a')
    expect(plan.territories.has('a')).toBe(true)
  })

  it('refuses a locked territory, one with a locked unit, and one that is gone', () => {
    const { plan } = setup()
    expect(deleteTerritory(plan, 'z')).toEqual({
      ok: false,
      message: 'Frozen is locked: unlock it to change it.',
    })
    expect(deleteTerritory(plan, 'gone')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    plan.lockedUnits.set('u3', '1')
    expect(deleteTerritory(plan, 'a')).toEqual({
      ok: false,
      message: '1 unit of Seattle is locked: unlock it to delete it.',
    })
    expect(plan.territories.has('a')).toBe(true)
  })
})

describe('splitTerritory', () => {
  it('moves the given units of the territory to a new one in its region, as one undo step', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    // u4 belongs to another territory: left alone.
    const result = splitTerritory(plan, 'a', ['u1', 'u2', 'u4'], ' Tacoma ')
    if (!result.ok) throw new Error(result.message)
    expect(result).toMatchObject({ units: 2, skippedLockedUnits: 0 })
    expect(updates() - before).toBe(1)
    const made = plan.territories.get(result.id)
    expect(made).toMatchObject({
      name: 'Tacoma',
      kind: 'territory',
      parentId: 'west',
      repId: null,
      locked: false,
    })
    expect(['#111111', '#222222', '#336699']).not.toContain(made?.color)
    expect(plan.assignments.toObject()).toMatchObject({
      u1: result.id,
      u2: result.id,
      u3: 'a',
      u4: 'b',
    })
    // Accounts placed in the old territory stay there.
    expect(plan.accountOverrides.get('acc_1')).toBe('a')
    undo.undo()
    expect(plan.territories.has(result.id)).toBe(false)
    expect(plan.assignments.get('u1')).toBe('a')
  })

  it('leaves locked units where they are and counts them', () => {
    const { plan } = setup()
    plan.lockedUnits.set('u2', '1')
    const result = splitTerritory(plan, 'a', ['u1', 'u2'], 'Tacoma')
    expect(result).toMatchObject({ ok: true, units: 1, skippedLockedUnits: 1 })
    expect(plan.assignments.get('u2')).toBe('a')
    expect(splitTerritory(plan, 'a', ['u2'], 'Olympia')).toEqual({
      ok: false,
      message:
        'Those units of Seattle are locked: unlock them to split them off.',
    })
  })

  it('refuses an empty split, a split of everything, a bad name, and a locked or missing territory', () => {
    const { plan, updates } = setup()
    const before = updates()
    expect(splitTerritory(plan, 'a', ['u4'], 'Tacoma')).toEqual({
      ok: false,
      message: 'None of those units belong to Seattle.',
    })
    expect(splitTerritory(plan, 'a', ['u1', 'u2', 'u3'], 'Tacoma')).toEqual({
      ok: false,
      message:
        'A split must leave some units in Seattle: to move them all, rename it instead.',
    })
    expect(splitTerritory(plan, 'a', ['u1'], 'portland')).toEqual({
      ok: false,
      message: 'There is already a territory named “Portland” in West.',
    })
    expect(splitTerritory(plan, 'a', ['u1'], 'y'.repeat(10_000))).toEqual({
      ok: false,
      message: 'Names can be at most 60 characters (this one has 10,000).',
    })
    expect(splitTerritory(plan, 'z', ['u5'], 'Thawed')).toEqual({
      ok: false,
      message: 'Frozen is locked: unlock it to change it.',
    })
    expect(splitTerritory(plan, 'gone', ['u1'], 'X')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(updates()).toBe(before)
  })
})
