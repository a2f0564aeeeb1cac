import { describe, expect, it } from 'vitest'
import { checkName } from './territory-names'
import { record } from './test-plan'

const records = [
  record('west', { kind: 'region', name: 'West', parentId: null }),
  record('a', { name: 'Seattle', parentId: 'west' }),
  record('b', { name: 'Denver', parentId: null }),
]
const inWest = { kind: 'territory', parentId: 'west' } as const

describe('checkName', () => {
  it('returns the name trimmed', () => {
    expect(checkName(records, '  Portland \t', inWest)).toEqual({
      ok: true,
      name: 'Portland',
    })
  })

  it('refuses an empty or blank name', () => {
    expect(checkName(records, '   ', inWest)).toEqual({
      ok: false,
      message: 'Give it a name.',
    })
  })

  it('refuses a very long name with its length, without crashing', () => {
    expect(checkName(records, 'x'.repeat(10_000), inWest)).toEqual({
      ok: false,
      message: 'Names can be at most 60 characters (this one has 10,000).',
    })
    expect(checkName(records, 'x'.repeat(60), inWest).ok).toBe(true)
    // An emoji is one character, though two UTF-16 units.
    expect(checkName(records, '🗺'.repeat(60), inWest).ok).toBe(true)
  })

  it.each(['North\nSouth', 'Tab\there', 'Bell\u0007', 'Line\u2028sep'])(
    'refuses control characters in %j',
    (name) => {
      const result = checkName(records, name, inWest)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.message).toMatch(/one line/)
    },
  )

  it('refuses a name a sibling of the same kind has, ignoring case', () => {
    expect(checkName(records, 'seattle ', inWest)).toEqual({
      ok: false,
      message: 'There is already a territory named “Seattle” in West.',
    })
    expect(
      checkName(records, 'DENVER', { kind: 'territory', parentId: null }),
    ).toEqual({
      ok: false,
      message: 'There is already a territory named “Denver”.',
    })
    expect(
      checkName(records, 'west', { kind: 'region', parentId: null }),
    ).toEqual({ ok: false, message: 'There is already a region named “West”.' })
  })

  it('allows the same name elsewhere, for another kind, and for the record itself', () => {
    expect(checkName(records, 'Denver', inWest).ok).toBe(true)
    expect(
      checkName(records, 'Denver', { kind: 'region', parentId: null }).ok,
    ).toBe(true)
    expect(checkName(records, 'SEATTLE', { ...inWest, exceptId: 'a' })).toEqual(
      { ok: true, name: 'SEATTLE' },
    )
  })
})
