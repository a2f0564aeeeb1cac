import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/**
 * The built server (`apps/server/dist`) on a free port with a fresh embedded database and
 * the demo, for a benchmark; or the server `BENCH_URL` names. `stop` ends it and removes
 * its data.
 */
export async function startServer(
  name: string,
  /** A data directory already prepared (it is removed on stop, like a fresh one). */
  prepared?: string,
): Promise<{ url: string; stop: () => void }> {
  const given = process.env['BENCH_URL']
  if (given && !prepared)
    return { url: given.replace(/\/$/, ''), stop: () => undefined }
  const port = await freePort()
  const dataDir =
    prepared ?? mkdtempSync(join(tmpdir(), `tessera-bench-${name}-`))
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'apps/server/dist/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const url = `http://127.0.0.1:${port}`
  const stop = () => {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop }
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  stop()
  throw new Error('the server did not start within 150 s')
}
