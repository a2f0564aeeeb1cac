/**
 * Per-unit account totals, as `geo.units` returns them. `sales` and `topIndustry` are
 * optional so the map keeps working against a server that does not send them yet: the
 * themes that need them then say so instead of painting zeros.
 */
export interface UnitStat {
  unitId: string
  accounts: number
  potential: number
  /** Sales over the last 12 months on record, summed over the unit's accounts. */
  sales?: number
  /** The industry most of the unit's accounts are in; null when it has none. */
  topIndustry?: string | null
  /** Accounts with sales in the last 12 months. */
  activeAccounts?: number
  /** Σ of the accounts' next-12-month forecasts. */
  forecast?: number
}

/**
 * A unit's white space: potential the forecast does not expect to capture, so growth
 * still open there. 0 when the forecast meets the potential (or there is none).
 */
export function whiteSpaceOf(s: UnitStat): number {
  return Math.max(0, s.potential - (s.forecast ?? s.sales ?? 0))
}
