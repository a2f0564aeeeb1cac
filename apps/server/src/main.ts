import { pino } from 'pino'
import pretty from 'pino-pretty'
import { loadConfig } from './config.js'
import { StartupError, startServer } from './app.js'
import { demoLoginLines, seedDemoIfEmpty } from '@tessera/demo-data'

/** Entry point: configuration, start, the banner, and graceful shutdown on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env)
  if (!loaded.ok) {
    console.error(
      `Tessera cannot start: invalid configuration: ${loaded.message}`,
    )
    process.exit(1)
  }
  const config = loaded.config
  const started = Date.now()
  // Readable lines in a terminal, JSON lines when piped to a log collector.
  const log = process.stdout.isTTY
    ? pino(
        { level: config.LOG_LEVEL },
        pretty({
          colorize: true,
          ignore: 'pid,hostname',
          translateTime: 'HH:MM:ss',
          sync: true,
        }),
      )
    : pino({ level: config.LOG_LEVEL })
  let running
  try {
    running = await startServer(config, {
      log,
      seedIfEmpty: async (handle, log) => {
        const seeded = await seedDemoIfEmpty(handle.db, {
          region: config.DEMO_REGION,
          onProgress: (m) => log.info(m),
        })
        if (seeded)
          console.log(
            `Loaded the demo data in ${(seeded.ms / 1000).toFixed(1)} s.`,
          )
      },
    })
  } catch (error) {
    console.error(
      `Tessera cannot start: ${error instanceof StartupError ? error.message : String(error)}`,
    )
    process.exit(1)
  }
  console.log(
    `Tessera is running at ${running.url}  (database: ${running.db.kind} ${running.db.location}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
  for (const line of await demoLoginLines(running.db.db)) console.log(line)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: shutting down…`)
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`shutdown failed: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

void main()
