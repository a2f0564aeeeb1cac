/**
 * `npm run import -- <accounts|reps|sales> <file.csv> [--dry-run] [--mode atomic|upsert]
 * [--org ID] [--map field=Header]… [--errors problems.csv]`: imports a CRM export into the
 * database named by DATABASE_URL (or the PGlite files in DATA_DIR, default ./.data). Stop
 * the server first when it uses PGlite: the data directory is locked while it runs.
 */
import { createReadStream } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '@tessera/db'
import { csvTable } from '@tessera/domain'
import { FIELDS, type ImportKind } from '@tessera/importer'
import { Importer, type ImportResult, openCsv } from '@tessera/ingest'
import { progressPrinter } from './progress.js'

const USAGE = `Usage: npm run import -- <accounts|reps|sales> <file.csv> [options]
  --dry-run              check every row and count what would change; write nothing
  --mode atomic|upsert   atomic (default): all rows or none; upsert: the good rows, by external id
  --org ID               the organization (needed when the database holds several)
  --map field=Header     map a field to a column by its header (repeatable), e.g. --map externalId="Account Number"
  --errors FILE          write every listed row problem to FILE as CSV
Exit codes: 0 all rows good, 3 imported but rows were skipped, 1 nothing imported, 2 usage.`

class UsageError extends Error {}

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        mode: { type: 'string', default: 'atomic' },
        org: { type: 'string' },
        map: { type: 'string', multiple: true },
        errors: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split(/\.\s/)[0]!)
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [kind, file, ...extra] = positionals
  if (!kind || !file) throw new UsageError('give a kind and a file')
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"`)
  if (kind !== 'accounts' && kind !== 'reps' && kind !== 'sales')
    throw new UsageError(
      `unknown kind "${kind}" (expected accounts, reps or sales)`,
    )
  const mode = values.mode
  if (mode !== 'atomic' && mode !== 'upsert')
    throw new UsageError(`--mode must be atomic or upsert (got "${mode}")`)
  let size: number
  try {
    const s = await stat(file)
    if (!s.isFile()) throw new Error('not a file')
    size = s.size
  } catch {
    throw new Error(`cannot read ${file}: no such file`)
  }
  const mapping = values.map
    ? await mappingFromHeaders(kind, file, values.map)
    : undefined

  const handle = await openDatabase({
    databaseUrl: process.env['DATABASE_URL']?.trim() || undefined,
    dataDir: process.env['DATA_DIR']?.trim() || './.data',
  })
  try {
    const orgId = await pickOrg(handle.db, values.org)
    const started = Date.now()
    const result = await new Importer(handle.db).run({
      orgId,
      kind,
      input: createReadStream(file, { highWaterMark: 256 * 1024 }),
      fileName: basename(file),
      mode,
      dryRun: values['dry-run'],
      mapping,
      totalBytes: size,
      onProgress: progressPrinter(process.stderr, started),
    })
    if (values.errors) await writeProblems(values.errors, result)
    printReport(result, Date.now() - started)
    return result.status === 'failed' || result.status === 'rejected'
      ? 1
      : result.rejected > 0
        ? 3
        : 0
  } finally {
    await handle.close()
  }
}

/** `--map externalId="Account Number"` → field → column index, from the file's header. */
async function mappingFromHeaders(
  kind: ImportKind,
  file: string,
  pairs: string[],
): Promise<Record<string, number>> {
  const csv = await openCsv(createReadStream(file))
  const mapping: Record<string, number> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const field = pair.slice(0, eq).trim()
    const header = pair.slice(eq + 1).trim()
    if (eq < 0 || !FIELDS[kind].some((f) => f.field === field))
      throw new UsageError(
        `--map takes field=Header with a field of ${kind}: ${FIELDS[kind].map((f) => f.field).join(', ')}`,
      )
    const column = csv.headers.findIndex(
      (h) => h.toLowerCase() === header.toLowerCase(),
    )
    if (column < 0)
      throw new UsageError(
        `the file has no column "${header}" (it has: ${csv.headers.join(', ')})`,
      )
    mapping[field] = column
  }
  return mapping
}

async function pickOrg(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  wanted: string | undefined,
): Promise<string> {
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .orderBy('name')
    .execute()
  if (wanted) {
    const org = orgs.find(
      (o) => o.id === wanted || o.name.toLowerCase() === wanted.toLowerCase(),
    )
    if (!org)
      throw new Error(
        `no organization "${wanted}" (there are: ${orgs.map((o) => `${o.name} [${o.id}]`).join(', ') || 'none'})`,
      )
    return org.id
  }
  if (orgs.length === 1) return orgs[0]!.id
  throw new Error(
    orgs.length === 0
      ? 'the database has no organization yet: run npm start or npm run demo:reset first'
      : `the database holds ${orgs.length} organizations: pick one with --org (${orgs.map((o) => `${o.name} [${o.id}]`).join(', ')})`,
  )
}

function printReport(r: ImportResult, ms: number): void {
  const n = (x: number) => x.toLocaleString('en-US')
  console.log(r.message)
  if (r.placement)
    console.log(
      `Placed ${n(r.placement.byCoordinates)} by coordinates and ${n(r.placement.byZip)} by ZIP code; ${n(r.placement.outsideUnits)} lie outside every unit.`,
    )
  if (r.problemSummary.length > 0) {
    console.log('\nProblems by column:')
    for (const s of r.problemSummary.slice(0, 10))
      console.log(`  ${n(s.count).padStart(9)}  ${s.column}: ${s.reason}`)
    console.log('\nFirst rows with problems:')
    for (const p of r.problems.slice(0, 20))
      console.log(
        `  line ${String(p.line).padEnd(8)} ${p.column}: ${p.reason} (${JSON.stringify(p.value)})`,
      )
    if (r.problemCount > 20)
      console.log(
        `  … ${n(r.problemCount - 20)} more${r.problems.length < r.problemCount ? ` (the report lists the first ${n(r.problems.length)})` : ''}`,
      )
  }
  console.log(
    JSON.stringify({
      import: r.kind,
      status: r.status,
      rows: r.rows,
      inserted: r.inserted,
      updated: r.updated,
      rejected: r.rejected,
      ms,
      rowsPerSec: Math.round(r.rows / Math.max(0.001, ms / 1000)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      ...r.phases,
    }),
  )
}

async function writeProblems(file: string, r: ImportResult): Promise<void> {
  await writeFile(
    file,
    csvTable(
      ['line', 'column', 'value', 'reason'],
      r.problems.map((p) => [p.line, p.column, p.value, p.reason]),
    ),
  )
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`import: ${error.message}\n\n${USAGE}`)
      process.exit(2)
    }
    console.error(`import: ${(error as Error).message}`)
    process.exit(1)
  },
)
