import { dateFormat } from '../../../lib/dates'
/**
 * The trend chart's rows: 24 months of sales, then the 12-month forecast spread over the
 * months after them. The forecast is one figure per territory (the sum of its accounts'
 * next-12-month forecasts); how it falls month by month is drawn in the shape of the last
 * 12 months (each month's share of last year's sales, so a December peak recurs), flat when
 * there were no sales.
 */
export interface TrendRow {
  /** `YYYY-MM-01`. */
  month: string
  /** Actual sales of the plan; null on forecast months. */
  plan: number | null
  /** The plan's forecast; on the last actual month too, so the dashed line joins the solid one. */
  planForecast: number | null
  territory: number | null
  territoryForecast: number | null
}

/** `total` over 12 months, each month weighted as the same month of `lastYear` (12 values). */
export function spreadForecast(
  total: number,
  lastYear: readonly number[],
): number[] {
  const sum = lastYear.reduce((s, v) => s + Math.max(0, v), 0)
  return Array.from({ length: 12 }, (_, i) =>
    sum > 0 ? (total * Math.max(0, lastYear[i] ?? 0)) / sum : total / 12,
  )
}

/** The `n` months after `month` (`YYYY-MM-01`). */
export function monthsAfter(month: string, n: number): string[] {
  const start = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
  return Array.from({ length: n }, (_, i) => {
    const m = start + 1 + i
    const year = Math.floor(m / 12)
    return `${year}-${String(m - year * 12 + 1).padStart(2, '0')}-01`
  })
}

interface Series {
  /** 24 monthly actuals, oldest first. */
  trend: readonly number[]
  forecast12m: number
}

/** 36 rows: the 24 months of `months`, then 12 forecast months. */
export function trendRows(
  months: readonly string[],
  plan: Series,
  territory?: Series | null,
): TrendRow[] {
  const last = months.length - 1
  const planAhead = spreadForecast(plan.forecast12m, plan.trend.slice(-12))
  const terAhead = territory
    ? spreadForecast(territory.forecast12m, territory.trend.slice(-12))
    : null
  const rows: TrendRow[] = months.map((month, i) => ({
    month,
    plan: plan.trend[i] ?? 0,
    planForecast: i === last ? (plan.trend[i] ?? 0) : null,
    territory: territory ? (territory.trend[i] ?? 0) : null,
    territoryForecast:
      territory && i === last ? (territory.trend[i] ?? 0) : null,
  }))
  const ahead = last >= 0 ? monthsAfter(months[last]!, 12) : []
  ahead.forEach((month, i) =>
    rows.push({
      month,
      plan: null,
      planForecast: planAhead[i]!,
      territory: null,
      territoryForecast: terAhead ? terAhead[i]! : null,
    }),
  )
  return rows
}

const midMonth = (month: string) =>
  Date.parse(`${month.slice(0, 7)}-15T00:00:00Z`)

/** `2026-10-01` → `Oct 26` (`oct 26`): an axis tick, in the active language. */
export function shortMonth(month: string): string {
  const name = dateFormat('short-month-utc', {
    month: 'short',
    timeZone: 'UTC',
  }).format(midMonth(month))
  return `${name.replace(/\.$/, '')} ${month.slice(2, 4)}`
}

/** `2026-10-01` → `October 2026` (`octubre de 2026`). */
export function longMonth(month: string): string {
  return dateFormat('long-month-utc', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(midMonth(month))
}
