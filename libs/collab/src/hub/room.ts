import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCode } from '../close-codes.js'
import { writePermissionDenied } from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { BusMessage, DocBus } from './bus.js'
import type { DocStore } from './doc-store.js'
import {
  Message,
  SyncStep,
  frame,
  readHeader,
  updateFrame,
} from './protocol.js'

/** What the room needs of a connection: send bytes, close, and who it is. */
export interface Peer {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  readonly canWrite: boolean
  /** Who is connected (the server's user id), when the server said. */
  readonly userId?: string | undefined
}

/**
 * The user whose connection a change came from: a room applies each writer's update with
 * its `Peer` as the transaction's origin. Undefined for changes from the store, another
 * hub process, or the room itself.
 */
export function originUserId(origin: unknown): string | undefined {
  return typeof origin === 'object' &&
    origin !== null &&
    'canWrite' in origin &&
    'send' in origin
    ? (origin as Peer).userId
    : undefined
}

/** Least time between two presence updates relayed for one connection (≈10 per second). */
const AWARENESS_MS = 100

/** The default error sink: a room without a logger keeps serving. */
const ignore = (_error: Error): void => undefined

/** The origin of changes that came from another hub process (never sent back to the bus). */
const FROM_BUS = Symbol('bus')

export interface RoomOptions {
  store: DocStore
  /** Other hub processes serving the same documents (scale-out); none when alone. */
  bus?: DocBus
  onError?: (error: Error) => void
  /**
   * Fold the update log into the snapshot, in the background, once this many stored updates
   * (or `compactBytes` of them) are not in it.
   */
  compactAfter?: number
  compactBytes?: number
}

interface Pending {
  update: Uint8Array
  from: Peer
}

/**
 * One document in memory with its connections. Loaded once from the store before any
 * message is served (never half-loaded). Every update a writer sends is checked, appended to
 * the store with the others that arrived meanwhile (one transaction per batch), and only
 * then applied and sent to the other connections — and, through the bus, to the other hub
 * processes, which apply it without storing it again: whatever a collaborator has seen is
 * on disk. Readers' updates are dropped and they are told so (y-protocols' permission
 * denied). Once enough updates pile up, the room folds them into a snapshot of its
 * document without stopping (see `compact`).
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Map<Peer, Set<number>>()
  readonly ready: Promise<void>
  private pending: Pending[] = []
  private readonly awarenessTimes = new Map<
    Peer,
    {
      last: number
      pending: Uint8Array | null
      timer: ReturnType<typeof setTimeout> | null
    }
  >()
  private flushing: Promise<void> | null = null
  private readonly store: DocStore
  private readonly bus: DocBus | undefined
  private readonly onError: (error: Error) => void
  private readonly compactAfter: number
  private readonly compactBytes: number
  private unsubscribe: (() => Promise<void>) | null = null
  /** Bus messages that arrived while the document was loading, in order. */
  private early: BusMessage[] | null = []
  /** Stored updates this document holds that the snapshot does not (ids, total bytes). */
  private unfolded: string[] = []
  private unfoldedBytes = 0
  private generation = 0
  private compacting: Promise<void> | null = null
  private destroyed = false

  constructor(
    readonly name: string,
    options: RoomOptions,
  ) {
    this.store = options.store
    this.bus = options.bus
    this.onError = options.onError ?? ignore
    this.compactAfter = options.compactAfter ?? 500
    this.compactBytes = options.compactBytes ?? 4 * 1024 * 1024
    // The server's own awareness state is not a user: keep it out of what clients see.
    this.awareness.setLocalState(null)
    this.awareness.on(
      'update',
      (
        change: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const ids = [...change.added, ...change.updated, ...change.removed]
        const owner = origin as Peer | null
        if (owner && this.peers.has(owner)) {
          const mine = this.peers.get(owner)!
          for (const id of change.added) mine.add(id)
          for (const id of change.removed) mine.delete(id)
        }
        const update = awarenessProtocol.encodeAwarenessUpdate(
          this.awareness,
          ids,
        )
        const msg = awarenessMessage(update)
        for (const peer of this.peers.keys()) peer.send(msg)
        if (origin !== FROM_BUS) this.toBus({ kind: 'awareness', update })
      },
    )
    this.ready = this.open()
  }

  /**
   * Subscribes to the bus before loading, so an update another process stores meanwhile is
   * not missed (one seen twice is harmless), then asks the others who is here.
   */
  private async open(): Promise<void> {
    if (this.bus)
      this.unsubscribe = await this.bus.subscribe(this.name, (m) => {
        if (this.destroyed) return
        if (this.early) this.early.push(m)
        else this.fromBus(m)
      })
    try {
      const stored = await this.store.load(this.name)
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(this.doc, u)
      this.generation = stored.generation
      this.unfolded = [...stored.updateIds]
      this.unfoldedBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0)
    } catch (error) {
      void this.unsubscribe?.()
      throw error
    }
    const early = this.early ?? []
    this.early = null
    for (const m of early) this.fromBus(m)
    this.toBus({ kind: 'query-awareness' })
    this.maybeCompact()
  }

  /** Adds a connection: sync step 1 and the current presence go out at once. */
  join(peer: Peer): void {
    this.peers.set(peer, new Set())
    peer.send(
      frame((e) => {
        encoding.writeVarUint(e, Message.Sync)
        syncProtocol.writeSyncStep1(e, this.doc)
      }),
    )
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) peer.send(this.awarenessFrame(states))
  }

  /**
   * Presence from one connection is relayed at most every AWARENESS_MS: a burst (a cursor
   * dragged across the map) collapses to its latest state, which supersedes the others.
   */
  private throttledAwareness(peer: Peer, update: Uint8Array): void {
    const now = Date.now()
    const t = this.awarenessTimes.get(peer) ?? {
      last: 0,
      pending: null,
      timer: null,
    }
    this.awarenessTimes.set(peer, t)
    if (now - t.last >= AWARENESS_MS && !t.timer) {
      t.last = now
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
      return
    }
    t.pending = update
    t.timer ??= setTimeout(
      () => {
        t.timer = null
        t.last = Date.now()
        const next = t.pending
        t.pending = null
        if (next && this.peers.has(peer)) {
          try {
            awarenessProtocol.applyAwarenessUpdate(this.awareness, next, peer)
          } catch {
            peer.close(1007, 'malformed presence')
          }
        }
      },
      Math.max(0, t.last + AWARENESS_MS - now),
    )
  }

  /** Removes a connection and the presence it owned. */
  leave(peer: Peer): void {
    const throttle = this.awarenessTimes.get(peer)
    if (throttle?.timer) clearTimeout(throttle.timer)
    this.awarenessTimes.delete(peer)
    const ids = this.peers.get(peer)
    this.peers.delete(peer)
    if (ids && ids.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
  }

  /**
   * Handles one frame from `peer`. Throws on a frame it cannot decode (the caller closes
   * that connection; the document is untouched).
   */
  receive(peer: Peer, data: Uint8Array): void {
    const { type, decoder } = readHeader(data)
    switch (type) {
      case Message.Sync: {
        const step = decoding.readVarUint(decoder)
        if (step === SyncStep.Step1) {
          const sv = decoding.readVarUint8Array(decoder)
          // Checked first: a malformed state vector must close this connection only.
          Y.decodeStateVector(sv)
          peer.send(
            frame((e) => {
              encoding.writeVarUint(e, Message.Sync)
              syncProtocol.writeSyncStep2(e, this.doc, sv)
            }),
          )
        } else if (step === SyncStep.Step2 || step === SyncStep.Update) {
          const update = decoding.readVarUint8Array(decoder)
          // An empty update (a client with nothing new answering sync step 1) is no edit.
          if (update.byteLength <= 2 && update.every((b) => b === 0)) return
          if (!peer.canWrite) {
            peer.send(
              frame((e) => {
                encoding.writeVarUint(e, Message.Auth)
                writePermissionDenied(
                  e,
                  'read-only: your role may not edit this document',
                )
              }),
            )
            return
          }
          // Checked before it is stored: a malformed update must never reach the log.
          Y.decodeUpdate(update)
          this.pending.push({ update, from: peer })
          this.scheduleFlush()
        } else throw new Error(`unknown sync step ${step}`)
        return
      }
      case Message.Awareness: {
        const update = decoding.readVarUint8Array(decoder)
        // Decoded now, so a malformed one closes the connection (the caller catches).
        checkAwarenessUpdate(update)
        this.throttledAwareness(peer, update)
        return
      }
      case Message.QueryAwareness: {
        const states = [...this.awareness.getStates().keys()]
        peer.send(this.awarenessFrame(states))
        return
      }
      case Message.Auth:
        return // clients have nothing to say here
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  /** An awareness frame with the states of `clients`. */
  private awarenessFrame(clients: number[]): Uint8Array {
    return awarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    )
  }

  /** Resolves when every update received so far is stored, sent and (if due) compacted. */
  async settled(): Promise<void> {
    while (this.flushing || this.pending.length > 0 || this.compacting) {
      if (!this.flushing && this.pending.length > 0) this.scheduleFlush()
      await (this.flushing ?? this.compacting)
    }
  }

  private scheduleFlush(): void {
    if (this.flushing) return
    this.flushing = (async () => {
      // Let the frames already in the socket buffers join this batch.
      await new Promise<void>((r) => setImmediate(r))
      while (this.pending.length > 0) {
        const batch = this.pending
        this.pending = []
        let ids: string[]
        try {
          ids = await this.store.append(
            this.name,
            batch.map((p) => p.update),
          )
        } catch (error) {
          // Not stored, so not applied or sent: the senders reconnect and sync again.
          this.onError(error as Error)
          for (const p of new Set(batch.map((b) => b.from)))
            p.close(1011, 'could not store your edits; reconnecting')
          continue
        }
        batch.forEach(({ update, from }, i) => {
          Y.applyUpdate(this.doc, update, from)
          const msg = updateFrame(update)
          for (const peer of this.peers.keys())
            if (peer !== from) peer.send(msg)
          const id = ids[i]
          if (id !== undefined) this.unfolded.push(id)
          this.unfoldedBytes += update.byteLength
        })
        if (this.bus) {
          // One message per batch: the other processes apply the merged update.
          const update =
            batch.length === 1
              ? batch[0]!.update
              : Y.mergeUpdates(batch.map((b) => b.update))
          this.toBus({ kind: 'update', update, ids })
        }
      }
      this.maybeCompact()
    })().finally(() => {
      this.flushing = null
      // Frames that arrived after the last batch was taken get their own.
      if (this.pending.length > 0) this.scheduleFlush()
    })
  }

  /** A message from another hub process serving this document. */
  private fromBus(m: BusMessage): void {
    try {
      if (m.kind === 'update') {
        // Stored by the sender already: apply and relay, never store again.
        Y.applyUpdate(this.doc, m.update, FROM_BUS)
        const msg = updateFrame(m.update)
        for (const peer of this.peers.keys()) peer.send(msg)
        this.unfolded.push(...m.ids)
        this.unfoldedBytes += m.update.byteLength
        this.maybeCompact()
      } else if (m.kind === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          m.update,
          FROM_BUS,
        )
      } else if (m.kind === 'revoke') {
        this.disconnectAll(m.reason)
      } else {
        // Someone just opened the room: tell them who is connected here.
        const mine = [...this.peers.values()].flatMap((ids) => [...ids])
        if (mine.length > 0)
          this.toBus({
            kind: 'awareness',
            update: awarenessProtocol.encodeAwarenessUpdate(
              this.awareness,
              mine,
            ),
          })
      }
    } catch (error) {
      this.onError(error as Error)
    }
  }

  /**
   * Disconnects everyone here (who may open the document changed): edits already received
   * are stored first; each client reconnects and is let in, or not, under the new rules.
   */
  disconnectAll(reason: string): void {
    void this.settled().then(() => {
      for (const peer of [...this.peers.keys()])
        peer.close(CloseCode.AccessChanged, reason)
    })
  }

  private toBus(m: BusMessage): void {
    if (!this.bus || this.destroyed) return
    this.bus.publish(this.name, m).catch((error: Error) => this.onError(error))
  }

  /**
   * Folds the update log into a snapshot once it has grown past the thresholds. The room's
   * document already holds everything, so the snapshot is one encode of it, done between
   * two batches (the room keeps serving: nothing waits on the database write). Only the
   * updates this room has applied are folded; if another process compacted meanwhile, its
   * snapshot is applied first (it may hold updates this one has not seen yet) and the
   * compaction retried.
   */
  private maybeCompact(): void {
    if (
      this.compacting ||
      this.destroyed ||
      (this.unfolded.length < this.compactAfter &&
        this.unfoldedBytes < this.compactBytes)
    )
      return
    this.compacting = (async () => {
      for (let attempt = 0; attempt < 3 && !this.destroyed; attempt++) {
        const folded = this.unfolded
        const bytes = this.unfoldedBytes
        this.unfolded = []
        this.unfoldedBytes = 0
        const state = Y.encodeStateAsUpdate(this.doc)
        let result
        try {
          result = await this.store.compact(this.name, {
            state,
            generation: this.generation,
            folded,
          })
        } catch (error) {
          this.unfolded = [...folded, ...this.unfolded]
          this.unfoldedBytes += bytes
          this.onError(error as Error)
          return
        }
        if (result.ok) {
          this.generation = result.generation
          return
        }
        this.unfolded = [...folded, ...this.unfolded]
        this.unfoldedBytes += bytes
        this.generation = result.generation
        // What that snapshot holds and this room lacked goes to its connections too.
        const relay = (update: Uint8Array) => {
          const msg = updateFrame(update)
          for (const peer of this.peers.keys()) peer.send(msg)
        }
        this.doc.on('update', relay)
        Y.applyUpdate(this.doc, result.snapshot, FROM_BUS)
        this.doc.off('update', relay)
      }
    })().finally(() => {
      this.compacting = null
    })
  }

  /** Stored updates not yet in the snapshot (for tests and health). */
  get unfoldedCount(): number {
    return this.unfolded.length
  }

  destroy(): void {
    this.destroyed = true
    void this.unsubscribe?.().catch(() => undefined)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, Message.Awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

/**
 * Decodes an awareness update the way y-protocols will, without applying it: the count,
 * then per client its id, clock and JSON state. Throws on anything malformed.
 */
function checkAwarenessUpdate(update: Uint8Array): void {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  if (n > 10_000) throw new Error('too many presence states')
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    JSON.parse(decoding.readVarString(d))
  }
}
