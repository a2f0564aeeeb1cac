import { type BalanceMetric, csvTable } from '@tessera/domain'
import {
  METRIC_NAMES,
  type RepReportRow,
  type TerritoryReportRow,
} from './report-rows'

/**
 * The report's tables as CSV for a spreadsheet: plain numbers (whole dollars, hours and
 * percents to a tenth, no thousands separators or units in the cells; the units are in the
 * headers), so they sort and sum as numbers. Empty cells where the engine has no value.
 */

type Cell = string | number | null

const tenth = (v: number) => Math.round(v * 10) / 10
const hours = (minutes: number) => tenth(minutes / 60)
const percent = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined || !Number.isFinite(fraction)
    ? null
    : tenth(fraction * 100)

export function territoryTable(
  rows: readonly TerritoryReportRow[],
  metrics: readonly BalanceMetric[],
): { header: string[]; rows: Cell[][] } {
  const header = [
    'Territory',
    'Region',
    'Rep',
    'Units',
    'Accounts',
    'Potential (USD)',
    'Sales 12 months (USD)',
    'Workload (h/week)',
    'Capacity (h/week)',
    'Utilisation (%)',
    'Travel (km)',
    'Compactness (%)',
    'Pieces',
    ...metrics.map((m) => `Deviation ${METRIC_NAMES[m]} (%)`),
    'In band',
    'Disrupted accounts',
    'Locked',
  ]
  return {
    header,
    rows: rows.map((r) => {
      const s = r.score
      return [
        r.name,
        r.regionName,
        r.repName,
        s?.units ?? null,
        s?.accounts ?? null,
        s ? Math.round(s.potential) : null,
        s ? Math.round(s.sales) : null,
        s ? hours(s.workloadMinutes) : null,
        s?.capacityMinutes != null ? hours(s.capacityMinutes) : null,
        percent(s?.utilization),
        s?.travelKm != null ? Math.round(s.travelKm) : null,
        s && s.units > 0 ? percent(s.polsbyPopper) : null,
        s?.pieces ?? null,
        ...metrics.map((m) => percent(s?.deviations[m])),
        s ? (s.inBand ? 'yes' : 'no') : null,
        s?.disruptedAccounts ?? null,
        r.locked ? 'yes' : 'no',
      ]
    }),
  }
}

export function repTable(rows: readonly RepReportRow[]): {
  header: string[]
  rows: Cell[][]
} {
  return {
    header: [
      'Rep',
      'Home city',
      'Territories',
      'Units',
      'Accounts',
      'Potential (USD)',
      'Sales 12 months (USD)',
      'Workload (h/week)',
      'Capacity (h/week)',
      'Utilisation (%)',
    ],
    rows: rows.map((r) => [
      r.name,
      r.homeCity,
      r.territories.join('; '),
      r.units,
      r.accounts,
      Math.round(r.potential),
      Math.round(r.sales),
      hours(r.workloadMinutes),
      hours(r.capacityMinutes),
      percent(r.utilization),
    ]),
  }
}

/**
 * Both tables in one file, the territories first, then an empty line and the reps: each
 * starts with its own header row, so a spreadsheet shows two tables one under the other.
 */
export function reportCsv(
  territories: readonly TerritoryReportRow[],
  reps: readonly RepReportRow[],
  metrics: readonly BalanceMetric[],
): string {
  const t = territoryTable(territories, metrics)
  const r = repTable(reps)
  return `${csvTable(t.header, t.rows)}\r\n${csvTable(r.header, r.rows)}`
}

/** A file name from the plan and scenario names, safe on every system. */
export function reportFileName(planName: string, scenarioName: string): string {
  const slug = `${planName} ${scenarioName}`
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
  return `${slug || 'plan'}-report.csv`
}
