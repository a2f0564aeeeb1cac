/**
 * Cell values as CRMs export them, read strictly: a value is either understood exactly or
 * refused with a reason a person can act on. Pure.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const no = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

/**
 * A number as spreadsheets write it: `1234.5`, `1,234.50`, `$1 234`, `1.234,5` (decimal
 * comma), `(120)` (accounting negative), `12%` is refused (a share is not an amount).
 * With both `,` and `.`, the later one is the decimal mark; a lone `,` followed by exactly
 * three digits (once or more) groups thousands, otherwise it is the decimal mark.
 */
export function parseNumber(raw: string): Parsed<number> {
  let s = raw.trim()
  if (s === '') return no('empty')
  let negative = false
  if (/^\(.*\)$/.test(s)) {
    negative = true
    s = s.slice(1, -1).trim()
  }
  if (s.endsWith('%')) return no('a percentage, not an amount')
  // Currency signs and codes, and spaces used to group digits.
  s = s.replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
  s = s.replace(/[$€£¥\s\u00a0\u202f']/g, '')
  if (s.startsWith('-')) {
    negative = !negative
    s = s.slice(1)
  } else if (s.startsWith('+')) s = s.slice(1)
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return no('not a number')
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let normal: string
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.'
    const group = decimal === ',' ? '.' : ','
    normal = s.split(group).join('').replace(decimal, '.')
  } else if (lastComma >= 0) {
    normal = /^\d{1,3}(,\d{3})+$/.test(s)
      ? s.replaceAll(',', '')
      : s.replace(',', '.')
  } else normal = s
  if ((normal.match(/\./g) ?? []).length > 1) {
    // `1.234.567`: dots grouping thousands.
    if (/^\d{1,3}(\.\d{3})+$/.test(normal)) normal = normal.replaceAll('.', '')
    else return no('not a number')
  }
  const value = Number(normal)
  if (!Number.isFinite(value)) return no('not a number')
  return ok(negative ? -value : value)
}

/** A calendar date in one of the formats CRMs export, as `YYYY-MM-DD`. */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim()
  let y: number, m: number, d: number
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    // US order, as Salesforce and HubSpot export it.
    ;[m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) {
    // European order with dots.
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s))) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else return no('not a date (use YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)')
  const t = new Date(Date.UTC(y, m - 1, d))
  if (
    t.getUTCFullYear() !== y ||
    t.getUTCMonth() !== m - 1 ||
    t.getUTCDate() !== d
  )
    return no('no such date')
  if (y < 1900 || y > 2200) return no('year out of range')
  return ok(t.toISOString().slice(0, 10))
}

/**
 * A month, as `YYYY-MM-01`: `2026-03`, `03/2026`, `2026/03`, `Mar 2026`, or any full date
 * (its month is taken).
 */
export function parseMonth(raw: string): Parsed<string> {
  const s = raw.trim()
  let match: RegExpExecArray | null
  let y: number | undefined
  let m: number | undefined
  if ((match = /^(\d{4})[-/](\d{1,2})$/.exec(s))) {
    ;[y, m] = [Number(match[1]), Number(match[2])]
  } else if ((match = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) {
    ;[m, y] = [Number(match[1]), Number(match[2])]
  } else if ((match = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(s))) {
    const i = MONTHS.indexOf(match[1]!.toLowerCase())
    if (i >= 0) [m, y] = [i + 1, Number(match[2])]
  }
  if (y === undefined || m === undefined) {
    const date = parseDate(s)
    if (!date.ok) return no('not a month (use YYYY-MM, MM/YYYY or a full date)')
    return ok(`${date.value.slice(0, 7)}-01`)
  }
  if (m < 1 || m > 12) return no('no such month')
  if (y < 1900 || y > 2200) return no('year out of range')
  return ok(`${y}-${String(m).padStart(2, '0')}-01`)
}

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]

/** A latitude/longitude pair; (0, 0) is refused: it is what a missing location exports as. */
export function parseLonLat(
  latRaw: string,
  lonRaw: string,
): Parsed<[number, number]> {
  const lat = parseNumber(latRaw)
  const lon = parseNumber(lonRaw)
  if (!lat.ok) return no(`latitude ${lat.reason}`)
  if (!lon.ok) return no(`longitude ${lon.reason}`)
  if (lat.value < -90 || lat.value > 90)
    return no('latitude out of range (−90 to 90)')
  if (lon.value < -180 || lon.value > 180)
    return no('longitude out of range (−180 to 180)')
  if (lat.value === 0 && lon.value === 0)
    return no('(0, 0) is not a real location: the coordinates are missing')
  return ok([lon.value, lat.value])
}

/** A US ZIP code as five digits (`02139`, `2139` from a spreadsheet that ate the zero, `02139-4307`). */
export function parseZip(raw: string): Parsed<string> {
  const m = /^(\d{3,5})(?:-\d{4})?$/.exec(raw.trim())
  if (!m) return no('not a US ZIP code')
  return ok(m[1]!.padStart(5, '0'))
}

/** An email address, loosely: something@something.tld, no spaces. */
export function parseEmail(raw: string): Parsed<string> {
  const s = raw.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
    ? ok(s)
    : no('not an email address')
}

/** Text: trimmed, without control characters, at most `max` characters. */
export function parseText(raw: string, max: number): Parsed<string> {
  const s = raw.trim()
  if (s === '') return no('empty')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s))
    return no('contains control characters')
  if (s.length > max) return no(`longer than ${max} characters`)
  return ok(s)
}
