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
}
