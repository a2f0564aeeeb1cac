// @vitest-environment jsdom
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type AccountHit, AccountOverride } from './account-override'
import {
  byTestId,
  emptyPlanDoc,
  fakeOps,
  mountPoint,
  record,
  typeInto,
} from './territory-editor-test-kit'

const mount = mountPoint()
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const hit = (id: string, name: string): AccountHit => ({
  id,
  name,
  externalId: `CRM-${id}`,
  unitId: 'u1',
})

function setup(readOnlyReason: string | null = null) {
  const ops = fakeOps()
  const p = {
    planDoc: emptyPlanDoc(),
    ops,
    readOnlyReason,
    onMessage: vi.fn(),
    plan: {
      territories: [
        record('a', { name: 'Seattle' }),
        record('b', { name: 'Portland' }),
        record('z', { name: 'Frozen', locked: true }),
      ],
      assignments: {},
      accountOverrides: { acc_7: 'a', acc_8: 'b' },
      lockedUnits: [],
    },
    territoryId: 'a',
    searchAccounts: vi.fn(async (q: string) =>
      q === 'harbor'
        ? [hit('acc_1', 'Harbor Clinic'), hit('acc_8', 'Harbor Foods')]
        : [],
    ),
    lookupAccounts: vi.fn(async (ids: string[]) =>
      ids.map((id) => hit(id, `Account ${id}`)),
    ),
  }
  act(() => mount.root.render(<AccountOverride {...p} />))
  return p
}
const el = <T extends HTMLElement = HTMLElement>(id: string) =>
  byTestId<T>(mount.container, id)
const all = (id: string) => [
  ...mount.container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
]

/** Lets resolved promises (the search's, the names') land. */
const flush = () =>
  act(async () => {
    await Promise.resolve()
  })

/** Lets the debounce run out and the (resolved) search promise land. */
async function settle() {
  await act(async () => {
    vi.advanceTimersByTime(300)
  })
  await flush()
}

describe('AccountOverride', () => {
  it('searches as the user types, once typing pauses', async () => {
    const p = setup()
    act(() => typeInto(el<HTMLInputElement>('account-search'), 'har'))
    act(() => typeInto(el<HTMLInputElement>('account-search'), 'harbor'))
    await settle()
    expect(p.searchAccounts).toHaveBeenCalledTimes(1)
    expect(p.searchAccounts).toHaveBeenCalledWith('harbor')
    expect(all('account-search-result').map((b) => b.textContent)).toEqual([
      'Harbor ClinicCRM-acc_1',
      'Harbor FoodsCRM-acc_8 · placed in Portland',
    ])
  })

  it('places the picked account in the chosen territory', async () => {
    const p = setup()
    act(() => typeInto(el<HTMLInputElement>('account-search'), 'harbor'))
    await settle()
    act(() => all('account-search-result')[0]!.click())
    expect(el('account-chosen').textContent).toBe(
      'Harbor Clinic (CRM-acc_1) follows its unit.',
    )
    // A locked territory can't be chosen.
    const locked = [
      ...el<HTMLSelectElement>('account-override-target').options,
    ].find((o) => o.value === 'z')
    expect(locked?.disabled).toBe(true)
    act(() => typeInto(el<HTMLSelectElement>('account-override-target'), 'b'))
    act(() => el('account-override-apply').click())
    expect(p.ops.setAccountOverride).toHaveBeenCalledWith(
      p.planDoc,
      'acc_1',
      'b',
    )
    expect(p.onMessage).toHaveBeenCalledWith(
      'Harbor Clinic now belongs to Portland.',
    )
  })

  it('does not search again when the page passes new callbacks', async () => {
    const p = setup()
    act(() => typeInto(el<HTMLInputElement>('account-search'), 'harbor'))
    await settle()
    const again = vi.fn(async () => [])
    const lookup = vi.fn(async () => [])
    act(() =>
      mount.root.render(
        <AccountOverride
          {...p}
          searchAccounts={again}
          lookupAccounts={lookup}
        />,
      ),
    )
    await settle()
    expect(again).not.toHaveBeenCalled()
    expect(lookup).not.toHaveBeenCalled()
    expect(p.searchAccounts).toHaveBeenCalledTimes(1)
  })

  it('says when nothing matches', async () => {
    setup()
    act(() => typeInto(el<HTMLInputElement>('account-search'), 'zzz'))
    await settle()
    expect(el('account-search-empty').textContent).toBe(
      'No account matches “zzz”.',
    )
  })

  it('lists the accounts placed in the territory by name, each able to follow its unit again', async () => {
    const p = setup()
    await flush()
    expect(p.lookupAccounts).toHaveBeenCalledWith(['acc_7'])
    const rows = all('account-override-row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'Account acc_7 CRM-acc_7Follow unit again',
    ])
    act(() => el('account-override-clear').click())
    expect(p.ops.setAccountOverride).toHaveBeenCalledWith(
      p.planDoc,
      'acc_7',
      null,
    )
  })

  it('is disabled with the reason when the user cannot write', async () => {
    const p = setup('View only.')
    await flush()
    expect(el<HTMLInputElement>('account-search').disabled).toBe(true)
    expect(el<HTMLButtonElement>('account-override-clear').disabled).toBe(true)
    expect(mount.container.textContent).toContain('View only.')
    expect(p.ops.setAccountOverride).not.toHaveBeenCalled()
  })
})
