/** YYYY-MM-DD of a local date. */
export function isoDay(d: Date): string {
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return `${d.getFullYear()}-${m}-${day}`
}

/** Monday of the week `d` falls in. */
export function weekStart(d: Date): Date {
  const out = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  out.setDate(out.getDate() - ((out.getDay() + 6) % 7))
  return out
}

/**
 * The days a calendar shows for `anchor`: a month as whole weeks (Monday first, so the grid
 * has 4–6 rows), or the week of `anchor`.
 */
export function calendarDays(anchor: Date, view: 'month' | 'week'): Date[] {
  const first =
    view === 'week'
      ? weekStart(anchor)
      : weekStart(new Date(anchor.getFullYear(), anchor.getMonth(), 1))
  const last =
    view === 'week'
      ? new Date(first.getFullYear(), first.getMonth(), first.getDate() + 6)
      : (() => {
          const end = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0)
          const s = weekStart(end)
          return new Date(s.getFullYear(), s.getMonth(), s.getDate() + 6)
        })()
  const days: Date[] = []
  for (
    let d = first;
    d <= last;
    d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)
  )
    days.push(d)
  return days
}

/** The anchor moved one month or one week back (-1) or forward (+1). */
export function stepAnchor(anchor: Date, view: 'month' | 'week', by: -1 | 1) {
  return view === 'month'
    ? new Date(anchor.getFullYear(), anchor.getMonth() + by, 1)
    : new Date(
        anchor.getFullYear(),
        anchor.getMonth(),
        anchor.getDate() + 7 * by,
      )
}
