/**
 * `count` months as `YYYY-MM-01`, oldest first, ending at `asOfMonth` (`YYYY-MM` or
 * `YYYY-MM-01`). Throws a RangeError for anything else: it is a caller's mistake.
 */
export function monthsEndingAt(asOfMonth: string, count: number): string[] {
  const m = /^(\d{4})-(\d{2})(?:-01)?$/.exec(asOfMonth)
  const year = Number(m?.[1])
  const month = Number(m?.[2])
  if (!m || month < 1 || month > 12)
    throw new RangeError(
      `asOfMonth must be YYYY-MM or YYYY-MM-01, got "${asOfMonth}"`,
    )
  const last = year * 12 + (month - 1)
  const out: string[] = []
  for (let k = last - count + 1; k <= last; k++) {
    const y = Math.floor(k / 12)
    out.push(
      `${String(y).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}-01`,
    )
  }
  return out
}

/** The calendar month (0 = January) of a `YYYY-MM-01` string. */
export function calendarMonth(month: string): number {
  return Number(month.slice(5, 7)) - 1
}
