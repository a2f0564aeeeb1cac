import { territoryColor } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { territoryGone } from './edits'
import {
  createTerritory,
  pickColor,
  recolourTerritory,
  regionGone,
  renameTerritory,
  setTerritoryLocked,
  setTerritoryRegion,
  setTerritoryRep,
} from './territory-ops'
import { record, testPlan } from './test-plan'

function setup() {
  return testPlan({
    territories: [
      record('west', {
        kind: 'region',
        name: 'West',
        color: territoryColor(5),
      }),
      record('east', {
        kind: 'region',
        name: 'East',
        color: territoryColor(6),
      }),
      record('a', {
        name: 'Seattle',
        parentId: 'west',
        color: territoryColor(0),
      }),
      record('b', {
        name: 'Boston',
        parentId: 'east',
        color: territoryColor(1),
      }),
      record('c', { name: 'Seattle', parentId: 'east', locked: true }),
    ],
    assignments: { u1: 'a' },
  })
}

describe('pickColor', () => {
  it('picks the first palette colour no record uses, ignoring case', () => {
    expect(pickColor([])).toBe(territoryColor(0))
    expect(
      pickColor([
        record('x', { color: territoryColor(0).toUpperCase() }),
        record('y', { color: territoryColor(2) }),
      ]),
    ).toBe(territoryColor(1))
  })
})

describe('createTerritory', () => {
  it('creates an unlocked territory with a new id and an unused colour, as one undo step', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    const result = createTerritory(plan, {
      name: ' Portland ',
      parentId: 'west',
      repId: 'rep_1',
    })
    if (!result.ok) throw new Error(result.message)
    expect(result.id).toMatch(/^ter_[0-9a-z]+$/)
    expect(updates() - before).toBe(1)
    expect(plan.territories.get(result.id)).toEqual({
      id: result.id,
      name: 'Portland',
      color: territoryColor(2),
      kind: 'territory',
      parentId: 'west',
      repId: 'rep_1',
      locked: false,
    })
    undo.undo()
    expect(plan.territories.has(result.id)).toBe(false)
  })

  it('gives each new territory its own id and colour', () => {
    const { plan } = setup()
    const one = createTerritory(plan, { name: 'One' })
    const two = createTerritory(plan, { name: 'Two' })
    if (!one.ok || !two.ok) throw new Error('refused')
    expect(one.id).not.toBe(two.id)
    expect(plan.territories.get(one.id)?.color).not.toBe(
      plan.territories.get(two.id)?.color,
    )
    expect(plan.territories.get(one.id)?.parentId).toBeNull()
  })

  it('keeps a chosen colour, lower-cased, and refuses a malformed one', () => {
    const { plan } = setup()
    const made = createTerritory(plan, { name: 'Reno', color: '#AABBCC' })
    expect(made.ok && plan.territories.get(made.id)?.color).toBe('#aabbcc')
    expect(createTerritory(plan, { name: 'Elko', color: 'red' })).toEqual({
      ok: false,
      message: '“red” is not a colour: use the form #1a2b3c.',
    })
  })

  it('refuses a bad name or a missing region, writing nothing', () => {
    const { plan, updates } = setup()
    const before = updates()
    expect(
      createTerritory(plan, { name: 'seattle', parentId: 'west' }),
    ).toEqual({
      ok: false,
      message: 'There is already a territory named “Seattle” in West.',
    })
    expect(createTerritory(plan, { name: 'x'.repeat(10_000) })).toMatchObject({
      ok: false,
      message: 'Names can be at most 60 characters (this one has 10,000).',
    })
    expect(createTerritory(plan, { name: 'Ok', parentId: 'gone' })).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(createTerritory(plan, { name: 'Ok', parentId: 'a' })).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(updates()).toBe(before)
  })
})

describe('renameTerritory', () => {
  it('renames, keeping every other field, and undoes', () => {
    const { plan, undo } = setup()
    expect(renameTerritory(plan, 'a', '  Tacoma ')).toEqual({ ok: true })
    expect(plan.territories.get('a')).toMatchObject({
      name: 'Tacoma',
      parentId: 'west',
      color: territoryColor(0),
    })
    undo.undo()
    expect(plan.territories.get('a')?.name).toBe('Seattle')
  })

  it('allows a change of case of its own name, and a locked territory’s rename', () => {
    const { plan } = setup()
    expect(renameTerritory(plan, 'a', 'SEATTLE')).toEqual({ ok: true })
    expect(renameTerritory(plan, 'c', 'Bellevue')).toEqual({ ok: true })
  })

  it('refuses a sibling’s name, a territory that is gone, and a region', () => {
    const { plan } = setup()
    expect(renameTerritory(plan, 'b', 'seattle')).toEqual({
      ok: false,
      message: 'There is already a territory named “Seattle” in East.',
    })
    expect(renameTerritory(plan, 'gone', 'X')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(renameTerritory(plan, 'west', 'X')).toEqual({
      ok: false,
      message: territoryGone(),
    })
  })

  it('refuses after a collaborator deleted the territory', () => {
    const { plan } = setup()
    // A remote transaction (no LOCAL_EDIT origin), as the provider applies one.
    plan.doc.transact(() => plan.territories.delete('a'), 'remote')
    expect(renameTerritory(plan, 'a', 'Tacoma')).toEqual({
      ok: false,
      message: territoryGone(),
    })
    expect(plan.territories.has('a')).toBe(false)
  })
})

describe('recolourTerritory / setTerritoryRep / setTerritoryLocked', () => {
  it('changes one field each, and writes nothing when nothing changes', () => {
    const { plan, updates } = setup()
    expect(recolourTerritory(plan, 'a', '#00FF00')).toEqual({ ok: true })
    expect(setTerritoryRep(plan, 'a', 'rep_9')).toEqual({ ok: true })
    expect(setTerritoryLocked(plan, 'a', true)).toEqual({ ok: true })
    expect(plan.territories.get('a')).toMatchObject({
      color: '#00ff00',
      repId: 'rep_9',
      locked: true,
      name: 'Seattle',
    })
    const before = updates()
    expect(setTerritoryLocked(plan, 'a', true)).toEqual({ ok: true })
    expect(setTerritoryRep(plan, 'a', 'rep_9')).toEqual({ ok: true })
    expect(updates()).toBe(before)
    expect(setTerritoryRep(plan, 'a', null)).toEqual({ ok: true })
    expect(plan.territories.get('a')?.repId).toBeNull()
  })

  it('refuses a malformed colour and a territory that is gone', () => {
    const { plan } = setup()
    expect(recolourTerritory(plan, 'a', '#12345').ok).toBe(false)
    expect(recolourTerritory(plan, 'a', '#12345g').ok).toBe(false)
    expect(plan.territories.get('a')?.color).toBe(territoryColor(0))
    for (const result of [
      recolourTerritory(plan, 'gone', '#000000'),
      setTerritoryRep(plan, 'gone', null),
      setTerritoryLocked(plan, 'gone', true),
    ])
      expect(result).toEqual({ ok: false, message: territoryGone() })
  })
})

describe('setTerritoryRegion', () => {
  it('moves a territory between regions and out of any', () => {
    const { plan } = setup()
    expect(setTerritoryRegion(plan, 'b', 'west')).toEqual({ ok: true })
    expect(plan.territories.get('b')?.parentId).toBe('west')
    expect(setTerritoryRegion(plan, 'b', null)).toEqual({ ok: true })
    expect(plan.territories.get('b')?.parentId).toBeNull()
  })

  it('refuses a name clash in the new region and a region that is gone', () => {
    const { plan } = setup()
    expect(setTerritoryRegion(plan, 'a', 'east')).toEqual({
      ok: false,
      message: 'There is already a territory named “Seattle” in East.',
    })
    expect(setTerritoryRegion(plan, 'a', 'gone')).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(setTerritoryRegion(plan, 'a', 'b')).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(plan.territories.get('a')?.parentId).toBe('west')
  })
})
