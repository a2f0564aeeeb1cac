// @vitest-environment jsdom
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { RegionManager } from './region-manager'
import { NewTerritoryButton } from './territory-editor-new'
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
const el = <T extends HTMLElement = HTMLElement>(id: string) =>
  byTestId<T>(mount.container, id)

const territories = [
  record('west', { kind: 'region', name: 'West' }),
  record('east', { kind: 'region', name: 'East' }),
  record('a', { name: 'Seattle', parentId: 'west' }),
]

function access(readOnlyReason: string | null = null) {
  return {
    planDoc: emptyPlanDoc(),
    ops: fakeOps(),
    readOnlyReason,
    onMessage: vi.fn(),
  }
}

describe('NewTerritoryButton', () => {
  it('creates a territory in the chosen region and selects it', () => {
    const a = access()
    const onSelectTerritory = vi.fn()
    act(() =>
      mount.root.render(
        <NewTerritoryButton
          {...a}
          territories={territories}
          defaultRegionId="west"
          onSelectTerritory={onSelectTerritory}
        />,
      ),
    )
    act(() => el('new-territory-button').click())
    expect(el<HTMLSelectElement>('new-territory-region').value).toBe('west')
    // Empty: explained on submit, nothing created.
    act(() => el('new-territory-submit').click())
    expect(el('new-territory-name-error').textContent).toBe('Give it a name.')
    act(() => typeInto(el<HTMLInputElement>('new-territory-name'), 'seattle'))
    expect(el('new-territory-name-error').textContent).toMatch(/already/)
    act(() => typeInto(el<HTMLSelectElement>('new-territory-region'), 'east'))
    expect(
      mount.container.querySelector('[data-testid="new-territory-name-error"]'),
    ).toBeNull()
    act(() => el('new-territory-submit').click())
    expect(a.ops.createTerritory).toHaveBeenCalledWith(a.planDoc, {
      name: 'seattle',
      parentId: 'east',
    })
    expect(onSelectTerritory).toHaveBeenCalledWith('ter_new')
    // The form closes again.
    expect(el('new-territory-button')).toBeTruthy()
  })

  it('is disabled, with the reason as its title, for a reader', () => {
    act(() =>
      mount.root.render(
        <NewTerritoryButton
          {...access('View only.')}
          territories={territories}
          defaultRegionId={null}
          onSelectTerritory={vi.fn()}
        />,
      ),
    )
    const button = el<HTMLButtonElement>('new-territory-button')
    expect(button.disabled).toBe(true)
    expect(button.title).toBe('View only.')
  })
})

describe('RegionManager', () => {
  it('lists regions by name with their territory counts', () => {
    act(() =>
      mount.root.render(
        <RegionManager {...access()} territories={territories} />,
      ),
    )
    const rows = [
      ...mount.container.querySelectorAll<HTMLElement>(
        '[data-testid="region-row"]',
      ),
    ]
    expect(rows.map((r) => r.dataset['regionId'])).toEqual(['east', 'west'])
    expect(rows[1]!.textContent).toContain('1 territory')
  })

  it('adds, renames and deletes (after confirmation) a region', () => {
    const a = access()
    act(() =>
      mount.root.render(<RegionManager {...a} territories={territories} />),
    )
    act(() => typeInto(el<HTMLInputElement>('region-new-name'), ' Mountain '))
    act(() => el('region-create').click())
    expect(a.ops.createRegion).toHaveBeenCalledWith(a.planDoc, 'Mountain')
    expect(el<HTMLInputElement>('region-new-name').value).toBe('')

    const name = mount.container.querySelectorAll<HTMLInputElement>(
      '[data-testid="region-name"]',
    )[1]!
    act(() => typeInto(name, 'Pacific'))
    act(() => pressKey(name, 'Enter'))
    expect(a.ops.renameRegion).toHaveBeenCalledWith(
      a.planDoc,
      'west',
      'Pacific',
    )

    act(() => el('region-delete').click())
    act(() => el('region-delete-confirm').click())
    expect(a.ops.deleteRegion).toHaveBeenCalledWith(a.planDoc, 'east')
    expect(a.onMessage).toHaveBeenLastCalledWith(
      'Deleted the region East; 2 territories now in no region.',
    )
  })

  it('refuses a duplicate region name before creating anything', () => {
    const a = access()
    act(() =>
      mount.root.render(<RegionManager {...a} territories={territories} />),
    )
    act(() => typeInto(el<HTMLInputElement>('region-new-name'), 'west'))
    act(() => el('region-create').click())
    expect(el('region-new-name-error').textContent).toBe(
      'There is already a region named “West”.',
    )
    expect(a.ops.createRegion).not.toHaveBeenCalled()
  })
})
