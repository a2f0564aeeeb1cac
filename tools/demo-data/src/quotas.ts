import type { DemoDataset } from './types.js'

/**
 * The quotas a manager set for the demo's territories at the start of the year: the year
 * before's sales (the first 12 of the 24 months) plus a growth target that differs by
 * territory (0–12 %), rounded to $10,000. Every eighth territory has none, so the dashboard
 * shows both a set quota and the default. Deterministic: it depends on the data only.
 */
export function demoQuotas(
  data: Pick<DemoDataset, 'territories' | 'assignments' | 'accounts' | 'sales'>,
): { territoryId: string; amount: number }[] {
  const territoryOfAccount = data.accounts.map((a) =>
    a.unitId ? data.assignments[a.unitId] : undefined,
  )
  const prior = new Map<string, number>()
  const { accountIndex, monthIndex, amount, months } = data.sales
  const firstOfLastYear = months.length - 12
  for (let k = 0; k < amount.length; k++) {
    const m = monthIndex[k]!
    if (m < firstOfLastYear - 12 || m >= firstOfLastYear) continue
    const t = territoryOfAccount[accountIndex[k]!]
    if (t) prior.set(t, (prior.get(t) ?? 0) + amount[k]!)
  }
  return data.territories
    .filter((t) => t.kind === 'territory')
    .flatMap((t, i) => {
      if (i % 8 === 7) return []
      const growth = (0.12 * ((i * 5) % 13)) / 12
      const quota = (prior.get(t.id) ?? 0) * (1 + growth)
      return [
        { territoryId: t.id, amount: Math.round(quota / 10_000) * 10_000 },
      ]
    })
}
