import {
  formatMoneyFigure,
  formatPercent,
  formatSignedPercent,
  formatWholeMoney,
} from '../../../lib/format'

/** Whole dollars, `$1,234,567`: where the compact `$1.2M` would hide what was typed. */
export function formatDollars(value: number): string {
  return formatWholeMoney(value)
}

/** Three significant digits, `$1.04B`, `$73.3M`, `$850K`: totals read apart at a glance. */
export function formatMoney(value: number): string {
  return formatMoneyFigure(value)
}

/** Attainment as a whole percent; `–` without a quota. */
export function formatAttainment(attainment: number | null): string {
  return attainment === null ? '–' : formatPercent(attainment)
}

/** Growth of `now` over `before` with its sign; `–` when there was nothing before. */
export function formatGrowth(now: number, before: number): string {
  return before > 0 ? formatSignedPercent(now / before - 1) : '–'
}

/** At or above quota reads well; within 10 points below, a warning; further, bad. */
export function attainmentTone(
  attainment: number | null,
): 'ok' | 'warn' | 'bad' | null {
  if (attainment === null) return null
  if (attainment >= 1 - 1e-9) return 'ok'
  return attainment >= 0.9 ? 'warn' : 'bad'
}
