/**
 * Reading monthly series from `id,month,value` text, line by line so that a caller can
 * stream a large file through it. Pure: the caller owns the file. A bad line is a value,
 * not a throw — the result names the line and what is wrong with it.
 */
import type { MonthlySeries } from './forecast-panel.js'

export type SeriesCsvResult =
  | { ok: true; series: Map<string, MonthlySeries>; rows: number }
  | { ok: false; line: number; reason: string }

/**
 * Parses `id,month,value` lines into series (ids in order of first appearance). The header
 * names the three columns in any order (case-insensitive; other columns are ignored); fields
 * may be quoted, with `""` for a quote inside. Months are `YYYY-MM` or `YYYY-MM-DD`. Rows of
 * one series and month add up, so a file of invoices or daily rows works as well as one of
 * monthly totals; months missing between a series' first and last month are zero, and
 * blank lines are skipped. Values may be negative (credit notes), never empty or non-numeric.
 */
export async function parseSeriesCsv(
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<SeriesCsvResult> {
  const sums = new Map<string, Map<number, number>>()
  let lineNo = 0
  let rows = 0
  let header: {
    id: number
    month: number
    value: number
    count: number
  } | null = null
  for await (const raw of lines) {
    lineNo++
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw
    if (line.trim() === '') continue
    const cells = splitCsvLine(line)
    const fail = (reason: string) => ({
      ok: false as const,
      line: lineNo,
      reason,
    })
    if (typeof cells === 'string') return fail(cells)
    if (header === null) {
      const names = cells.map((c) => c.trim().toLowerCase())
      const missing = ['id', 'month', 'value'].filter((c) => !names.includes(c))
      if (missing.length > 0)
        return fail(
          `the header must name the columns id, month and value; ${missing.join(', ')} missing in "${line}"`,
        )
      header = {
        id: names.indexOf('id'),
        month: names.indexOf('month'),
        value: names.indexOf('value'),
        count: cells.length,
      }
      continue
    }
    if (cells.length !== header.count)
      return fail(`${cells.length} fields where the header has ${header.count}`)
    const id = (cells[header.id] as string).trim()
    if (id === '') return fail('empty id')
    const monthText = (cells[header.month] as string).trim()
    const month = parseMonth(monthText)
    if (month === null)
      return fail(`month "${monthText}" is not YYYY-MM or YYYY-MM-DD`)
    const valueText = (cells[header.value] as string).trim()
    if (valueText === '') return fail('empty value')
    const value = Number(valueText)
    if (!Number.isFinite(value))
      return fail(`value "${valueText}" is not a finite number`)
    let byMonth = sums.get(id)
    if (!byMonth) sums.set(id, (byMonth = new Map()))
    byMonth.set(month, (byMonth.get(month) ?? 0) + value)
    rows++
  }
  if (header === null)
    return { ok: false, line: 0, reason: 'the file is empty' }
  if (rows === 0)
    return {
      ok: false,
      line: lineNo,
      reason: 'the file has a header but no rows',
    }
  const series = new Map<string, MonthlySeries>()
  for (const [id, byMonth] of sums) {
    let first = Infinity
    let last = -Infinity
    for (const m of byMonth.keys()) {
      if (m < first) first = m
      if (m > last) last = m
    }
    const values = new Array<number>(last - first + 1).fill(0)
    for (const [m, v] of byMonth) values[m - first] = v
    series.set(id, { start: first, values })
  }
  return { ok: true, series, rows }
}

/** `YYYY-MM` or `YYYY-MM-DD` → year × 12 + month − 1 (the day is dropped); null otherwise. */
export function parseMonth(text: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text)
  if (!m) return null
  const month = Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  return Number(m[1]) * 12 + month - 1
}

/** Year × 12 + month − 1 → `YYYY-MM`. */
export function formatMonth(month: number): string {
  const year = Math.floor(month / 12)
  return `${String(year).padStart(4, '0')}-${String(month - year * 12 + 1).padStart(2, '0')}`
}

/**
 * Splits one CSV line (RFC 4180 quoting: a field may be wrapped in double quotes, `""` is a
 * quote inside one). Returns the reason, as a string, when the quoting is broken. A quoted
 * field cannot span lines: series files have no use for line breaks in a field.
 */
export function splitCsvLine(line: string): string[] | string {
  const out: string[] = []
  let i = 0
  for (;;) {
    if (line[i] === '"') {
      let field = ''
      i++
      for (;;) {
        const q = line.indexOf('"', i)
        if (q < 0) return 'a quoted field is not closed'
        field += line.slice(i, q)
        if (line[q + 1] === '"') {
          field += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
      if (i < line.length && line[i] !== ',')
        return `text after a closing quote at column ${i + 1}`
      out.push(field)
    } else {
      const comma = line.indexOf(',', i)
      const end = comma < 0 ? line.length : comma
      const field = line.slice(i, end)
      if (field.includes('"'))
        return `a quote inside an unquoted field at column ${i + field.indexOf('"') + 1}`
      out.push(field)
      i = end
    }
    if (i >= line.length) return out
    i++ // past the comma; a comma ending the line leaves one empty field
    if (i === line.length) {
      out.push('')
      return out
    }
  }
}
