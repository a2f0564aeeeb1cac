/**
 * `npm run forecast -- <command> [options]`: backtests the engine's revenue forecaster on
 * any monthly series file, and writes the demo's sales history as one. Results go to stdout
 * as one JSON line (the last line), everything meant for people to stderr; exit codes are
 * those of the engine CLI (0 done, 1 unreadable or invalid file, 2 bad arguments).
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream, realpathSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import {
  type BacktestResult,
  type MonthlySeries,
  backtest,
  formatMonth,
  parseMonth,
  parseSeriesCsv,
} from '@tessera/engine'
import { parseCommand, runWithUsage, wholeNumber } from './args.js'
import { type Io, UserError } from './files.js'

export const FORECAST_USAGE = `usage: npm run forecast -- <command> [options]

  backtest     --csv series.csv [--horizon 12]
               holds out each series' last H months, forecasts them from the rest and
               prints {"bench":"forecast",…} as the last line
  export-demo  --out series.csv [--accounts N] [--seed S]
               writes the demo's monthly sales history as id,month,value
               (default 25000 accounts, at most 100000; the demo's seed)

series files: a header naming id, month and value (any order, other columns ignored), then
one row per series and month; months YYYY-MM or YYYY-MM-DD (rows of one month add up);
months missing between a series' first and last are zero.

exit codes: 0 done, 1 unreadable or invalid file, 2 bad arguments`

/** Runs one forecast command; returns the exit code. User errors print as a message, never a stack. */
export async function runForecastCli(
  argv: readonly string[],
  io: Io,
): Promise<number> {
  return runWithUsage('forecast', FORECAST_USAGE, () => dispatch(argv, io), io)
}

const COMMANDS = {
  backtest: { required: ['csv'], allowed: ['csv', 'horizon'] },
  'export-demo': { required: ['out'], allowed: ['out', 'accounts', 'seed'] },
} as const

const OPTION_NAMES = ['csv', 'horizon', 'out', 'accounts', 'seed'] as const

async function dispatch(argv: readonly string[], io: Io): Promise<void> {
  const parsed = parseCommand(argv, COMMANDS, OPTION_NAMES)
  if (parsed.help) {
    io.stdout(FORECAST_USAGE)
    return
  }
  const { command, opts } = parsed
  if (command === 'backtest') {
    await backtestCommand(
      {
        csv: opts['csv']!,
        horizon: wholeNumber('horizon', opts['horizon'] ?? '12', 1, 120),
      },
      io,
    )
    return
  }
  await exportDemoCommand(
    {
      out: opts['out']!,
      ...(opts['accounts'] !== undefined && {
        // The demo's FULL_HISTORY_MAX_ACCOUNTS: above it the generator keeps 3 months only.
        accounts: wholeNumber('accounts', opts['accounts'], 1, 100_000),
      }),
      ...(opts['seed'] !== undefined && {
        seed: wholeNumber('seed', opts['seed'], 0, 2 ** 32 - 1),
      }),
    },
    io,
  )
}

export interface BacktestArgs {
  csv: string
  horizon: number
}

/** The last stdout line of `backtest`: what a benchmark harness reads. */
export interface BacktestLine {
  bench: 'forecast'
  series: number
  horizon: number
  wape: number | null
  naiveWape: number | null
  seasonalNaiveWape: number | null
  skipped: number
}

/** Reads the file, runs the engine's backtest, prints the table (stderr) and the JSON line (stdout). */
export async function backtestCommand(
  args: BacktestArgs,
  io: Io,
): Promise<BacktestLine> {
  const started = performance.now()
  const series = await readSeriesFile(args.csv)
  const read = performance.now()
  const result = backtest(series, { horizon: args.horizon })
  const done = performance.now()
  if (result.skipped > 0)
    io.stderr(
      `skipped ${result.skipped} of ${series.size} series with fewer than ${args.horizon + 1} months (horizon + 1)\n`,
    )
  if (result.series === 0)
    throw new UserError(
      `no series in "${args.csv}" has more than ${args.horizon} months to hold out`,
    )
  io.stderr(formatTable(result))
  io.stderr(
    `read ${series.size} series in ${Math.round(read - started)} ms, backtest ${Math.round(done - read)} ms\n`,
  )
  const line: BacktestLine = {
    bench: 'forecast',
    series: result.series,
    horizon: args.horizon,
    wape: round4(result.wape),
    naiveWape: round4(result.naiveWape),
    seasonalNaiveWape: round4(result.seasonalNaiveWape),
    skipped: result.skipped,
  }
  io.stdout(JSON.stringify(line))
  return line
}

function round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10_000) / 10_000
}

/** The per-kind table: where the error comes from, and what each kind was forecast with. */
export function formatTable(r: BacktestResult): string {
  const pct = (x: number | null) =>
    x === null ? '—' : `${(100 * x).toFixed(1)}%`
  const total = r.byKind.reduce((s, k) => s + k.actual, 0)
  const rows = [
    ['kind', 'method', 'series', 'revenue', 'WAPE', 'naive', 'seas.naive'],
    ...r.byKind.map((k) => [
      k.kind,
      k.method,
      String(k.series),
      total > 0 ? pct(k.actual / total) : '—',
      pct(k.wape),
      pct(k.naiveWape),
      pct(k.seasonalNaiveWape),
    ]),
    [
      'all',
      '',
      String(r.series),
      total > 0 ? '100%' : '—',
      pct(r.wape),
      pct(r.naiveWape),
      pct(r.seasonalNaiveWape),
    ],
  ]
  const widths = rows[0]!.map((_, c) =>
    Math.max(...rows.map((row) => row[c]!.length)),
  )
  const lines = rows.map((row) =>
    row
      .map((cell, c) =>
        c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join('  '),
  )
  const bias =
    r.bias === null
      ? '—'
      : `${r.bias >= 0 ? '+' : ''}${(100 * r.bias).toFixed(1)}%`
  return `${lines.join('\n')}\nbias (Σ forecast / Σ actual − 1): ${bias}\n`
}

/**
 * Streams a series file through the engine's `parseSeriesCsv` (see it for the format); an
 * unreadable file or a bad line is a {@link UserError} naming the line and the reason.
 */
export async function readSeriesFile(
  path: string,
): Promise<Map<string, MonthlySeries>> {
  const stream = createReadStream(path, { encoding: 'utf8' })
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  try {
    const result = await parseSeriesCsv(lines)
    if (!result.ok)
      throw new UserError(
        result.line > 0
          ? `${path}, line ${result.line}: ${result.reason}`
          : `${path}: ${result.reason}`,
      )
    return result.series
  } catch (error) {
    if (error instanceof UserError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (error as Error).message
    throw new UserError(`cannot read series file "${path}": ${why}`)
  } finally {
    lines.close()
    stream.destroy()
  }
}

export interface ExportDemoArgs {
  out: string
  /** Default: the demo's 25,000. */
  accounts?: number
  /** Default: the demo's seed. */
  seed?: number
}

/**
 * Writes the deterministic demo's monthly sales (`DEMO_AS_OF_MONTH` and the 23 months
 * before it) as `id,month,value`, zero months included — every account has every month, as
 * in the demo's own tables, so prospects are all-zero series. Accounts are capped at the
 * demo's full-history limit: above it the generator keeps only the last few months.
 */
export async function exportDemoCommand(
  args: ExportDemoArgs,
  io: Io,
): Promise<{ accounts: number; rows: number }> {
  // Loaded on demand: the demo-data package brings the database code with it.
  const demo = await import('@tessera/demo-data')
  const data = demo.generateDemoData({
    ...demo.loadDemoInputs(),
    seed: args.seed ?? demo.DEMO_SEED,
    accounts: args.accounts ?? demo.DEFAULT_ACCOUNT_COUNT,
    asOfMonth: demo.DEMO_AS_OF_MONTH,
  })
  const { months, accountIndex, monthIndex, amount } = data.sales
  const monthText = months.map((m) => formatMonth(parseMonth(m) as number))
  function* rows(): Generator<string> {
    yield 'id,month,value'
    for (let k = 0; k < amount.length; k++)
      yield `${data.accounts[accountIndex[k] as number]!.id},${monthText[monthIndex[k] as number]},${amount[k]}`
  }
  await writeLines(args.out, rows())
  io.stderr(
    `wrote ${amount.length} rows (${data.accounts.length} accounts × ${months.length} months, ${monthText[0]} to ${monthText[monthText.length - 1]}) to ${args.out}\n`,
  )
  return { accounts: data.accounts.length, rows: amount.length }
}

/** Writes lines to a file, waiting on back-pressure; a file that cannot be written is a UserError. */
export async function writeLines(
  path: string,
  lines: Iterable<string>,
): Promise<void> {
  const out = createWriteStream(path)
  const failed = once(out, 'error').then(([error]) => {
    throw new UserError(`cannot write "${path}": ${(error as Error).message}`)
  })
  const write = async () => {
    for (const line of lines)
      if (!out.write(`${line}\n`))
        await Promise.race([once(out, 'drain'), failed])
    out.end()
    await Promise.race([once(out, 'finish'), failed])
  }
  await Promise.race([write(), failed])
}

function isMain(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (isMain()) {
  const io: Io = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  }
  process.exitCode = await runForecastCli(process.argv.slice(2), io)
}
