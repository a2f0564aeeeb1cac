/**
 * `npm run demo:reset [-- --accounts N] [--seed S] [--region us|europe]`: wipes the database named by
 * DATABASE_URL (or the PGlite files in DATA_DIR, default ./.data) and loads a fresh demo.
 * Stop the server first when it uses PGlite: the data directory is locked while it runs.
 */
import { parseArgs } from 'node:util'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '@tessera/db'
import {
  DEMO_REGIONS,
  type DemoRegionChoice,
  DEMO_SEED,
  demoLoginLines,
  generateAndSeed,
  resetDatabase,
} from './seed.js'

function fail(message: string): never {
  console.error(`demo:reset: ${message}`)
  process.exit(1)
}

async function dirSize(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, {
    withFileTypes: true,
    recursive: true,
  })) {
    if (entry.isFile())
      total += (await stat(join(entry.parentPath, entry.name))).size
  }
  return total
}

async function main(): Promise<void> {
  let values
  let positionals
  try {
    ;({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        accounts: { type: 'string', default: '25000' },
        seed: { type: 'string', default: String(DEMO_SEED) },
        region: { type: 'string', default: 'us' },
      },
    }))
  } catch (error) {
    fail(
      `${(error as Error).message}. Usage: npm run demo:reset -- [--accounts N] [--seed S] [--region us|europe]`,
    )
  }
  if (positionals.length > 0 && positionals[0] !== 'reset')
    fail(`unknown command ${positionals[0]} (expected: reset)`)
  const accounts = Number(values.accounts)
  const seed = Number(values.seed)
  if (!Number.isInteger(accounts) || accounts < 100 || accounts > 2_000_000) {
    fail(
      `--accounts must be a whole number from 100 to 2,000,000 (got ${JSON.stringify(values.accounts)})`,
    )
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    fail(
      `--seed must be a whole number from 0 to 4294967295 (got ${JSON.stringify(values.seed)})`,
    )
  }
  const region = values.region as DemoRegionChoice
  if (!DEMO_REGIONS.includes(region))
    fail(
      `--region must be one of ${DEMO_REGIONS.join(', ')} (got ${JSON.stringify(values.region)})`,
    )
  const databaseUrl = process.env['DATABASE_URL']?.trim() || undefined
  const dataDir = process.env['DATA_DIR']?.trim() || './.data'

  let handle
  try {
    handle = await openDatabase({ databaseUrl, dataDir })
  } catch (error) {
    fail((error as Error).message)
  }
  try {
    console.log(`Resetting ${handle.kind} database at ${handle.location} …`)
    await resetDatabase(handle.db)
    const report = await generateAndSeed(handle.db, {
      accounts,
      seed,
      region,
      onProgress: (m) => console.log(`  ${m}`),
    })
    const size =
      handle.kind === 'postgres'
        ? Number(
            (
              await sql<{
                n: string
              }>`select pg_database_size(current_database()) as n`.execute(
                handle.db,
              )
            ).rows[0]?.n,
          )
        : null
    for (const line of await demoLoginLines(handle.db)) console.log(line)
    await handle.close()
    const bytes = size ?? (await dirSize(handle.location))
    console.log(
      JSON.stringify({
        demoBuildMs: Math.round(report.ms),
        units: report.units,
        accounts: report.accounts,
        salesRows: report.salesRows,
        databaseMB: Math.round(bytes / 1e5) / 10,
      }),
    )
  } catch (error) {
    await handle.close().catch(() => undefined)
    fail((error as Error).message)
  }
}

void main()
