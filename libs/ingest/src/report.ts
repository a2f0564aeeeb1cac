import type { ImportKind, RowProblem } from '@tessera/importer'

export type ImportMode = 'atomic' | 'upsert'

export type ImportStatus =
  /** Rows were written (upsert may have skipped bad ones; see `rejected`). */
  | 'imported'
  /** Atomic mode found bad rows: nothing was written. */
  | 'rejected'
  /** A dry run: nothing written, every row checked. */
  | 'validated'
  /** The file or the mapping could not be read at all; nothing was written. */
  | 'failed'

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done'
  bytes: number
  /** The file's size when known (an upload's Content-Length, a file's size). */
  totalBytes: number | undefined
  rows: number
  rejected: number
}

export interface ImportReport {
  kind: ImportKind
  mode: ImportMode
  dryRun: boolean
  status: ImportStatus
  /** One sentence for the person who ran it. */
  message: string
  delimiter: string
  headers: string[]
  /** Data rows read. */
  rows: number
  /** Rows that were (or, in a dry run, would be) written. */
  accepted: number
  inserted: number
  updated: number
  rejected: number
  /** The first problems, in file order (all of them when there are few). */
  problems: RowProblem[]
  /** How many problems there were in all (a row can have several). */
  problemCount: number
  /** Problems counted by column and reason, biggest first: the shape of a bad export. */
  problemSummary: { column: string; reason: string; count: number }[]
  /** Accounts only: how rows were placed and how many lie outside every unit. */
  placement?: {
    byCoordinates: number
    byZip: number
    outsideUnits: number
    /** [west, south, east, north] of the accounts, for "show them on the map". */
    bbox: [number, number, number, number] | null
  }
  durationMs: number
  /** Where the time went: reading and staging rows, whole-file checks, the merge. */
  phases?: { readMs: number; checkMs: number; mergeMs: number }
}

/** How many problems a report lists one by one; the rest are counted. */
export const LISTED_PROBLEMS = 1000

/** Collects row problems: the first {@link LISTED_PROBLEMS} in full, all of them counted. */
export class ProblemLog {
  readonly listed: RowProblem[] = []
  count = 0
  rows = 0
  private readonly summary = new Map<
    string,
    { column: string; reason: string; count: number }
  >()

  /** Records one bad row's problems. */
  addRow(problems: readonly RowProblem[]): void {
    this.rows++
    for (const p of problems) {
      this.count++
      if (this.listed.length < LISTED_PROBLEMS) this.listed.push(p)
      const key = summaryKey(p)
      const entry = this.summary.get(key)
      if (entry) entry.count++
      else
        this.summary.set(key, {
          column: p.column,
          reason: p.reason.replace(/ on line \d+$/, ''),
          count: 1,
        })
    }
  }

  /**
   * Records `rows` bad rows of one kind of problem, of which only the first are listed (the
   * database counted the rest; each has this one problem).
   */
  addCounted(listed: readonly RowProblem[], rows: number): void {
    for (const p of listed) this.addRow([p])
    const more = rows - listed.length
    if (more <= 0) return
    this.rows += more
    this.count += more
    const last = listed.at(-1)
    if (!last) return
    const entry = this.summary.get(summaryKey(last))
    if (entry) entry.count += more
  }

  summaryRows(): { column: string; reason: string; count: number }[] {
    return [...this.summary.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, 50)
  }
}

/** Problems that differ only in the line they point back to count as one kind. */
function summaryKey(p: RowProblem): string {
  return `${p.column}\u0000${p.reason.replace(/ on line \d+$/, '')}`
}
