import type { Kysely } from 'kysely'
import {
  type AccountHistory,
  type Database,
  type SegmentYield,
  accountHistoryPage,
  replaceAccountForecasts,
  salesHistoryBounds,
  segmentYields,
} from '@tessera/db'
import {
  type MonthlySeries,
  type SeriesClass,
  forecastPanel,
  formatMonth,
  parseMonth,
} from '@tessera/engine'
import { yieldToEventLoop } from './event-loop.js'

/** What a refresh did, for logs and the caller's report. */
export interface ForecastRefresh {
  accounts: number
  /** The last month of history read, `YYYY-MM-01`; null when the organization has no sales. */
  asOf: string | null
  /** Accounts per kind of history (`long`, `short`, `intermittent`, `empty`…). */
  kinds: Partial<Record<SeriesClass, number>>
  ms: number
}

export interface RefreshOptions {
  /** Accounts forecast together (one panel: pooled seasonality, methods chosen on it). */
  panelSize?: number
  /** Accounts read per query. */
  pageSize?: number
}

/** Five years: more says little about next year, and would only cost memory. */
const MAX_HISTORY_MONTHS = 60
/** A track record long enough to stand for its segment in the prior. */
const PRIOR_ACTIVE_MONTHS = 6
/** How many accounts a segment needs before its own yield outweighs the organization's. */
const PRIOR_SHRINK_ACCOUNTS = 20

/**
 * Recomputes every account's next-12-month revenue forecast for an organization from its
 * monthly sales history and writes them (`account_forecasts`, replaced whole). Call it after
 * seeding or importing sales history, then `ScoringCache.invalidate(orgId)` so scores and
 * dashboards read the new figures.
 *
 * History is read a page of accounts at a time and forecast a panel at a time, so memory
 * holds one panel's series (50,000 accounts × at most 60 months) and the results; each
 * account's series runs from the organization's first month on record (at most five
 * years back) to the last complete month, zeros where it has no row. Accounts with little
 * or no history get a firmographic prior: their potential × what accounts of their industry
 * and size band with a track record bought of theirs last year.
 */
export async function refreshForecasts(
  db: Kysely<Database>,
  orgId: string,
  now: Date,
  options: RefreshOptions = {},
): Promise<ForecastRefresh> {
  const started = performance.now()
  const panelSize = options.panelSize ?? 50_000
  const pageSize = options.pageSize ?? 10_000
  const bounds = await salesHistoryBounds(db, orgId)
  const asOf = bounds ? completeMonthAsOf(bounds.last, now) : null
  const ids: string[] = []
  const next12m: number[] = []
  const methods: string[] = []
  const history: number[] = []
  const kinds: Partial<Record<SeriesClass, number>> = {}
  if (!bounds || !asOf) {
    await replaceAccountForecasts(
      db,
      orgId,
      { accountId: [], next12m: [], method: [], historyMonths: [] },
      { computedAt: now, asOf: monthStart(now) },
    )
    return { accounts: 0, asOf: null, kinds, ms: performance.now() - started }
  }
  const last = parseMonth(asOf)!
  const first = Math.max(
    parseMonth(bounds.first)!,
    last - MAX_HISTORY_MONTHS + 1,
  )
  const prior = segmentPriors(
    await segmentYields(db, {
      orgId,
      asOf,
      minActiveMonths: PRIOR_ACTIVE_MONTHS,
    }),
  )
  // Between steps the server answers other requests (see yieldToEventLoop).
  await yieldToEventLoop()
  let panel = new Map<string, MonthlySeries>()
  let priors = new Map<string, number>()
  const runPanel = () => {
    if (panel.size === 0) return
    const result = forecastPanel(panel, 12, { priors })
    for (const [id, series] of panel) {
      const kind = result.kinds.get(id)!
      const values = result.forecasts.get(id)!
      let sum = 0
      for (const v of values) sum += v
      let nonZero = 0
      let firstSale = -1
      series.values.forEach((v, t) => {
        if (v === 0) return
        nonZero++
        if (firstSale < 0) firstSale = t
      })
      const p = priors.get(id) ?? 0
      const blended = p > 0 && nonZero < 6 && kind !== 'dormant'
      ids.push(id)
      next12m.push(sum)
      methods.push(`${result.choices[kind].method}${blended ? '+prior' : ''}`)
      history.push(firstSale < 0 ? 0 : series.values.length - firstSale)
      kinds[kind] = (kinds[kind] ?? 0) + 1
    }
    panel = new Map()
    priors = new Map()
  }
  const fromMonth = `${formatMonth(first)}-01`
  for (let afterId: string | null = null; ;) {
    const page: AccountHistory[] = await accountHistoryPage(db, {
      orgId,
      afterId,
      limit: pageSize,
      fromMonth,
      toMonth: asOf,
    })
    await yieldToEventLoop()
    for (const a of page) {
      panel.set(a.id, toSeries(a, first, last))
      const p = prior(a)
      if (p !== undefined) priors.set(a.id, p)
      if (panel.size >= panelSize) {
        runPanel()
        await yieldToEventLoop()
      }
    }
    if (page.length < pageSize) break
    afterId = page[page.length - 1]!.id
  }
  runPanel()
  await yieldToEventLoop()
  await replaceAccountForecasts(
    db,
    orgId,
    { accountId: ids, next12m, method: methods, historyMonths: history },
    { computedAt: now, asOf },
  )
  return { accounts: ids.length, asOf, kinds, ms: performance.now() - started }
}

/** First day of `now`'s month, `YYYY-MM-01` (UTC). */
function monthStart(now: Date): string {
  return `${now.toISOString().slice(0, 7)}-01`
}

/**
 * The last month of history to read: the latest month on record, unless that is the month
 * `now` is in (or later): a month still running is partial, and would read as a drop.
 */
export function completeMonthAsOf(latest: string, now: Date): string {
  const current = parseMonth(monthStart(now))!
  const last = parseMonth(latest)!
  return `${formatMonth(Math.min(last, current - 1))}-01`
}

/**
 * An account's history as the forecaster takes it: consecutive months `first … last`, zero
 * where there is no row (no invoice that month is no revenue that month).
 */
export function toSeries(
  a: Pick<AccountHistory, 'months' | 'amounts'>,
  first: number,
  last: number,
): MonthlySeries {
  const values = new Array<number>(Math.max(0, last - first + 1)).fill(0)
  a.months.forEach((m, i) => {
    if (m >= first && m <= last) values[m - first]! += a.amounts[i]!
  })
  return { start: first, values }
}

/**
 * The firmographic prior, as expected monthly revenue: the account's potential × the share
 * of their potential that established accounts of its industry and size band bought last
 * year, that share shrunk toward the organization's own (a segment of 5 accounts says less
 * than one of 500). Undefined when no account has a track record to learn from.
 */
export function segmentPriors(
  yields: readonly SegmentYield[],
): (
  a: Pick<AccountHistory, 'industry' | 'sizeBand' | 'potential'>,
) => number | undefined {
  let sales = 0
  let potential = 0
  for (const y of yields) {
    sales += y.sales12m
    potential += y.potential
  }
  if (!(potential > 0)) return () => undefined
  const overall = sales / potential
  const share = new Map<string, number>()
  for (const y of yields) {
    const own = y.potential > 0 ? y.sales12m / y.potential : overall
    const w = y.accounts / (y.accounts + PRIOR_SHRINK_ACCOUNTS)
    share.set(`${y.industry}|${y.sizeBand}`, w * own + (1 - w) * overall)
  }
  return (a) =>
    (a.potential * (share.get(`${a.industry}|${a.sizeBand}`) ?? overall)) / 12
}
