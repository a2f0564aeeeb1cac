// @vitest-environment jsdom
import type { Rep } from '@tessera/domain'
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { TerritoryEditor, type TerritoryEditorProps } from './territory-editor'
import {
  byTestId,
  emptyPlanDoc,
  fakeOps,
  mountPoint,
  pressKey,
  record,
  typeInto,
} from './territory-editor-test-kit'

const mount = mountPoint()

const rep: Rep = {
  id: 'rep_1',
  name: 'Ana Diaz',
  email: 'ana@example.com',
  homeCity: 'Seattle',
  home: [-122.3, 47.6],
  industries: [],
  products: [],
  experience: 3,
  weeklyCapacityMinutes: 2400,
}

function props(extra: Partial<TerritoryEditorProps> = {}) {
  const ops = fakeOps()
  const base: TerritoryEditorProps = {
    planDoc: emptyPlanDoc(),
    ops,
    readOnlyReason: null,
    onMessage: vi.fn(),
    endUndoStep: vi.fn(),
    plan: {
      territories: [
        record('west', { kind: 'region', name: 'West' }),
        record('a', { name: 'Seattle', parentId: 'west' }),
        record('b', { name: 'Portland', parentId: 'west' }),
        record('z', { name: 'Frozen', locked: true }),
      ],
      assignments: { u1: 'a', u2: 'a', u3: 'a', u4: 'b' },
      accountOverrides: { acc_1: 'a' },
      lockedUnits: ['u2'],
    },
    territoryId: 'a',
    reps: [rep],
    selectedUnits: new Set(),
    unitCentroids: new Map(),
    unitWeights: new Map(),
    onSelectTerritory: vi.fn(),
    ...extra,
  }
  return { ...base, ops }
}

function render(p: TerritoryEditorProps) {
  act(() => mount.root.render(<TerritoryEditor {...p} />))
}
const el = <T extends HTMLElement = HTMLElement>(id: string) =>
  byTestId<T>(mount.container, id)

describe('TerritoryEditor', () => {
  it('explains an overlong name under the field and keeps the typed text', () => {
    const p = props()
    render(p)
    const name = el<HTMLInputElement>('territory-name')
    const long = 'N'.repeat(10_000)
    act(() => typeInto(name, long))
    act(() => pressKey(name, 'Enter'))
    expect(el('territory-name-error').textContent).toBe(
      'Names can be at most 60 characters (this one has 10,000).',
    )
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(name.getAttribute('aria-describedby')).toBe(
      el('territory-name-error').id,
    )
    expect(name.value).toBe(long)
    expect(p.ops.renameTerritory).not.toHaveBeenCalled()
  })

  it('saves a valid name on Enter, each edit its own undo step', () => {
    const p = props()
    render(p)
    const name = el<HTMLInputElement>('territory-name')
    act(() => typeInto(name, '  Tacoma '))
    act(() => pressKey(name, 'Enter'))
    expect(p.ops.renameTerritory).toHaveBeenCalledWith(p.planDoc, 'a', 'Tacoma')
    expect(p.endUndoStep).toHaveBeenCalledTimes(2)
  })

  it('keeps the typed name and shows why when the edit is refused', () => {
    const p = props()
    p.ops.renameTerritory.mockReturnValue({
      ok: false,
      message:
        'That territory no longer exists: someone may have just deleted it.',
    })
    render(p)
    const name = el<HTMLInputElement>('territory-name')
    act(() => typeInto(name, 'Tacoma'))
    act(() => name.dispatchEvent(new FocusEvent('focusout', { bubbles: true })))
    expect(el('territory-name-error').textContent).toMatch(/no longer exists/)
    expect(name.value).toBe('Tacoma')
  })

  it('names a sibling clash while typing, and Esc goes back to the saved name', () => {
    const p = props()
    render(p)
    const name = el<HTMLInputElement>('territory-name')
    act(() => typeInto(name, 'portland'))
    expect(el('territory-name-error').textContent).toBe(
      'There is already a territory named “Portland”.',
    )
    act(() => pressKey(name, 'Escape'))
    expect(name.value).toBe('Seattle')
    expect(
      mount.container.querySelector('[data-testid="territory-name-error"]'),
    ).toBeNull()
  })

  it('disables every control and says why when the user cannot write', () => {
    const p = props({ readOnlyReason: 'View only: this scenario is approved.' })
    render(p)
    expect(el('territory-editor-readonly').textContent).toBe(
      'View only: this scenario is approved.',
    )
    for (const id of [
      'territory-name',
      'territory-color',
      'territory-rep',
      'territory-region',
      'territory-locked',
      'territory-merge',
      'territory-split',
      'territory-delete',
      'territory-move-selection',
      'units-lock',
      'units-unlock',
    ])
      expect((el(id) as HTMLInputElement).disabled).toBe(true)
  })

  it('sets the rep, region and lock', () => {
    const p = props()
    render(p)
    act(() => typeInto(el<HTMLSelectElement>('territory-rep'), 'rep_1'))
    expect(p.ops.setTerritoryRep).toHaveBeenCalledWith(p.planDoc, 'a', 'rep_1')
    act(() => typeInto(el<HTMLSelectElement>('territory-region'), ''))
    expect(p.ops.setTerritoryRegion).toHaveBeenCalledWith(p.planDoc, 'a', null)
    act(() => el('territory-locked').click())
    expect(p.ops.setTerritoryLocked).toHaveBeenCalledWith(p.planDoc, 'a', true)
    act(() => el('territory-palette-color').click())
    expect(p.ops.recolourTerritory).toHaveBeenCalledWith(
      p.planDoc,
      'a',
      expect.stringMatching(/^#[0-9a-f]{6}$/),
    )
  })

  it('splits off the selected units of this territory under a new name', () => {
    const p = props({ selectedUnits: new Set(['u1', 'u3', 'u4']) })
    render(p)
    act(() => el('territory-split').click())
    expect(el('territory-split-summary').textContent).toBe(
      '2 units of 3 go to the new territory (your selection).',
    )
    act(() => typeInto(el<HTMLInputElement>('territory-split-name'), 'Tacoma'))
    act(() => el('territory-split-confirm').click())
    expect(p.ops.splitTerritory).toHaveBeenCalledWith(
      p.planDoc,
      'a',
      ['u1', 'u3'],
      'Tacoma',
    )
    expect(p.onSelectTerritory).toHaveBeenCalledWith('ter_split')
    expect(p.onMessage).toHaveBeenCalledWith(
      'Split 2 units off Seattle into Tacoma.',
    )
  })

  it('proposes a split when nothing of this territory is selected, and previews it', () => {
    const onPreview = vi.fn()
    const p = props({ onPreview })
    render(p)
    act(() => el('territory-split').click())
    expect(p.ops.proposeSplit).toHaveBeenCalledWith(
      ['u1', 'u2', 'u3'],
      p.unitCentroids,
      p.unitWeights,
    )
    expect(el('territory-split-summary').textContent).toMatch(
      /^1 unit of 3 go to the new territory \(half of it/,
    )
    expect(onPreview).toHaveBeenLastCalledWith(['u1'])
    // The default name is taken by nobody; a taken one is explained.
    act(() =>
      typeInto(el<HTMLInputElement>('territory-split-name'), 'Portland'),
    )
    expect(el('territory-split-name-error').textContent).toMatch(/already/)
    expect(el<HTMLButtonElement>('territory-split-confirm').disabled).toBe(true)
  })

  it('merges into the chosen territory after confirmation', () => {
    const p = props()
    render(p)
    act(() => el('territory-merge').click())
    const options = [
      ...el<HTMLSelectElement>('territory-merge-target').options,
    ].map((o) => o.value)
    // Neither itself nor a locked territory.
    expect(options).toEqual(['', 'b'])
    expect(el<HTMLButtonElement>('territory-merge-confirm').disabled).toBe(true)
    act(() => typeInto(el<HTMLSelectElement>('territory-merge-target'), 'b'))
    act(() => el('territory-merge-confirm').click())
    expect(p.ops.mergeTerritories).toHaveBeenCalledWith(p.planDoc, 'a', 'b')
    expect(p.onSelectTerritory).toHaveBeenCalledWith('b')
  })

  it('deletes after confirmation and clears the selection', () => {
    const p = props()
    render(p)
    act(() => el('territory-delete').click())
    act(() => el('territory-delete-confirm').click())
    expect(p.ops.deleteTerritory).toHaveBeenCalledWith(p.planDoc, 'a')
    expect(p.onSelectTerritory).toHaveBeenCalledWith(null)
  })

  it('moves, locks and unlocks the map selection', () => {
    const selectedUnits = new Set(['u2', 'u4'])
    const p = props({ selectedUnits })
    render(p)
    expect(el('territory-selection-count').textContent).toBe(
      '2 units selected, 1 of them locked.',
    )
    act(() => el('territory-move-selection').click())
    expect(p.ops.assignUnits).toHaveBeenCalledWith(
      p.planDoc,
      selectedUnits,
      'a',
    )
    expect(p.onMessage).toHaveBeenCalledWith(
      'Moved 1 unit to Seattle. 1 locked unit stayed.',
    )
    act(() => el('units-lock').click())
    expect(p.ops.setUnitsLocked).toHaveBeenCalledWith(
      p.planDoc,
      selectedUnits,
      true,
    )
    act(() => el('units-unlock').click())
    expect(p.ops.setUnitsLocked).toHaveBeenCalledWith(
      p.planDoc,
      selectedUnits,
      false,
    )
  })

  it('offers no restructuring of a locked territory', () => {
    const p = props({ territoryId: 'z' })
    render(p)
    for (const id of ['territory-merge', 'territory-split', 'territory-delete'])
      expect(el<HTMLButtonElement>(id).disabled).toBe(true)
    expect(el<HTMLButtonElement>('territory-move-selection').disabled).toBe(
      true,
    )
  })

  it('says so when the territory was deleted by someone else', () => {
    render(props({ territoryId: 'gone' }))
    expect(el('territory-editor-gone').textContent).toMatch(/no longer exists/)
  })
})
