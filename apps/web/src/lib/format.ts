/**
 * Number formats used across the app. Intl formatters are costly to build and cheap to
 * reuse, so each is made once.
 */
const compactCurrency = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
})
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const compactInteger = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1,
})

/** `$1.2M`, `$850K`, `$0`. */
export function formatMoney(value: number): string {
  return compactCurrency.format(value)
}

/** `12,345`. */
export function formatCount(value: number): string {
  return integer.format(value)
}

/** `12K` where space is tight. */
export function formatCompactCount(value: number): string {
  return compactInteger.format(value)
}

/** `"1 account"`, `"12 accounts"`. */
export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`
}

const roleLabels: Record<string, string> = {
  admin: 'Admin',
  manager: 'Sales manager',
  planner: 'Sales ops planner',
  rep: 'Sales rep',
}

export function formatRole(role: string): string {
  return roleLabels[role] ?? role
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

const scenarioStatuses: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  superseded: 'Superseded',
  archived: 'Archived',
}

/** `Draft`, `In review`…: a scenario's status as people read it. */
export function formatScenarioStatus(status: string): string {
  return scenarioStatuses[status] ?? status
}
