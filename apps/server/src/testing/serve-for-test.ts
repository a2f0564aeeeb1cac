// A real server process for tests that must kill it (SIGKILL) and start it again: the
// configuration comes from the environment; a small demo is seeded on first start.
import { pino } from 'pino'
import { seedDemoIfEmpty } from '@tessera/demo-data'
import { startServer } from '../app.js'
import { loadConfig } from '../config.js'

const loaded = loadConfig(process.env)
if (!loaded.ok) {
  console.error(loaded.message)
  process.exit(1)
}
const running = await startServer(loaded.config, {
  log: pino({ level: 'silent' }),
  seedIfEmpty: async (h) =>
    void (await seedDemoIfEmpty(h.db, { accounts: 2_000 })),
})
console.log(`READY ${running.url}`)
