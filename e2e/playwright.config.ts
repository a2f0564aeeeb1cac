import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive Debian's Chromium (browsers cannot be downloaded here) against the
 * real built server on a fresh embedded database, exactly what `npm start` gives a new user.
 */
const port = Number(process.env['E2E_PORT'] ?? 4173)
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-'))
// The European demo (H3 cells, several currencies) on a server of its own, next port up
// (see europeURL in src/support.ts). 127.0.0.1, not localhost: cookies ignore ports, and
// the two servers' session cookies must not overwrite each other.
const europeDataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-europe-'))

export default defineConfig({
  testDir: './src',
  outputDir: '../tmp/e2e-results',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    // A failed test keeps its trace (actions, DOM snapshots, network, console) and a
    // screenshot of each page; the trace's own screencast is off: it encodes a frame of every
    // page on every repaint, which with the map drawn in software roughly doubled Chromium's
    // CPU time (a sign-in took 2.4× the CPU) and slowed every test on two cores.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: [
    {
      command: 'node apps/server/dist/main.js',
      cwd: '..',
      url: `http://localhost:${port}/healthz`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
    },
    {
      command: 'node apps/server/dist/main.js',
      cwd: '..',
      url: `http://127.0.0.1:${port + 1}/healthz`,
      timeout: 240_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port + 1),
        DATA_DIR: europeDataDir,
        DEMO_REGION: 'europe',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        REDIS_URL: '',
      },
    },
  ],
})
