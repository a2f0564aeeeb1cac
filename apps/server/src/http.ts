import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { existsSync } from 'node:fs'
import compression from 'compression'
import sirv from 'sirv'
import { createHTTPHandler } from '@trpc/server/adapters/standalone'
import { type ApiDeps, appRouter, createContextFactory } from '@tessera/api'
import {
  CloseCode,
  type DocRef,
  type Hub,
  docNameOf,
  parseDocName,
} from '@tessera/collab'
import type { Logger } from 'pino'
import { type RawData, WebSocketServer } from 'ws'
import { createLeadApi } from './lead-api.js'
import { SOCKET_IO_PATH, type SocketIo } from './socket.js'
import { IMPORT_PATH } from './import-endpoint.js'

export interface HttpDeps {
  api: ApiDeps
  webDist: string
  log: Logger
  /** Serves `/socket.io/` long-polling requests. */
  socketIo: Pick<SocketIo, 'handleRequest'>
  /** Liveness details for /healthz. */
  health: () => Promise<{ ok: boolean; database: string }>
  /** `POST /api/import`: streamed CSV uploads (see import-endpoint.ts). */
  importUpload?: (req: IncomingMessage, res: ServerResponse) => Promise<void>
}

/** Queries whose answers change only when a layer is rebuilt: let the browser keep them a while. */
const CACHEABLE = new Set(['geo.layer', 'geo.adjacency'])

/**
 * The one request handler behind the one port: `/healthz`, `/trpc/*`, the API-key endpoint
 * `/api/v1/route`, socket.io's long-polling at `/socket.io/`, and the built web app with an
 * SPA fallback. Responses are gzip/brotli-compressed when the client accepts it.
 */
export function createRequestHandler(deps: HttpDeps) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: createContextFactory(deps.api),
    responseMeta: ({ paths, errors, type }) =>
      type === 'query' &&
      errors.length === 0 &&
      paths?.every((p) => CACHEABLE.has(p))
        ? { headers: { 'cache-control': 'private, max-age=300' } }
        : { headers: { 'cache-control': 'no-store' } },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.log.error({ err: error.cause ?? error, path }, 'tRPC error')
    },
  })
  const compress = compression({ threshold: 1024 })
  const leadApi = createLeadApi(deps)
  const hasWeb = existsSync(deps.webDist)
  const serveStatic = hasWeb
    ? sirv(deps.webDist, {
        single: true,
        gzip: true,
        brotli: true,
        etag: true,
        // Hashed asset names never change; index.html must always be revalidated.
        setHeaders: (res, pathname) =>
          res.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/')
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          ),
      })
    : undefined

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/'
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      void deps.health().then(
        (h) => sendJson(res, h.ok ? 200 : 503, h),
        () => sendJson(res, 503, { ok: false, database: 'unreachable' }),
      )
      return
    }
    if (
      deps.importUpload &&
      (url === IMPORT_PATH || url.startsWith(`${IMPORT_PATH}?`))
    ) {
      void deps.importUpload(req, res).catch((error: unknown) => {
        deps.log.error({ err: error }, 'import endpoint')
        if (!res.headersSent) sendJson(res, 500, { error: 'Import failed.' })
        else res.end()
      })
      return
    }
    if (url.startsWith('/trpc/')) {
      compress(req as never, res as never, () => void trpc(req, res))
      return
    }
    // The plain HTTP API for CRMs (API keys, not sessions); never the SPA's index.html.
    if (url.startsWith('/api/')) {
      if (url === '/api/v1/route' || url.startsWith('/api/v1/route?'))
        compress(req as never, res as never, () => leadApi(req, res))
      else sendJson(res, 404, { error: 'No such endpoint.' })
      return
    }
    if (url.startsWith(`${SOCKET_IO_PATH}/`)) {
      deps.socketIo.handleRequest(req, res)
      return
    }
    // Never the SPA's index.html for a socket.io path socket.io does not serve.
    if (url.startsWith(SOCKET_IO_PATH)) {
      sendJson(res, 404, { error: 'Not found.' })
      return
    }
    if (url.startsWith('/yjs/')) {
      sendJson(res, 501, {
        error:
          'This endpoint is reserved for live collaboration and is not enabled yet.',
      })
      return
    }
    if (!serveStatic) {
      res.statusCode = 503
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(
        'The web app is not built. Run `npm start` (it builds first) or `npx nx run web:build`.\n',
      )
      return
    }
    compress(req as never, res as never, () => serveStatic(req, res))
  }
}

/** Who may open a hub document, decided per upgrade request. */
export type DocAccess =
  | { ok: true; canWrite: boolean; userId?: string }
  | { ok: false; code: number; reason: string }

/**
 * Upgrades: `/yjs/<docName>` goes to the Yjs hub once `authorize` has checked the session
 * and the document (refusals complete the handshake and close with a named code, so the
 * client can tell "sign in" from "not yours"); `/socket.io/` goes to socket.io, which
 * checks the session itself at its handshake.
 */
export function createUpgradeHandler(deps: {
  hub: Hub
  socketIo: Pick<SocketIo, 'handleUpgrade'>
  authorize: (req: IncomingMessage, doc: DocRef) => Promise<DocAccess>
  log: Logger
}) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
  })
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = req.url ?? '/'
    if (url.startsWith('/yjs/')) {
      const doc = parseDocName(url)
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (!doc) {
          ws.close(CloseCode.BadDocName, 'no such document')
          return
        }
        // The client speaks first (sync step 1 on open), while authorization still awaits
        // the database: hold those frames and hand them over in order, or they are lost.
        const early: [RawData, boolean][] = []
        const hold = (data: RawData, isBinary: boolean) =>
          early.push([data, isBinary])
        ws.on('message', hold)
        deps
          .authorize(req, doc)
          .then((access) => {
            ws.off('message', hold)
            if (!access.ok) {
              ws.close(access.code, access.reason)
              return
            }
            deps.hub.connect(ws, docNameOf(doc), {
              canWrite: access.canWrite,
              userId: access.userId,
            })
            for (const [data, isBinary] of early)
              ws.emit('message', data, isBinary)
          })
          .catch((error: Error) => {
            deps.log.error({ err: error }, 'hub: authorizing failed')
            ws.close(1011, 'try again')
          })
      })
      return
    }
    if (url.startsWith(`${SOCKET_IO_PATH}/`)) {
      deps.socketIo.handleUpgrade(req, socket, head)
      return
    }
    socket.end(
      'HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
    )
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}
