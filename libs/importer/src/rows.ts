import { type ColumnMapping, FIELDS, type ImportKind } from './mapping.js'
import {
  type Parsed,
  parseEmail,
  parseLonLat,
  parseMonth,
  parseNumber,
  parseText,
  parseZip,
} from './values.js'

/** One thing wrong with one row, said precisely enough to fix it in the source file. */
export interface RowProblem {
  /** The line in the file (1 is the header; a quoted newline makes a row span lines). */
  line: number
  /** The column's header as the file names it, or the field when no column holds it. */
  column: string
  value: string
  reason: string
}

export type SizeBand = 'small' | 'mid' | 'large' | 'enterprise'

export interface AccountImport {
  externalId: string
  name: string
  industry: string | null
  sizeBand: SizeBand | null
  /** [lon, lat], from the coordinates or the ZIP code's centroid */
  location: [number, number]
  /** How the location was found. */
  placedBy: 'coordinates' | 'zip'
  annualRevenue: number | null
  potential: number | null
  workloadMinutes: number | null
}

export interface RepImport {
  externalId: string
  name: string
  email: string
  homeCity: string | null
  home: [number, number]
  weeklyCapacityMinutes: number | null
  industries: string[]
  experience: number | null
}

export interface SalesImport {
  accountExternalId: string
  /** YYYY-MM-01 */
  month: string
  amount: number
}

export interface RowContext {
  /** A ZIP code's centroid as [lon, lat], if the table knows it. */
  zipCentroid?: (zip: string) => [number, number] | undefined
  /**
   * The organization's money: amounts are stored in `base`; a row in another currency is
   * converted with the rate an admin set (units per one base unit), or refused without one.
   */
  currencies?: { base: string; rates: Readonly<Record<string, number>> }
}

export type RowResult<T> =
  { ok: true; row: T } | { ok: false; problems: RowProblem[] }

/**
 * Reads one data row into a typed record, or says everything wrong with it at once (not
 * only the first problem), so one pass over a file reports every row's problems.
 */
export class RowReader {
  private readonly labels: Record<string, string>

  constructor(
    readonly kind: ImportKind,
    private readonly mapping: ColumnMapping,
    private readonly headers: readonly string[],
    private readonly context: RowContext = {},
  ) {
    this.labels = Object.fromEntries(
      FIELDS[kind].map((s) => [s.field, s.label]),
    )
  }

  read(cells: readonly string[], line: number) {
    switch (this.kind) {
      case 'accounts':
        return this.account(cells, line)
      case 'reps':
        return this.rep(cells, line)
      case 'sales':
        return this.sale(cells, line)
    }
  }

  private cell(cells: readonly string[], field: string): string | undefined {
    const column = this.mapping[field]
    return column === undefined ? undefined : (cells[column] ?? '')
  }

  private columnName(field: string): string {
    const column = this.mapping[field]
    const header = column === undefined ? undefined : this.headers[column]
    return header?.replace(/^\ufeff/, '').trim() || this.labels[field] || field
  }

  /** Runs the parser on a field; records a problem and returns undefined when it fails. */
  private take<T>(
    problems: RowProblem[],
    cells: readonly string[],
    line: number,
    field: string,
    parse: (raw: string) => Parsed<T>,
    optional: boolean,
  ): T | undefined | null {
    const raw = this.cell(cells, field)
    if (raw === undefined || raw.trim() === '') {
      if (optional) return null
      problems.push({
        line,
        column: this.columnName(field),
        value: raw ?? '',
        reason: 'required, but empty',
      })
      return undefined
    }
    const parsed = parse(raw)
    if (parsed.ok) return parsed.value
    problems.push({
      line,
      column: this.columnName(field),
      value: raw.length > 200 ? `${raw.slice(0, 200)}…` : raw,
      reason: parsed.reason,
    })
    return undefined
  }

  /** Coordinates if mapped and given, else the ZIP code's centroid. */
  private location(
    problems: RowProblem[],
    cells: readonly string[],
    line: number,
  ): { at: [number, number]; by: 'coordinates' | 'zip' } | undefined {
    const lat = this.cell(cells, 'lat')?.trim() ?? ''
    const lon = this.cell(cells, 'lon')?.trim() ?? ''
    if (lat !== '' || lon !== '') {
      const parsed = parseLonLat(lat, lon)
      if (parsed.ok) return { at: parsed.value, by: 'coordinates' }
      problems.push({
        line,
        column: `${this.columnName('lat')} / ${this.columnName('lon')}`,
        value: `${lat}, ${lon}`,
        reason: parsed.reason,
      })
      return undefined
    }
    const zip = this.take(problems, cells, line, 'zip', parseZip, true)
    if (zip === undefined) return undefined
    if (zip === null) {
      problems.push({
        line,
        column:
          this.mapping['zip'] !== undefined
            ? this.columnName('zip')
            : 'Latitude / Longitude',
        value: '',
        reason: 'no location: neither coordinates nor a ZIP code',
      })
      return undefined
    }
    const at = this.context.zipCentroid?.(zip)
    if (!at) {
      problems.push({
        line,
        column: this.columnName('zip'),
        value: this.cell(cells, 'zip') ?? '',
        reason: 'unknown ZIP code',
      })
      return undefined
    }
    return { at, by: 'zip' }
  }

  private account(
    cells: readonly string[],
    line: number,
  ): RowResult<AccountImport> {
    const p: RowProblem[] = []
    const text = (max: number) => (raw: string) => parseText(raw, max)
    const externalId = this.take(p, cells, line, 'externalId', text(100), false)
    const name = this.take(p, cells, line, 'name', text(300), false)
    const industry = this.take(p, cells, line, 'industry', text(100), true)
    const sizeRaw = this.take(p, cells, line, 'sizeBand', parseSizeBand, true)
    const employees = this.take(p, cells, line, 'employees', nonNegative, true)
    const annualRevenue = this.take(
      p,
      cells,
      line,
      'annualRevenue',
      nonNegative,
      true,
    )
    const potential = this.take(p, cells, line, 'potential', nonNegative, true)
    const workloadMinutes = this.take(
      p,
      cells,
      line,
      'workloadMinutes',
      nonNegative,
      true,
    )
    const where = this.location(p, cells, line)
    const rate = this.rate(p, cells, line)
    if (p.length > 0 || !externalId || !name || !where || rate === undefined)
      return { ok: false, problems: p }
    return {
      ok: true,
      row: {
        externalId,
        name,
        industry: industry ?? null,
        sizeBand:
          sizeRaw ?? (employees != null ? bandOfEmployees(employees) : null),
        location: where.at,
        placedBy: where.by,
        annualRevenue: toBase(annualRevenue ?? null, rate),
        potential: toBase(potential ?? null, rate),
        workloadMinutes: workloadMinutes ?? null,
      },
    }
  }

  private rep(cells: readonly string[], line: number): RowResult<RepImport> {
    const p: RowProblem[] = []
    const text = (max: number) => (raw: string) => parseText(raw, max)
    const externalId = this.take(p, cells, line, 'externalId', text(100), false)
    const name = this.take(p, cells, line, 'name', text(200), false)
    const email = this.take(p, cells, line, 'email', parseEmail, false)
    const homeCity = this.take(p, cells, line, 'homeCity', text(200), true)
    const hours = this.take(
      p,
      cells,
      line,
      'weeklyCapacityHours',
      capacityHours,
      true,
    )
    const industries = this.take(p, cells, line, 'industries', parseList, true)
    const experience = this.take(
      p,
      cells,
      line,
      'experience',
      parseExperience,
      true,
    )
    const where = this.location(p, cells, line)
    if (p.length > 0 || !externalId || !name || !email || !where)
      return { ok: false, problems: p }
    return {
      ok: true,
      row: {
        externalId,
        name,
        email,
        homeCity: homeCity ?? null,
        home: where.at,
        weeklyCapacityMinutes: hours == null ? null : Math.round(hours * 60),
        industries: industries ?? [],
        experience: experience ?? null,
      },
    }
  }

  private sale(cells: readonly string[], line: number): RowResult<SalesImport> {
    const p: RowProblem[] = []
    const accountExternalId = this.take(
      p,
      cells,
      line,
      'accountExternalId',
      (r) => parseText(r, 100),
      false,
    )
    const month = this.take(p, cells, line, 'month', parseMonth, false)
    const amount = this.take(p, cells, line, 'amount', parseNumber, false)
    const rate = this.rate(p, cells, line)
    if (
      p.length > 0 ||
      !accountExternalId ||
      !month ||
      amount == null ||
      rate === undefined
    )
      return { ok: false, problems: p }
    return {
      ok: true,
      row: {
        accountExternalId,
        month,
        amount: toBase(amount, rate) as number,
      },
    }
  }

  /**
   * The row's rate to the base currency: 1 without a currency column or in the base
   * currency, the admin's rate for another, undefined (with a problem) when none is set.
   */
  private rate(
    problems: RowProblem[],
    cells: readonly string[],
    line: number,
  ): number | undefined {
    const money = this.context.currencies
    const code = this.take(
      problems,
      cells,
      line,
      'currency',
      parseCurrency,
      true,
    )
    if (code === undefined) return undefined
    if (code === null || !money || code === money.base) return 1
    const rate = money.rates[code]
    if (rate && rate > 0) return rate
    problems.push({
      line,
      column: this.columnName('currency'),
      value: code,
      reason: `no rate from ${money.base} to ${code}: an admin sets one under Users… → Currencies`,
    })
    return undefined
  }
}

function parseCurrency(raw: string): Parsed<string> {
  const code = raw.trim().toUpperCase()
  return /^[A-Z]{3}$/.test(code)
    ? { ok: true, value: code }
    : { ok: false, reason: 'not a three-letter currency code such as EUR' }
}

/** An amount in another currency in base units, to the cent. */
function toBase(amount: number | null, rate: number): number | null {
  if (amount === null || rate === 1) return amount
  return Math.round((amount / rate) * 100) / 100
}

function nonNegative(raw: string): Parsed<number> {
  const n = parseNumber(raw)
  if (!n.ok) return n
  return n.value < 0 ? { ok: false, reason: 'negative' } : n
}

function capacityHours(raw: string): Parsed<number> {
  const n = nonNegative(raw)
  if (!n.ok) return n
  return n.value > 100
    ? {
        ok: false,
        reason: 'more than 100 hours a week (give hours, not minutes)',
      }
    : n
}

function parseExperience(raw: string): Parsed<number> {
  const n = parseNumber(raw)
  if (!n.ok) return n
  return Number.isInteger(n.value) && n.value >= 1 && n.value <= 5
    ? n
    : { ok: false, reason: 'not a whole number from 1 to 5' }
}

/** `Retail; Healthcare`, `Retail, Healthcare` or `Retail|Healthcare`. */
function parseList(raw: string): Parsed<string[]> {
  const items = raw
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return items.length > 0
    ? { ok: true, value: items }
    : { ok: false, reason: 'empty' }
}

const SIZE_WORDS: Record<string, 'small' | 'mid' | 'large' | 'enterprise'> = {
  small: 'small',
  smb: 'small',
  s: 'small',
  mid: 'mid',
  medium: 'mid',
  'mid market': 'mid',
  midmarket: 'mid',
  m: 'mid',
  large: 'large',
  l: 'large',
  enterprise: 'enterprise',
  ent: 'enterprise',
  xl: 'enterprise',
}

function parseSizeBand(raw: string): Parsed<SizeBand> {
  const key = raw.trim().toLowerCase().replace(/[-_]+/g, ' ')
  const band = SIZE_WORDS[key]
  return band
    ? { ok: true, value: band }
    : { ok: false, reason: 'not a size band (small, mid, large or enterprise)' }
}

/** The size band an employee count falls in. */
export function bandOfEmployees(employees: number): SizeBand {
  if (employees < 50) return 'small'
  if (employees < 500) return 'mid'
  if (employees < 5000) return 'large'
  return 'enterprise'
}
