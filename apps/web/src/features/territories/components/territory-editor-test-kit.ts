import { type PlanDoc, openPlanDoc } from '@tessera/domain'
import { act } from 'react'
import { type Root, createRoot } from 'react-dom/client'
import { afterEach, beforeEach, vi } from 'vitest'
import * as Y from 'yjs'
import type { Outcome, TerritoryOps } from './territory-editor-ops'

// React's act() needs to be told it runs in a test environment.
;(
  globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
).IS_REACT_ACT_ENVIRONMENT = true

/** A container and React root per test, removed afterwards. */
export function mountPoint() {
  const mount = {
    container: null as unknown as HTMLDivElement,
    root: null as unknown as Root,
  }
  beforeEach(() => {
    mount.container = document.createElement('div')
    document.body.append(mount.container)
    mount.root = createRoot(mount.container)
  })
  afterEach(() => {
    act(() => mount.root.unmount())
    mount.container.remove()
  })
  return mount
}

export function byTestId<T extends HTMLElement = HTMLElement>(
  container: HTMLElement,
  id: string,
): T {
  const el = container.querySelector<T>(`[data-testid="${id}"]`)
  if (!el) throw new Error(`no element with data-testid ${id}`)
  return el
}

/** Sets a field's value the way typing does, so React's onChange sees it. */
export function typeInto(
  el: HTMLInputElement | HTMLSelectElement,
  value: string,
): void {
  const proto =
    el instanceof HTMLSelectElement
      ? HTMLSelectElement.prototype
      : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value)
  el.dispatchEvent(
    new Event(el instanceof HTMLSelectElement ? 'change' : 'input', {
      bubbles: true,
    }),
  )
}

export function pressKey(el: HTMLElement, key: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
}

export { record } from '../../../lib/test-records'

export function emptyPlanDoc(): PlanDoc {
  return openPlanDoc(new Y.Doc(), { canWrite: true })
}

const ok = { ok: true } as const

/**
 * Operations that record their calls and succeed (the real ones are tested in the editor
 * feature, which this one may not import). `checkName` follows the real rules closely
 * enough for the components' messages: blank, longer than 60, or a sibling's name.
 */
export function fakeOps(): {
  [K in keyof TerritoryOps]: ReturnType<typeof vi.fn> & TerritoryOps[K]
} {
  const checkName: TerritoryOps['checkName'] = (records, typed, place) => {
    const name = typed.trim()
    if (!name) return { ok: false, message: 'Give it a name.' }
    const length = [...name].length
    if (length > 60)
      return {
        ok: false,
        message: `Names can be at most 60 characters (this one has ${length.toLocaleString('en-US')}).`,
      }
    for (const r of records)
      if (
        r.id !== place.exceptId &&
        r.kind === place.kind &&
        r.parentId === place.parentId &&
        r.name.toLowerCase() === name.toLowerCase()
      )
        return {
          ok: false,
          message: `There is already a ${place.kind} named “${r.name}”.`,
        }
    return { ok: true, name }
  }
  const moved = (): Outcome<{ units: number; accounts: number }> => ({
    ok: true,
    units: 2,
    accounts: 1,
  })
  return {
    checkName: vi.fn(checkName),
    createTerritory: vi.fn(() => ({ ok: true, id: 'ter_new' }) as const),
    renameTerritory: vi.fn(() => ok),
    recolourTerritory: vi.fn(() => ok),
    setTerritoryRep: vi.fn(() => ok),
    setTerritoryRegion: vi.fn(() => ok),
    setRegionUnits: vi.fn(() => ok),
    setTerritoryLocked: vi.fn(() => ok),
    mergeTerritories: vi.fn(moved),
    splitTerritory: vi.fn(
      (_plan: PlanDoc, _id: string, units: Iterable<string>) =>
        ({
          ok: true,
          id: 'ter_split',
          units: [...units].length,
          skippedLockedUnits: 0,
        }) as const,
    ),
    deleteTerritory: vi.fn(moved),
    proposeSplit: vi.fn((units: Iterable<string>) => [...units].slice(0, 1)),
    createRegion: vi.fn(() => ({ ok: true, id: 'ter_reg_new' }) as const),
    renameRegion: vi.fn(() => ok),
    deleteRegion: vi.fn(() => ({ ok: true, territories: 2 }) as const),
    assignUnits: vi.fn(
      () =>
        ({
          ok: true,
          moved: 1,
          skippedLocked: 0,
          skippedLockedUnits: 1,
        }) as const,
    ),
    setUnitsLocked: vi.fn(() => ({ ok: true, changed: 2 }) as const),
    setAccountOverride: vi.fn(() => ok),
  }
}
