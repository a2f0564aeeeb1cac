import { describe, expect, it } from 'vitest'
import {
  createRegion,
  deleteRegion,
  renameRegion,
  setRegionUnits,
} from './region-ops'
import { regionGone } from './territory-ops'
import { record, testPlan } from './test-plan'

function setup() {
  return testPlan({
    territories: [
      record('west', { kind: 'region', name: 'West' }),
      record('a', { name: 'Seattle', parentId: 'west' }),
      record('b', { name: 'Portland', parentId: 'west', locked: true }),
      record('c', { name: 'Denver', parentId: null }),
    ],
    assignments: { u1: 'a', u2: 'b' },
  })
}

describe('regions', () => {
  it('creates a region with a unique name, a region id and an unused colour', () => {
    const { plan } = setup()
    const made = createRegion(plan, ' South ')
    if (!made.ok) throw new Error(made.message)
    expect(made.id).toMatch(/^ter_reg_[0-9a-z]+$/)
    expect(plan.territories.get(made.id)).toMatchObject({
      name: 'South',
      kind: 'region',
      parentId: null,
      locked: false,
    })
    expect(plan.territories.get(made.id)?.color).not.toBe('#336699')
    expect(createRegion(plan, 'WEST')).toEqual({
      ok: false,
      message: 'There is already a region named “West”.',
    })
    // A territory's name is no clash for a region.
    expect(createRegion(plan, 'Denver').ok).toBe(true)
  })

  it('renames a region, and refuses one that is gone or a territory', () => {
    const { plan } = setup()
    expect(renameRegion(plan, 'west', 'Pacific')).toEqual({ ok: true })
    expect(plan.territories.get('west')?.name).toBe('Pacific')
    expect(renameRegion(plan, 'gone', 'X')).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(renameRegion(plan, 'a', 'X')).toEqual({
      ok: false,
      message: regionGone(),
    })
    expect(renameRegion(plan, 'west', '')).toEqual({
      ok: false,
      message: 'Give it a name.',
    })
  })

  it('deletes a region in one step: its territories (even locked ones) move to no region, units stay', () => {
    const { plan, undo, updates } = setup()
    const before = updates()
    expect(deleteRegion(plan, 'west')).toEqual({ ok: true, territories: 2 })
    expect(updates() - before).toBe(1)
    expect(plan.territories.has('west')).toBe(false)
    expect(plan.territories.get('a')?.parentId).toBeNull()
    expect(plan.territories.get('b')?.parentId).toBeNull()
    expect(plan.assignments.toObject()).toEqual({ u1: 'a', u2: 'b' })
    undo.undo()
    expect(plan.territories.get('west')?.name).toBe('West')
    expect(plan.territories.get('a')?.parentId).toBe('west')
  })

  it('refuses to delete a region whose territory would clash by name', () => {
    const { plan } = setup()
    plan.territories.set('d', record('d', { name: 'DENVER', parentId: 'west' }))
    expect(deleteRegion(plan, 'west')).toEqual({
      ok: false,
      message:
        "West can't be deleted yet: its territory “DENVER” would then have the same name as “Denver”, which is in no region. Rename one of them first.",
    })
    expect(plan.territories.has('west')).toBe(true)
  })

  it('sets and clears a region’s currency and distance unit, and refuses bad codes', () => {
    const { plan } = setup()
    expect(
      setRegionUnits(plan, 'west', { currency: ' gbp ', distanceUnit: 'mi' }),
    ).toEqual({ ok: true })
    expect(plan.territories.get('west')).toMatchObject({
      currency: 'GBP',
      distanceUnit: 'mi',
    })
    // Only what is named changes.
    expect(setRegionUnits(plan, 'west', { distanceUnit: null }).ok).toBe(true)
    expect(plan.territories.get('west')?.currency).toBe('GBP')
    expect(plan.territories.get('west')).not.toHaveProperty('distanceUnit')
    const bad = setRegionUnits(plan, 'west', { currency: 'pounds' })
    expect(bad.ok).toBe(false)
    expect(plan.territories.get('west')?.currency).toBe('GBP')
    expect(setRegionUnits(plan, 'west', { currency: null }).ok).toBe(true)
    expect(plan.territories.get('west')).not.toHaveProperty('currency')
    // A territory is not a region; a region that is gone is refused.
    expect(setRegionUnits(plan, 'a', { currency: 'EUR' }).ok).toBe(false)
    expect(setRegionUnits(plan, 'gone', { currency: 'EUR' })).toEqual({
      ok: false,
      message: regionGone(),
    })
  })
})
