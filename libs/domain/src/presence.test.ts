import { describe, expect, it } from 'vitest'
import { parsePresence, presenceColor } from './presence.js'

describe('presence', () => {
  const user = { id: 'usr_1', name: 'Ana Planner', color: '#aa3366' }

  it('fills in what a minimal state leaves out', () => {
    expect(parsePresence({ user })).toEqual({
      user,
      cursor: null,
      selection: { territoryId: null, unitIds: [] },
      tool: 'select',
    })
  })

  it('keeps a full state', () => {
    const full = {
      user,
      cursor: [-97.5, 35.2],
      selection: { territoryId: 'ter_1', unitIds: ['40109'] },
      tool: 'paint',
    }
    expect(parsePresence(full)).toEqual(full)
  })

  it('ignores states that are not presence (another client, a bad cursor, junk)', () => {
    expect(parsePresence(null)).toBeNull()
    expect(parsePresence({})).toBeNull()
    expect(parsePresence({ user: { id: 'x' } })).toBeNull()
    expect(parsePresence({ user, cursor: [500, 0] })).toBeNull()
    expect(parsePresence({ user, tool: 'flamethrower' })).toBeNull()
    expect(parsePresence({ user: { ...user, color: 'red' } })).toBeNull()
  })

  it('gives each user a stable colour', () => {
    expect(presenceColor('usr_1')).toBe(presenceColor('usr_1'))
    expect(presenceColor('usr_1')).toMatch(/^#[0-9a-f]{6}$/)
    const colours = new Set(
      Array.from({ length: 20 }, (_, i) => presenceColor(`usr_${i}`)),
    )
    expect(colours.size).toBeGreaterThan(12)
  })
})
