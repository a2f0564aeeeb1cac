import type { IncomingMessage, ServerResponse } from 'node:http'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { Logger } from 'pino'
import type { z } from 'zod'
import {
  type ApiDeps,
  RouteLeadsInput,
  authenticateApiKey,
  routeLeadsForOrg,
} from '@tessera/api'

/** Room for 10,000 leads with ids and addresses, and little more. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

/**
 * `POST /api/v1/route`: lead routing for CRMs that do not speak tRPC. The caller is an API
 * key (`Authorization: Bearer tsk_…`) and acts for its organization; the body is the
 * `routing.route` input (`planId` may be left out when the organization has one plan) and
 * the answer is the procedure's. Refusals are JSON `{ "error": … }` with the status a
 * CRM's HTTP client understands: 405, 401, 413, 400, 404.
 */
export function createLeadApi(deps: { api: ApiDeps; log: Logger }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void route(deps.api, req, res).catch((error: unknown) => {
      deps.log.error({ err: error }, 'lead routing over HTTP failed')
      if (!res.headersSent)
        sendJson(res, 500, { error: 'Something went wrong on the server.' })
      else res.destroy()
    })
  }
}

async function route(
  api: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return sendJson(res, 405, {
      error:
        'Use POST with a JSON body: { "leads": [{ "lat", "lon" } or { "zip" }] }.',
    })
  }
  const auth = await authenticateApiKey(
    api.db,
    req.headers.authorization,
    api.now(),
  )
  if (!auth.ok) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    return sendJson(res, 401, { error: auth.message })
  }
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) {
    // The rest of the body is not read: close rather than keep a half-read connection.
    res.setHeader('Connection', 'close')
    return sendJson(res, 413, {
      error: `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB: send at most 10,000 leads a call.`,
    })
  }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    return sendJson(res, 400, {
      error: `The body is not valid JSON: ${(error as Error).message}`,
    })
  }
  const input = RouteLeadsInput.safeParse(json)
  if (!input.success) {
    const issues = input.error.issues.map((i) => ({
      path: pathOf(i.path),
      message: i.message,
    }))
    const first = issues[0]!
    return sendJson(res, 400, {
      error: first.path ? `${first.path}: ${first.message}` : first.message,
      issues,
    })
  }
  try {
    sendJson(res, 200, await routeLeadsForOrg(api, auth.orgId, input.data))
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR')
      throw error
    sendJson(res, getHTTPStatusCodeFromError(error), { error: error.message })
  }
}

/** `leads[3].lat`, as a person reading their JSON would name the place. */
function pathOf(path: z.core.$ZodIssue['path']): string {
  return path
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`,
    )
    .join('')
}

/**
 * The body as text, or null once it passes `max` bytes (said up front or counted). The rest
 * of a body too large is read and dropped, not cut off, so the client gets the 413.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = Number(req.headers['content-length'] ?? 0)
    let over = size > max
    if (over) resolve(null)
    size = 0
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > max) {
        over = true
        chunks.length = 0
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}
