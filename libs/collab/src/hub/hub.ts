import type { WebSocket } from 'ws'
import { CloseCode } from '../close-codes.js'
import type { DocBus } from './bus.js'
import type { DocStore } from './doc-store.js'
import type * as Y from 'yjs'
import { type Peer, Room } from './room.js'

export interface HubOptions {
  store: DocStore
  /** How long an empty room stays in memory before it is evicted (ms). */
  idleMs?: number
  /** Other hub processes serving the same documents (Redis in production). */
  bus?: DocBus
  /** Largest frame accepted (bytes); bigger ones close the connection. */
  maxFrameBytes?: number
  /** Compaction thresholds (see `RoomOptions`). */
  compactAfter?: number
  compactBytes?: number
  onError?: (error: Error, context: { docName: string }) => void
  /**
   * Called once a document is loaded into memory, to watch it (the server summarises plan
   * edits per user: see `originUserId`); what it returns is called when the room is evicted
   * or the hub closes.
   */
  onRoomLoaded?: (docName: string, doc: Y.Doc) => (() => void) | void
}

/**
 * The Yjs hub: rooms of documents shared by the y-websocket protocol. The server decides
 * who may connect and whether they may write (see `apps/server`); the hub serves the
 * protocol, keeps each document loaded while in use and evicts it when idle.
 */
export class Hub {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  /** What each watched room's `onRoomLoaded` left to call when it goes. */
  private readonly unwatch = new Map<Room, () => void>()

  constructor(private readonly options: HubOptions) {}

  /** Serves one websocket for `docName`, as a writer or a reader. */
  connect(
    ws: WebSocket,
    docName: string,
    access: { canWrite: boolean; userId?: string | undefined },
  ): void {
    const room = this.room(docName)
    const maxBytes = this.options.maxFrameBytes ?? 16 * 1024 * 1024
    const peer: Peer = {
      canWrite: access.canWrite,
      userId: access.userId,
      send: (data) => {
        if (ws.readyState === ws.OPEN) ws.send(data, { binary: true })
      },
      close: (code, reason) => ws.close(code, reason),
    }
    // Frames that arrive while the document loads wait for it, in order.
    let queue = room.ready.then(() => {
      if (ws.readyState !== ws.OPEN) return
      room.join(peer)
    })
    queue.catch((error: Error) => {
      this.options.onError?.(error, { docName })
      ws.close(1011, 'the document could not be loaded')
    })
    ws.on('message', (data, isBinary) => {
      const bytes = toBytes(data)
      if (bytes.byteLength > maxBytes) {
        ws.close(CloseCode.TooLarge, 'frame too large')
        return
      }
      if (!isBinary) {
        ws.close(CloseCode.MalformedMessage, 'binary y-websocket frames only')
        return
      }
      queue = queue.then(() => {
        if (!room.peers.has(peer)) return
        try {
          room.receive(peer, bytes)
        } catch {
          ws.close(CloseCode.MalformedMessage, 'a frame could not be decoded')
        }
      })
    })
    ws.on('close', () => {
      void queue.then(() => {
        room.leave(peer)
        if (room.peers.size === 0) this.scheduleEviction(docName, room)
      })
    })
  }

  /** Rooms in memory (for health and tests). */
  get roomCount(): number {
    return this.rooms.size
  }

  /** The room of `docName` if it is in memory (tests, benchmarks). */
  roomOf(docName: string): Room | undefined {
    return this.rooms.get(docName)
  }

  /** Waits until every received update of every room is stored and broadcast. */
  async settled(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => r.settled()))
  }

  /**
   * Who may open `docName` changed: everyone connected to it, in this process and (over the
   * bus) in every other, is disconnected and reconnects under the new rules.
   */
  async revoke(docName: string, reason: string): Promise<void> {
    this.rooms.get(docName)?.disconnectAll(reason)
    await this.options.bus?.publish(docName, { kind: 'revoke', reason })
  }

  async close(): Promise<void> {
    for (const t of this.idleTimers.values()) clearTimeout(t)
    await this.settled()
    for (const room of this.rooms.values()) this.drop(room)
    this.rooms.clear()
  }

  private room(docName: string): Room {
    const timer = this.idleTimers.get(docName)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(docName)
    }
    let room = this.rooms.get(docName)
    if (!room) {
      room = new Room(docName, {
        store: this.options.store,
        bus: this.options.bus,
        compactAfter: this.options.compactAfter,
        compactBytes: this.options.compactBytes,
        onError: (error) => this.options.onError?.(error, { docName }),
      })
      this.rooms.set(docName, room)
      const loaded = room
      room.ready.then(
        () => {
          const off = this.options.onRoomLoaded?.(docName, loaded.doc)
          if (!off) return
          // Evicted or closed while loading: the watch ends at once.
          if (this.rooms.get(docName) === loaded) this.unwatch.set(loaded, off)
          else off()
        },
        () => this.rooms.delete(docName),
      )
    }
    return room
  }

  private drop(room: Room): void {
    const off = this.unwatch.get(room)
    this.unwatch.delete(room)
    try {
      off?.()
    } finally {
      room.destroy()
    }
  }

  private scheduleEviction(docName: string, room: Room): void {
    const t = setTimeout(() => {
      this.idleTimers.delete(docName)
      if (room.peers.size > 0 || this.rooms.get(docName) !== room) return
      void room.settled().then(() => {
        if (room.peers.size > 0) return
        this.rooms.delete(docName)
        this.drop(room)
      })
    }, this.options.idleMs ?? 30_000)
    t.unref()
    this.idleTimers.set(docName, t)
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data))
    return new Uint8Array(Buffer.concat(data as Buffer[]))
  return new Uint8Array(0)
}
