import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { writePermissionDenied } from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
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
}

/** Least time between two presence updates relayed for one connection (≈10 per second). */
const AWARENESS_MS = 100

/** The default error sink: a room without a logger keeps serving. */
const ignore = (_error: Error): void => undefined

interface Pending {
  update: Uint8Array
  from: Peer
}

/**
 * One document in memory with its connections. Loaded once from the store before any
 * message is served (never half-loaded). Every update a writer sends is checked, appended to
 * the store with the others that arrived meanwhile (one transaction per batch), and only
 * then applied and sent to the other connections: whatever a collaborator has seen is on
 * disk. Readers' updates are dropped and they are told so (y-protocols' permission denied).
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

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly onError: (error: Error) => void = ignore,
  ) {
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
        const msg = this.awarenessFrame(ids)
        for (const peer of this.peers.keys()) peer.send(msg)
      },
    )
    this.ready = store.load(name).then(({ snapshot, updates }) => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot)
      for (const u of updates) Y.applyUpdate(this.doc, u)
    })
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
        if (next && this.peers.has(peer))
          awarenessProtocol.applyAwarenessUpdate(this.awareness, next, peer)
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
    return frame((e) => {
      encoding.writeVarUint(e, Message.Awareness)
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
      )
    })
  }

  /** Resolves when every update received so far is stored and sent. */
  async settled(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) this.scheduleFlush()
      await this.flushing
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
        try {
          await this.store.append(
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
        for (const { update, from } of batch) {
          Y.applyUpdate(this.doc, update, from)
          const msg = updateFrame(update)
          for (const peer of this.peers.keys())
            if (peer !== from) peer.send(msg)
        }
      }
    })().finally(() => {
      this.flushing = null
      // Frames that arrived after the last batch was taken get their own.
      if (this.pending.length > 0) this.scheduleFlush()
    })
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }
}
