/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  let s = String(value)
  // A text cell starting with = + - @ (or a tab / CR) is a formula to Excel and Sheets.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A table as RFC 4180 CSV: a header row, CRLF line ends, fields escaped by `csvField`. */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return (
    [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join(
      '\r\n',
    ) + '\r\n'
  )
}
