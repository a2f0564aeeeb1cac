import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { type Database, currencySettings } from '@tessera/db'
import {
  type AccountImport,
  type ColumnMapping,
  type ImportKind,
  type RepImport,
  RowReader,
  type SalesImport,
  guessMapping,
  mappingProblems,
} from '@tessera/importer'
import { CsvFileError, openCsv } from './csv-source.js'
import { type Placement, PlacementCache } from './placement.js'
import {
  type ImportMode,
  type ImportProgress,
  type ImportReport,
  LISTED_PROBLEMS,
  ProblemLog,
} from './report.js'
import {
  type Placed,
  Stage,
  mergeStage,
  stagedPlacement,
  stagedProblems,
} from './stage.js'
import { zipCentroids } from './zips.js'

export interface ImportRequest {
  orgId: string
  kind: ImportKind
  input: Readable
  fileName: string
  mode: ImportMode
  /** Check every row and count what would change, then roll back. */
  dryRun: boolean
  /** field → column index; guessed from the header when absent. */
  mapping?: ColumnMapping | undefined
  totalBytes?: number | undefined
  startedBy?: string | null | undefined
  /** Called every few thousand rows and at each phase. */
  onProgress?: ((p: ImportProgress) => void) | undefined
}

export interface ImportResult extends ImportReport {
  /** The `import_runs` row that records this import. */
  runId: string
}

/** Thrown inside the transaction to roll it back on purpose (a dry run, atomic with bad rows). */
class RollBack extends Error {}

const PROGRESS_EVERY = 5_000

/**
 * Imports one CSV of accounts, reps or monthly sales: streamed row by row, every row checked
 * (`RowReader`), good rows staged in a temporary table, then merged by external id in the
 * same transaction. Atomic mode rolls everything back when any row is bad; upsert merges
 * the good rows and reports the rest; a dry run does all of it and rolls back, so its counts
 * are exact. Either way the database is never left half-written. Each import is recorded
 * in `import_runs`. One `Importer` per process keeps the unit locators it builds.
 */
export class Importer {
  private readonly placements: PlacementCache

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.placements = new PlacementCache(db)
  }

  async run(request: ImportRequest): Promise<ImportResult> {
    const started = this.now()
    const runId = `imp_${randomBytes(9).toString('base64url')}`
    await this.db
      .insertInto('import_runs')
      .values({
        id: runId,
        org_id: request.orgId,
        kind: request.kind,
        mode: request.mode,
        dry_run: request.dryRun,
        file_name: request.fileName.slice(0, 300),
        started_by: request.startedBy ?? null,
        started_at: started,
        status: 'running',
        report: '{}',
      })
      .execute()
    let report: ImportReport
    try {
      report = await this.importFile(request, started)
    } catch (error) {
      report = failed(request, started, this.now(), (error as Error).message)
      if (!(error instanceof CsvFileError)) {
        await this.finish(runId, report)
        throw error
      }
    }
    await this.finish(runId, report)
    return { ...report, runId }
  }

  private async finish(runId: string, report: ImportReport): Promise<void> {
    await this.db
      .updateTable('import_runs')
      .set({
        status: report.status,
        finished_at: this.now(),
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        rejected: report.rejected,
        report: JSON.stringify({
          ...report,
          problems: report.problems.slice(0, 200),
        }),
      })
      .where('id', '=', runId)
      .execute()
  }

  private async importFile(
    request: ImportRequest,
    started: Date,
  ): Promise<ImportReport> {
    const { kind, orgId } = request
    const csv = await openCsv(request.input)
    const mapping = request.mapping ?? guessMapping(kind, csv.headers).mapping
    const wrong = mappingProblems(kind, mapping, csv.headers.length)
    if (wrong.length > 0) {
      const hint =
        csv.headers.length === 1
          ? ` The header has a single column (“${csv.headers[0]?.slice(0, 60)}”): is the file delimited by something other than a comma, semicolon, tab or bar?`
          : ''
      return {
        ...failed(request, started, this.now(), `${wrong.join(' ')}${hint}`),
        delimiter: csv.delimiter,
        headers: csv.headers,
      }
    }

    const placements =
      kind === 'accounts' ? await this.placements.forOrg(orgId) : []
    const zips = mapping['zip'] !== undefined ? await zipCentroids() : undefined
    const reader = new RowReader(kind, mapping, csv.headers, {
      zipCentroid: zips,
      // Rows in other currencies are stored in the base one, by the admin's rates.
      ...(mapping['currency'] !== undefined
        ? { currencies: await currencySettings(this.db, orgId) }
        : {}),
    })
    const log = new ProblemLog()
    let placed: Placed = {
      byCoordinates: 0,
      byZip: 0,
      outsideUnits: 0,
      bbox: null,
    }
    let rows = 0
    const progress = (phase: ImportProgress['phase']) =>
      request.onProgress?.({
        phase,
        bytes: csv.bytesRead(),
        totalBytes: request.totalBytes,
        rows,
        rejected: log.rows,
      })

    // New records' ids: one random prefix per import and a counter, not a random draw per
    // row (a million synchronous draws cost seconds).
    const idPrefix = randomBytes(6).toString('base64url')
    let newIds = 0
    const newId = () => `${idPrefix}${(newIds++).toString(36)}`
    let counts = { inserted: 0, updated: 0 }
    const t0 = Date.now()
    const phases = { readMs: 0, checkMs: 0, mergeMs: 0 }
    let accepted = 0
    let stagedRows = 0
    const work = this.db.transaction().execute(async (trx) => {
      const stage = new Stage(trx, kind)
      await stage.create()
      for await (const { cells, line } of csv.records) {
        rows++
        if (rows % PROGRESS_EVERY === 0) progress('reading')
        const result = reader.read(cells, line)
        if (!result.ok) {
          log.addRow(result.problems)
          continue
        }
        const row = result.row
        await stage.add(stageValues(kind, row, line, newId, placements))
      }
      await stage.flush()
      stagedRows = stage.written
      phases.readMs = Date.now() - t0
      progress('writing')
      const found = await stagedProblems(
        trx,
        kind,
        orgId,
        csv.headers[
          mapping[kind === 'sales' ? 'accountExternalId' : 'externalId']!
        ] ?? 'External id',
        LISTED_PROBLEMS,
      )
      for (const group of found) {
        log.addCounted(group.problems, group.total)
        stagedRows -= group.total
      }
      if (kind === 'accounts') placed = await stagedPlacement(trx)
      phases.checkMs = Date.now() - t0 - phases.readMs
      if (request.mode === 'atomic' && log.rows > 0 && !request.dryRun)
        throw new RollBack()
      counts = await mergeStage(
        trx,
        kind,
        orgId,
        placements.map((p) => p.layerId),
      )
      phases.mergeMs = Date.now() - t0 - phases.readMs - phases.checkMs
      accepted = stagedRows
      if (request.dryRun) throw new RollBack()
    })
    await work.catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error
    })
    progress('done')

    const rejected = log.rows
    const status = request.dryRun
      ? 'validated'
      : request.mode === 'atomic' && rejected > 0
        ? 'rejected'
        : 'imported'
    return {
      kind,
      mode: request.mode,
      dryRun: request.dryRun,
      status,
      message: sentence(status, request, rows, rejected, counts),
      delimiter: csv.delimiter,
      headers: csv.headers,
      rows,
      accepted: status === 'rejected' ? 0 : accepted,
      inserted: status === 'rejected' ? 0 : counts.inserted,
      updated: status === 'rejected' ? 0 : counts.updated,
      rejected,
      problems: [...log.listed]
        .sort((a, b) => a.line - b.line)
        .slice(0, LISTED_PROBLEMS),
      problemCount: log.count,
      problemSummary: log.summaryRows(),
      ...(kind === 'accounts' ? { placement: placed } : {}),
      durationMs: this.now().getTime() - started.getTime(),
      phases,
    }
  }
}

/** One staged row in `STAGE_COLUMNS` order. */
function stageValues(
  kind: ImportKind,
  row: AccountImport | RepImport | SalesImport,
  line: number,
  newId: () => string,
  placements: readonly Placement[],
): unknown[] {
  switch (kind) {
    case 'accounts': {
      const a = row as AccountImport
      const [lon, lat] = a.location
      const [first, ...more] = placements
      const unit = first ? first.locate(lon, lat) : null
      return [
        line,
        `acc_${newId()}`,
        a.externalId,
        a.name,
        a.industry,
        a.sizeBand ?? bandOfRevenue(a.annualRevenue),
        lon,
        lat,
        unit,
        more.length > 0
          ? more.map((p) => p.locate(lon, lat) ?? '').join('\t')
          : null,
        a.annualRevenue,
        a.potential,
        a.workloadMinutes,
        a.placedBy === 'zip',
      ]
    }
    case 'reps': {
      const r = row as RepImport
      return [
        line,
        `rep_${newId()}`,
        r.externalId,
        r.name,
        r.email,
        r.homeCity,
        r.home[0],
        r.home[1],
        r.weeklyCapacityMinutes,
        r.industries.length > 0 ? r.industries : null,
        r.experience,
      ]
    }
    case 'sales': {
      const s = row as SalesImport
      return [line, s.accountExternalId, s.month, s.amount]
    }
  }
}

/** A size band from annual revenue when the file gives neither band nor headcount. */
function bandOfRevenue(revenue: number | null) {
  if (revenue === null) return null
  if (revenue < 5e6) return 'small'
  if (revenue < 50e6) return 'mid'
  if (revenue < 500e6) return 'large'
  return 'enterprise'
}

function sentence(
  status: ImportReport['status'],
  request: ImportRequest,
  rows: number,
  rejected: number,
  counts: { inserted: number; updated: number },
): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const what = `${n(counts.inserted)} new and ${n(counts.updated)} updated ${request.kind === 'sales' ? 'sales months' : request.kind}`
  switch (status) {
    case 'rejected':
      return `Nothing was imported: ${n(rejected)} of ${n(rows)} rows have problems, and an atomic import is all or nothing. Fix them, or import in upsert mode to take the good rows.`
    case 'validated':
      return rejected > 0
        ? `Dry run: ${n(rejected)} of ${n(rows)} rows have problems, so an atomic import would write nothing; an upsert would write ${what}. Nothing was written.`
        : `Dry run: all ${n(rows)} rows are good (${what}). Nothing was written.`
    default:
      return rejected > 0
        ? `Imported ${what}; ${n(rejected)} rows with problems were skipped.`
        : `Imported ${what}.`
  }
}

function failed(
  request: ImportRequest,
  started: Date,
  now: Date,
  message: string,
): ImportReport {
  return {
    kind: request.kind,
    mode: request.mode,
    dryRun: request.dryRun,
    status: 'failed',
    message: `Nothing was imported. ${message}`,
    delimiter: ',',
    headers: [],
    rows: 0,
    accepted: 0,
    inserted: 0,
    updated: 0,
    rejected: 0,
    problems: [],
    problemCount: 0,
    problemSummary: [],
    durationMs: now.getTime() - started.getTime(),
  }
}
