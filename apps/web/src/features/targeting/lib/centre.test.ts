import { describe, expect, it } from 'vitest'
import { formatCentre, parseCentre } from './centre'

describe('parseCentre', () => {
  it('reads “lat, lon” in the usual spellings', () => {
    expect(parseCentre('43.6591, -70.2568')).toEqual({
      ok: true,
      lonLat: [-70.2568, 43.6591],
    })
    expect(parseCentre(' 43.6591 -70.2568 ')).toMatchObject({ ok: true })
    expect(formatCentre([-70.2568, 43.6591])).toBe('43.6591, -70.2568')
  })
  it('says what is wrong', () => {
    expect(parseCentre('Portland')).toMatchObject({ ok: false })
    expect(parseCentre('95, 10')).toEqual({
      ok: false,
      reason: 'Latitude runs from −90 to 90.',
    })
    expect(parseCentre('10, 200')).toMatchObject({ ok: false })
  })
})
