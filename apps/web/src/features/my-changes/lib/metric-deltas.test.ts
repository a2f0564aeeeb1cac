import { describe, expect, it } from 'vitest'
import { metricDeltas, type TerritoryTotals } from './metric-deltas'

const totals = (t: Partial<TerritoryTotals> = {}): TerritoryTotals => ({
  accounts: 1626,
  potential: 247_848_200,
  sales: 97_654_373,
  workloadMinutes: 6729.5,
  travelKm: 19.18,
  ...t,
})

const byKey = (before: TerritoryTotals, after: TerritoryTotals) =>
  Object.fromEntries(metricDeltas(before, after).map((d) => [d.key, d]))

describe('metricDeltas', () => {
  it('formats before, after and the signed change of every metric', () => {
    const d = byKey(
      totals(),
      totals({
        accounts: 1700,
        potential: 243_439_400,
        workloadMinutes: 6975.5,
        travelKm: 18.94,
      }),
    )
    expect(d['accounts']).toMatchObject({
      before: '1,626',
      after: '1,700',
      delta: '+74',
      percent: '+5\u202f%',
      tone: 'better',
    })
    expect(d['potential']).toMatchObject({
      before: '$247.8M',
      after: '$243.4M',
      delta: '\u2212$4.4M',
      percent: '\u22122\u202f%',
      tone: 'worse',
    })
    // Workload is shown in hours a week; more of it is worse for the rep.
    expect(d['workloadMinutes']).toMatchObject({
      before: '112 h',
      after: '116 h',
      delta: '+4.1 h',
      tone: 'worse',
    })
    // A shorter mean trip is better.
    expect(d['travelKm']).toMatchObject({
      before: '19.2 km',
      after: '18.9 km',
      delta: '\u22120.2 km',
      percent: '\u22121\u202f%',
      tone: 'better',
    })
  })

  it('calls a change that rounds to nothing 0, in no colour', () => {
    const d = byKey(totals(), totals({ travelKm: 19.2, sales: 97_654_393 }))
    expect(d['travelKm']).toMatchObject({
      delta: '0 km',
      percent: null,
      tone: 'same',
    })
    // A change shown in its own right is never hidden, however small beside the total.
    expect(d['sales']).toMatchObject({ delta: '+$20', percent: null })
  })

  it('gives no percent when there was nothing before', () => {
    const d = byKey(totals({ accounts: 0 }), totals({ accounts: 12 }))
    expect(d['accounts']).toMatchObject({ delta: '+12', percent: null })
  })
})
