import { activeIntlLocale, i18n } from '../i18n'

/**
 * Number formats used across the app, in the active language (`en-US`: `$1.2M`, `12,345`;
 * `es-ES`: `1,2 M US$`, `12.345`). Intl formatters are costly to build and cheap to reuse,
 * so each is made once per locale (and currency) and kept.
 */
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(
  name: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const locale = activeIntlLocale()
  const key = `${locale}|${name}|${options.currency ?? ''}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/**
 * The currency a figure is shown in when the caller names none: the organization's base
 * currency once its settings have loaded (see `region-units`), US dollars until then.
 */
let defaultCurrency = 'USD'

/** Sets the currency figures without a currency of their own are shown in. */
export function setDefaultCurrency(code: string): void {
  defaultCurrency = code
}

/**
 * `$1.2M`, `$850K`, `$0` in the default currency unless told another (an ISO 4217 code).
 * The code only changes the sign shown: converting is the caller's (see `region-units`).
 */
export function formatMoney(value: number, currency = defaultCurrency): string {
  return numberFormat('compact-money', {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value)
}

/** Whole units of money, `$1,234,567`: where a compact `$1.2M` would hide what was typed. */
export function formatWholeMoney(
  value: number,
  currency = defaultCurrency,
): string {
  return numberFormat('whole-money', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(value)
}

/** Three significant digits, `$1.04B`, `$73.3M`, `$850K`: totals read apart at a glance. */
export function formatMoneyFigure(
  value: number,
  currency = defaultCurrency,
): string {
  return numberFormat('figure-money', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(value)
}

/** `12,345`. */
export function formatCount(value: number): string {
  return numberFormat('integer', { maximumFractionDigits: 0 }).format(value)
}

/** `12K` where space is tight. */
export function formatCompactCount(value: number): string {
  return numberFormat('compact-integer', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value)
}

/** `1.5`, `12.3`: at most `digits` decimals, grouped. */
export function formatDecimal(value: number, digits = 1): string {
  return numberFormat(`decimal-${digits}`, {
    maximumFractionDigits: digits,
  }).format(value)
}

/** Exactly `digits` decimals, `72.0`, `72,0`: scores read alike whatever their value. */
export function formatFixed(value: number, digits = 1): string {
  return numberFormat(`fixed-${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value)
}

/** `Sales ops planner`: a role as people read it, in the active language. */
export function formatRole(role: string): string {
  const labels: Record<string, string> = i18n.t('common.roles', {
    returnObjects: true,
  })
  return labels[role] ?? role
}

/** Two letters for an avatar: "Dana Planner" → "DP". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters
    .map((p) => (p as string)[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 2)
}

/** Narrow no-break space: "72 %" never wraps between the number and its sign. */
const NNBSP = '\u202f'
const MINUS = '\u2212'

/** A share as a whole percent: 0.723 → `72 %`, 1.1 → `110 %`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const value = Math.round(fraction * 100)
  return `${value < 0 ? MINUS : ''}${formatCount(Math.abs(value))}${NNBSP}%`
}

/** A deviation with its sign: 2.77 → `+277 %`, −0.12 → `−12 %`, 0.001 → `0 %`. */
export function formatSignedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const value = Math.round(fraction * 100)
  const sign = value > 0 ? '+' : value < 0 ? MINUS : ''
  return `${sign}${formatCount(Math.abs(value))}${NNBSP}%`
}

/** `Draft`, `In review`…: a scenario's status as people read it. */
export function formatScenarioStatus(status: string): string {
  const labels: Record<string, string> = i18n.t('common.scenarioStatus', {
    returnObjects: true,
  })
  return labels[status] ?? status
}
