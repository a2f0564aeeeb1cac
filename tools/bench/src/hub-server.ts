// A hub process for `npm run bench:hub`: MODE=tessera serves our Hub on PostgreSQL
// (DATABASE_URL, migrated) with Redis fan-out when REDIS_URL is set; MODE=bare serves the
// reference `@y/websocket-server` (in memory, no persistence, no checks). Websocket path:
// /<docName>. Prints `READY <port>` when listening.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { Hub, RedisDocBus } from '@tessera/collab'
import { createYjsDocStore, migrateToLatest, openDatabase } from '@tessera/db'
import { WebSocketServer } from 'ws'

const mode = process.env['MODE'] ?? 'tessera'
const http = createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({
  noServer: true,
  maxPayload: 16 * 1024 * 1024,
})

if (mode === 'bare') {
  http.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)),
  )
} else {
  const db = await openDatabase({
    databaseUrl: process.env['DATABASE_URL'],
    dataDir: 'memory://',
  })
  await migrateToLatest(db.db)
  const bus = process.env['REDIS_URL']
    ? await RedisDocBus.connect(process.env['REDIS_URL'], {
        prefix: process.env['BUS_PREFIX'] ?? 'bench:yjs:',
      })
    : undefined
  const hub = new Hub({
    store: createYjsDocStore(db.db),
    bus,
    onError: (error) => console.error(error),
  })
  http.on('upgrade', (req, socket, head) => {
    const docName = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]!)
    wss.handleUpgrade(req, socket, head, (ws) =>
      hub.connect(ws, docName, { canWrite: true }),
    )
  })
}

http.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  console.log(`READY ${(http.address() as AddressInfo).port}`)
})
