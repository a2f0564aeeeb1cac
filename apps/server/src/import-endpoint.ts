import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { findRequestSession } from '@tessera/api'
import type { Database } from '@tessera/db'
import type { ImportKind } from '@tessera/importer'
import type { Importer, ImportProgress, ImportResult } from '@tessera/ingest'

export interface ImportEndpointDeps {
  db: Kysely<Database>
  importer: Importer
  log: Logger
  sessionSecret?: string | undefined
  now: () => Date
  /** After rows were written: drop caches, tell open maps, check drift. */
  onImported: (orgId: string, result: ImportResult) => void
}

export const IMPORT_PATH = '/api/import'
/** Browsers cannot send this header cross-site without a preflight we never grant (CSRF). */
export const IMPORT_HEADER = 'x-tessera-import'
const KINDS = new Set(['accounts', 'reps', 'sales'])
const MAX_BYTES = 2 * 1024 ** 3

/**
 * `POST /api/import?kind=…&mode=atomic|upsert&dryRun=1&fileName=…&mapping={json}` with the
 * CSV as the request body, streamed into the importer as it arrives (tRPC would buffer a
 * 100 MB upload whole). The answer is NDJSON: progress lines while rows are read, then one
 * `{"type":"done","report":…}` line, so the wizard's progress bar follows the server's
 * parsing. Admins and planners may import; one import per organization at a time.
 */
export function createImportEndpoint(deps: ImportEndpointDeps) {
  const running = new Map<string, string>()
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return fail(res, 405, 'Use POST with the CSV file as the body.')
    }
    const session = await findRequestSession(deps.db, req, {
      sessionSecret: deps.sessionSecret,
      now: deps.now(),
    })
    if (!session) return fail(res, 401, 'Sign in to import data.')
    if (req.headers[IMPORT_HEADER] !== '1')
      return fail(res, 403, `Imports need the ${IMPORT_HEADER} header.`)
    const { user } = session
    if (user.role !== 'admin' && user.role !== 'planner')
      return fail(res, 403, 'Only admins and planners may import data.')

    const url = new URL(req.url ?? '/', 'http://x')
    const kind = url.searchParams.get('kind') ?? ''
    const mode = url.searchParams.get('mode') ?? 'atomic'
    const dryRun = url.searchParams.get('dryRun') === '1'
    const fileName = url.searchParams.get('fileName') || 'upload.csv'
    if (!KINDS.has(kind))
      return fail(res, 400, 'kind must be accounts, reps or sales.')
    if (mode !== 'atomic' && mode !== 'upsert')
      return fail(res, 400, 'mode must be atomic or upsert.')
    let mapping: Record<string, number> | undefined
    const rawMapping = url.searchParams.get('mapping')
    if (rawMapping) {
      try {
        mapping = parseMapping(JSON.parse(rawMapping))
      } catch {
        return fail(
          res,
          400,
          'mapping must be a JSON object of field → column number.',
        )
      }
    }
    const length = Number(req.headers['content-length'] ?? NaN)
    if (length > MAX_BYTES)
      return fail(res, 413, 'The file is larger than 2 GB: split it.')
    const busy = running.get(user.orgId)
    if (busy)
      return fail(
        res,
        409,
        `An import is already running for your organization (${busy}). Try again when it ends.`,
      )

    running.set(user.orgId, `${fileName}, by ${user.displayName}`)
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8')
    res.setHeader('Cache-Control', 'no-store')
    // No buffering proxies: progress must reach the browser as it happens.
    res.setHeader('X-Accel-Buffering', 'no')
    let last = 0
    const send = (line: unknown) => res.write(`${JSON.stringify(line)}\n`)
    try {
      const result = await deps.importer.run({
        orgId: user.orgId,
        kind: kind as ImportKind,
        mode,
        dryRun,
        fileName,
        mapping,
        input: req,
        totalBytes: Number.isFinite(length) ? length : undefined,
        startedBy: user.id,
        onProgress: (p: ImportProgress) => {
          const t = Date.now()
          if (p.phase === 'reading' && t - last < 200) return
          last = t
          send({ type: 'progress', ...p })
        },
      })
      if (!result.dryRun && result.inserted + result.updated > 0)
        deps.onImported(user.orgId, result)
      send({ type: 'done', report: result })
    } catch (error) {
      deps.log.error({ err: error, kind, fileName }, 'import failed')
      send({
        type: 'error',
        message: req.destroyed
          ? 'The upload was interrupted; nothing was imported.'
          : 'The import failed on the server; nothing was imported. Try again, and tell an admin if it keeps failing.',
      })
    } finally {
      running.delete(user.orgId)
      res.end()
    }
  }
}

function parseMapping(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('not an object')
  const mapping: Record<string, number> = {}
  for (const [field, column] of Object.entries(value)) {
    if (typeof column !== 'number' || !Number.isInteger(column))
      throw new TypeError('not a column number')
    mapping[field] = column
  }
  return mapping
}

function fail(res: ServerResponse, status: number, error: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify({ error }))
}
