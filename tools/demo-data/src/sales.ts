import type { Account, Rng } from '@tessera/domain'
import { calendarMonth } from './months.js'
import type { DemoSales } from './types.js'

/**
 * Above this many accounts only the last {@link THIN_MONTHS} months get rows: 1M accounts ×
 * 24 months would be 24M rows (≈310 MB of columns, and far more once seeded), while reports
 * on a large demo only need recent sales. The `months` list stays 24 long either way.
 */
export const FULL_HISTORY_MAX_ACCOUNTS = 100_000
export const THIN_MONTHS = 3

/** Monthly multipliers, January first: a Q4 peak and a January–February lull. */
const season = [
  0.82, 0.86, 0.98, 0.97, 1.0, 1.02, 0.93, 0.94, 1.03, 1.08, 1.15, 1.3,
]

/**
 * Sales per account and month. Each account spends a share of its potential a year, with
 * its own growth trend, the seasonal curve and monthly noise. Some accounts are prospects
 * (no sales), some churned (zero from their churn month on) and some were won during the
 * window (zero before).
 */
export function generateSales(
  accounts: readonly Account[],
  months: readonly string[],
  rng: Rng,
): DemoSales {
  const total = months.length
  const kept =
    accounts.length > FULL_HISTORY_MAX_ACCOUNTS
      ? Math.min(THIN_MONTHS, total)
      : total
  const firstKept = total - kept
  const rows = accounts.length * kept
  const accountIndex = new Uint32Array(rows)
  const monthIndex = new Uint8Array(rows)
  const amount = new Float64Array(rows)
  const seasonOf = months.map((m) => season[calendarMonth(m)] as number)
  let k = 0
  for (let a = 0; a < accounts.length; a++) {
    const u = rng.next()
    // Active from `start` (inclusive) to `end` (exclusive).
    let start = 0
    let end = total
    if (u < 0.06)
      end = 0 // prospect
    else if (u < 0.14)
      end = rng.int(6, total - 2) // churned
    else if (u < 0.2) start = rng.int(3, total - 4) // won during the window
    const monthly =
      ((accounts[a] as Account).potential * (0.2 + 0.5 * rng.next())) / 12
    const growth = Math.min(0.8, Math.max(-0.5, 0.04 + 0.12 * rng.normal()))
    for (let m = firstKept; m < total; m++) {
      accountIndex[k] = a
      monthIndex[k] = m
      if (m >= start && m < end) {
        const trend = (1 + growth) ** ((m - (total - 1)) / 12)
        amount[k] = Math.max(
          0,
          Math.round(
            monthly *
              trend *
              (seasonOf[m] as number) *
              Math.exp(0.12 * rng.normal()),
          ),
        )
      }
      k++
    }
  }
  return { months: [...months], accountIndex, monthIndex, amount }
}
