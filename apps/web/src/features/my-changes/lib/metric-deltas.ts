import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatSignedPercent,
} from '../../../lib/format'
import { i18n } from '../../../i18n'

/** The sums over a rep's territories that `reviews.myChanges` sends, before and after. */
export interface TerritoryTotals {
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  travelKm: number
}

/** Whether a change is good for the rep: shown in colour, and the sign says which way. */
export type DeltaTone = 'better' | 'worse' | 'same'

export interface MetricDelta {
  key: keyof TerritoryTotals
  label: string
  before: string
  after: string
  /** `+74`, `−$4.4M`, `0`. */
  delta: string
  /** `+5 %`; `null` when there was nothing before, or it rounds to no whole percent. */
  percent: string | null
  tone: DeltaTone
}

const MINUS = '\u2212'

/** Small figures keep a decimal (a 0.4 h change is worth seeing), large ones don't. */
const amount = (v: number) =>
  Math.abs(v) < 100 ? formatDecimal(v) : formatCount(v)

/** A metric; its label is `myChanges.metrics.<key>`. */
interface Metric {
  key: keyof TerritoryTotals
  /** The value as shown, from the stored one (workload is stored in minutes). */
  value: (t: TerritoryTotals) => number
  format: (v: number) => string
  /**
   * Which way is good for the rep: more potential and sales is more to earn; more workload
   * and a longer mean trip is more to carry.
   */
  better: 'higher' | 'lower'
}

const METRICS: readonly Metric[] = [
  {
    key: 'accounts',
    value: (t) => t.accounts,
    format: formatCount,
    better: 'higher',
  },
  {
    key: 'potential',
    value: (t) => t.potential,
    format: formatMoney,
    better: 'higher',
  },
  {
    key: 'sales',
    value: (t) => t.sales,
    format: formatMoney,
    better: 'higher',
  },
  {
    key: 'workloadMinutes',
    value: (t) => t.workloadMinutes / 60,
    format: (h) => i18n.t('myChanges.metrics.hours', { n: amount(h) }),
    better: 'lower',
  },
  {
    key: 'travelKm',
    value: (t) => t.travelKm,
    format: (km) => i18n.t('myChanges.metrics.km', { n: amount(km) }),
    better: 'lower',
  },
]

/**
 * Each metric before and after, with the change signed (`+`, `−`) and its tone. A change
 * that rounds to nothing as shown is `0` and `same`, so the colour never contradicts the
 * figure next to it.
 */
export function metricDeltas(
  before: TerritoryTotals,
  after: TerritoryTotals,
): MetricDelta[] {
  return METRICS.map((m) => {
    const b = m.value(before)
    const a = m.value(after)
    const shown = m.format(Math.abs(a - b))
    const zero = m.format(0)
    const direction = shown === zero ? 0 : Math.sign(a - b)
    const sign = direction > 0 ? '+' : direction < 0 ? MINUS : ''
    const tone: DeltaTone =
      direction === 0
        ? 'same'
        : direction > 0 === (m.better === 'higher')
          ? 'better'
          : 'worse'
    return {
      key: m.key,
      label: i18n.t(`myChanges.metrics.${m.key}`),
      before: m.format(b),
      after: m.format(a),
      delta: direction === 0 ? zero : `${sign}${shown}`,
      percent: percentChange(b, a),
      tone,
    }
  })
}

function percentChange(before: number, after: number): string | null {
  if (!(before > 0)) return null
  const fraction = (after - before) / before
  return Math.round(fraction * 100) === 0 ? null : formatSignedPercent(fraction)
}
