import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * What hub processes tell each other about one document when several serve it (scale-out):
 * an update some process stored (with its ids, so any process may fold it into a snapshot),
 * a presence change, or a request for everyone's presence (a process that just opened the
 * room knows nobody yet).
 */
export type BusMessage =
  | { kind: 'update'; update: Uint8Array; ids: string[] }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** Who may open the document changed (it was deleted, archived, submitted…): reconnect. */
  | { kind: 'revoke'; reason: string }

/**
 * The channel between hub processes, injected like the store: Redis pub/sub in production
 * (`RedisDocBus`), `MemoryBus` in tests. A process never receives its own messages.
 */
export interface DocBus {
  /** Resolves once subscribed, with the function that unsubscribes. */
  subscribe(
    docName: string,
    listener: (message: BusMessage) => void,
  ): Promise<() => Promise<void>>
  publish(docName: string, message: BusMessage): Promise<void>
}

const KIND = {
  update: 0,
  awareness: 1,
  'query-awareness': 2,
  revoke: 3,
} as const

/** Binary frame: sender, kind, payload (lib0 encoding, like the y-websocket frames). */
export function encodeBusMessage(sender: string, m: BusMessage): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, sender)
  encoding.writeVarUint(e, KIND[m.kind])
  if (m.kind === 'update') {
    encoding.writeVarUint8Array(e, m.update)
    encoding.writeVarUint(e, m.ids.length)
    for (const id of m.ids) encoding.writeVarString(e, id)
  } else if (m.kind === 'awareness') encoding.writeVarUint8Array(e, m.update)
  else if (m.kind === 'revoke') encoding.writeVarString(e, m.reason)
  return encoding.toUint8Array(e)
}

/** Throws on a malformed frame (the caller drops it). */
export function decodeBusMessage(bytes: Uint8Array): {
  sender: string
  message: BusMessage
} {
  const d = decoding.createDecoder(bytes)
  const sender = decoding.readVarString(d)
  const kind = decoding.readVarUint(d)
  if (kind === KIND.update) {
    const update = decoding.readVarUint8Array(d)
    const n = decoding.readVarUint(d)
    const ids: string[] = []
    for (let i = 0; i < n; i++) ids.push(decoding.readVarString(d))
    return { sender, message: { kind: 'update', update, ids } }
  }
  if (kind === KIND.awareness)
    return {
      sender,
      message: { kind: 'awareness', update: decoding.readVarUint8Array(d) },
    }
  if (kind === KIND['query-awareness'])
    return { sender, message: { kind: 'query-awareness' } }
  if (kind === KIND.revoke)
    return {
      sender,
      message: { kind: 'revoke', reason: decoding.readVarString(d) },
    }
  throw new Error(`unknown bus message kind ${kind}`)
}

/**
 * Buses for several hubs in one process (tests): each `bus()` is one "process". Messages are
 * delivered asynchronously and in order, like Redis.
 */
export class MemoryBus {
  private readonly listeners = new Map<
    string,
    Set<{ owner: object; fn: (m: BusMessage) => void }>
  >()

  bus(): DocBus {
    const owner = {}
    return {
      subscribe: async (docName, fn) => {
        const set = this.listeners.get(docName) ?? new Set()
        this.listeners.set(docName, set)
        const entry = { owner, fn }
        set.add(entry)
        return async () => {
          set.delete(entry)
        }
      },
      publish: async (docName, message) => {
        // Through the codec, so tests exercise what goes over the wire.
        const bytes = encodeBusMessage('memory', message)
        for (const l of this.listeners.get(docName) ?? [])
          if (l.owner !== owner)
            queueMicrotask(() => l.fn(decodeBusMessage(bytes).message))
      },
    }
  }
}
