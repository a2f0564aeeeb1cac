import * as decoding from 'lib0/decoding'
import { encodeUtf8 } from 'lib0/string'
import * as Y from 'yjs'

/**
 * A last-writer-wins map of strings kept as an append log in one `Y.Array`, for keys that
 * are rewritten all the time (a plan's 3,200 unit → territory assignments, painted in
 * strokes).
 *
 * Why not `Y.Map`: every overwrite of a map key leaves a tombstone item that carries the key
 * and can never merge with its neighbours (each key is its own list), so after 100,000
 * reassignments a plan document is 12× its live size and slow to load. Why not y-utility's
 * `YKeyValue` (the same log idea): it finds the entry to delete by scanning the array, ≈300 µs
 * per write at 3,200 keys.
 *
 * Here a write appends an entry (key, value, counter) and deletes the entry it supersedes by
 * its id — an O(log n) lookup in Yjs's struct store, no scan. Each entry is its own item
 * (binary content, which Yjs never merges while alive), so deleting one never splits and
 * copies a long run; once deleted, entries written one after another merge into a single
 * tombstone range, so the document stays close to its live size however long it lives.
 *
 * The winner for a key does not depend on where entries sit in the array: it is the entry
 * with the highest counter (one more than the counter of the value its writer saw), ties
 * broken by client id. Every replica computes the same winner from the same live entries, so
 * concurrent writes, undo (which restores an older entry) and offline edits converge; an undo
 * never revives a value over a newer write by someone else, because that write has the
 * higher counter. Writers (`tidy: true`) delete losing entries they come across; readers
 * never write.
 */
export interface Entry {
  key: string
  /** null: the key was removed. */
  value: string | null
  counter: number
}

interface Winner {
  value: string | null
  counter: number
  client: number
  clock: number
}

export interface KeyedLogOptions {
  /** Delete entries that lost to a concurrent write (only for replicas that may write). */
  tidy?: boolean
}

export type KeyedLogListener = (
  changedKeys: ReadonlySet<string>,
  transaction: Y.Transaction,
) => void

/** The origin of the transactions in which a writer deletes losing entries. */
export const KEYED_LOG_TIDY = Symbol('keyed-log-tidy')

export class KeyedLog {
  private readonly winners = new Map<string, Winner>()
  private readonly listeners = new Set<KeyedLogListener>()
  private readonly tidy: boolean
  /** Keys this replica wrote in the running transaction (so its cleanup need not re-read them). */
  private own: { tr: Y.Transaction; keys: Set<string> } | null = null
  /** The last item of the array as far as this replica knows (see `append`). */
  private tail: Y.Item | null = null
  private readonly onTransaction = (tr: Y.Transaction) =>
    this.afterTransaction(tr)

  constructor(
    readonly array: Y.Array<Uint8Array>,
    options: KeyedLogOptions = {},
  ) {
    this.tidy = options.tidy ?? false
    // Index-based search markers would go stale when entries are deleted by id; this log
    // never asks for an index (see `append`).
    setSearchMarkers(this.array, null)
    this.rescan(null)
    this.doc.on('afterTransaction', this.onTransaction)
  }

  private get doc(): Y.Doc {
    const doc = this.array.doc
    if (!doc) throw new Error('KeyedLog: the array is not in a document')
    return doc
  }

  get size(): number {
    let n = 0
    for (const w of this.winners.values()) if (w.value !== null) n++
    return n
  }

  get(key: string): string | undefined {
    return this.winners.get(key)?.value ?? undefined
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [k, w] of this.winners) if (w.value !== null) yield [k, w.value]
  }

  toObject(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, w] of this.winners) if (w.value !== null) out[k] = w.value
    return out
  }

  /** Sets `key` (in the caller's transaction if there is one). A no-op when unchanged. */
  set(key: string, value: string): void {
    this.writeBatch([[key, value]])
  }

  /** Removes `key`: written as an entry with no value, which wins like any other write. */
  delete(key: string): void {
    if (this.get(key) === undefined) return
    this.writeBatch([[key, null]])
  }

  /** Writes many keys in one transaction (a brush stroke). */
  setMany(entries: Iterable<readonly [string, string]>): void {
    this.writeBatch(entries)
  }

  /** Called after every transaction that changed the map, with the keys whose value changed. */
  observe(listener: KeyedLogListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction)
    this.listeners.clear()
  }

  /** Appends the new entries together, then deletes the ones they supersede by id. */
  private writeBatch(pairs: Iterable<readonly [string, string | null]>): void {
    // The last write of a key in the batch is the one that counts.
    const latest = new Map<string, string | null>()
    for (const [k, v] of pairs) {
      const cur = this.winners.get(k)
      if (cur ? cur.value === v : v === null) latest.delete(k)
      else latest.set(k, v)
    }
    if (latest.size === 0) return
    this.doc.transact((tr) => {
      const client = this.doc.clientID
      let clock = Y.getState(this.doc.store, client)
      const bytes: Uint8Array[] = []
      const superseded: Winner[] = []
      if (this.own?.tr !== tr) this.own = { tr, keys: new Set() }
      for (const [key, value] of latest) {
        const cur = this.winners.get(key)
        const counter = (cur?.counter ?? 0) + 1
        bytes.push(encodeEntry(key, value, counter))
        if (cur) superseded.push(cur)
        this.winners.set(key, { value, counter, client, clock: clock++ })
        this.own.keys.add(key)
      }
      this.append(bytes)
      for (const cur of superseded) deleteEntry(tr, cur.client, cur.clock)
    })
  }

  /**
   * Appends entries at the end of the array. Appending (not inserting at the front) keeps a
   * replica's successive writes in clock order next to each other, so their tombstones merge
   * into one range however the writes were split into transactions. `Y.Array.push` walks to
   * the end from its best search marker; we hand it one at our last known tail instead of
   * letting it walk the whole list.
   */
  private append(fresh: Uint8Array[]): void {
    const start = this.liveTail()
    setSearchMarkers(
      this.array,
      start ? [{ p: start, index: 1, timestamp: 0 }] : null,
    )
    try {
      this.array.push(fresh)
    } finally {
      setSearchMarkers(this.array, null)
    }
    const structs = this.doc.store.clients.get(this.doc.clientID)
    const last = structs?.[structs.length - 1]
    this.tail = last instanceof Y.Item ? last : null
  }

  /**
   * A struct still in the list at or before the end: the remembered tail, or the struct that
   * now holds its clock if Yjs merged it into its left neighbour.
   */
  private liveTail(): Y.Item | null {
    const t = this.tail
    if (t) {
      const structs = this.doc.store.clients.get(t.id.client)
      const s = structs?.[Y.findIndexSS(structs, t.id.clock)]
      if (s instanceof Y.Item && s.parent === this.array) return s
    }
    return this.array._start
  }

  /**
   * Keeps the index true after any transaction — ours, a remote update, an undo: entries
   * added since the transaction began may win; winners deleted by it are replaced by a rescan
   * of their keys (rare: an undo, or a concurrent write elsewhere).
   */
  private afterTransaction(tr: Y.Transaction): void {
    if (
      !tr.changed.has(
        this.array as unknown as Y.AbstractType<Y.YEvent<Y.Array<unknown>>>,
      )
    )
      return
    const own = this.own
    this.own = null
    if (own?.tr === tr && onlyOurs(tr, this.doc.clientID)) {
      // Only our own writes: already indexed when they were made.
      for (const l of this.listeners) l(own.keys, tr)
      return
    }
    const changed = new Set<string>()
    const lost: Array<[number, number]> = []
    const before = new Map<string, string | null | undefined>()
    const remember = (key: string) => {
      if (!before.has(key)) before.set(key, this.winners.get(key)?.value)
    }
    // Deleted winners (by someone else, or by an undo of ours). Their content is still there
    // until this transaction's cleanup, so the entry says which key it was.
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parent !== this.array) return
      const content = struct.content.getContent()
      for (let i = 0; i < content.length; i++) {
        const entry = decodeEntry(content[i])
        if (!entry) continue
        const w = this.winners.get(entry.key)
        if (
          w &&
          w.client === struct.id.client &&
          w.clock === struct.id.clock + i
        ) {
          remember(entry.key)
          this.winners.delete(entry.key)
          changed.add(entry.key)
        }
      }
    })
    // Added entries.
    for (const [client, after] of tr.afterState) {
      const from = tr.beforeState.get(client) ?? 0
      if (after <= from) continue
      const structs = this.doc.store.clients.get(client)
      if (!structs) continue
      for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
        const s = structs[i]!
        if (s.id.clock >= after) break
        if (!(s instanceof Y.Item) || s.deleted || s.parent !== this.array)
          continue
        const content = s.content.getContent()
        for (let j = 0; j < content.length; j++) {
          const clock = s.id.clock + j
          if (clock < from) continue
          const entry = decodeEntry(content[j])
          if (!entry) continue
          const { key, value, counter } = entry
          const cur = this.winners.get(key)
          if (cur && cur.client === client && cur.clock === clock) {
            // Our own write, already indexed; it changed the key.
            if (!before.has(key)) changed.add(key)
            continue
          }
          if (cur && !beats(counter, client, cur)) {
            lost.push([client, clock])
            continue
          }
          remember(key)
          if (cur) lost.push([cur.client, cur.clock])
          this.winners.set(key, { value, counter, client, clock })
          changed.add(key)
        }
      }
    }
    const deletedWinners = [...changed].filter((k) => !this.winners.has(k))
    if (deletedWinners.length > 0) this.rescan(new Set(deletedWinners))
    for (const [k, old] of before) {
      if (this.winners.get(k)?.value === old) changed.delete(k)
    }
    if (this.tidy && lost.length > 0) {
      // A transaction of its own, run by Yjs right after this one's cleanup.
      const doc = this.doc
      doc.transact((t) => {
        for (const [c, k] of lost)
          if (!isDeleted(doc, c, k)) deleteEntry(t, c, k)
      }, KEYED_LOG_TIDY)
    }
    if (changed.size > 0) for (const l of this.listeners) l(changed, tr)
  }

  /** Recomputes the winners of `keys` (all keys when null) from the live entries. */
  private rescan(keys: Set<string> | null): void {
    if (keys === null) this.winners.clear()
    const found = new Map<string, Winner>()
    let last: Y.Item | null = null
    for (let item = this.array._start; item; item = item.right) {
      last = item
      if (item.deleted) continue
      const content = item.content.getContent()
      for (let j = 0; j < content.length; j++) {
        const entry = decodeEntry(content[j])
        if (!entry || (keys && !keys.has(entry.key))) continue
        const client = item.id.client
        const cur = found.get(entry.key)
        if (!cur || beats(entry.counter, client, cur))
          found.set(entry.key, {
            value: entry.value,
            counter: entry.counter,
            client,
            clock: item.id.clock + j,
          })
      }
    }
    if (keys === null) this.tail = last
    for (const [k, w] of found) this.winners.set(k, w)
  }
}

/**
 * The transaction holds nothing but this replica's own new structs and deletions of entries
 * it superseded (the usual write): no other client's structs arrived in it and it is not an
 * undo/redo (which restores entries this index has not seen).
 */
function onlyOurs(tr: Y.Transaction, client: number): boolean {
  if (!tr.local || tr.origin instanceof Y.UndoManager) return false
  for (const [c, after] of tr.afterState)
    if (c !== client && after !== (tr.beforeState.get(c) ?? 0)) return false
  return true
}

function beats(counter: number, client: number, cur: Winner): boolean {
  return (
    counter > cur.counter || (counter === cur.counter && client > cur.client)
  )
}

/**
 * Entry bytes, in lib0's encoding (varString key, varUint counter, then 1 + varString value,
 * or 0 for a removed key), written straight into one exactly-sized array: this runs on every
 * write, so it allocates once.
 */
function encodeEntry(
  key: string,
  value: string | null,
  counter: number,
): Uint8Array {
  const k = encodeUtf8(key)
  const v = value === null ? null : encodeUtf8(value)
  const size =
    varUintSize(k.length) +
    k.length +
    varUintSize(counter) +
    1 +
    (v ? varUintSize(v.length) + v.length : 0)
  const out = new Uint8Array(size)
  let at = writeVarUint(out, 0, k.length)
  out.set(k, at)
  at = writeVarUint(out, at + k.length, counter)
  out[at++] = v ? 1 : 0
  if (v) out.set(v, writeVarUint(out, at, v.length))
  return out
}

function varUintSize(n: number): number {
  let size = 1
  while (n > 127) {
    n = Math.floor(n / 128)
    size++
  }
  return size
}

function writeVarUint(out: Uint8Array, at: number, n: number): number {
  while (n > 127) {
    out[at++] = 0x80 | (n & 0x7f)
    n = Math.floor(n / 128)
  }
  out[at++] = n
  return at
}

/**
 * An entry as written by `KeyedLog`, or null: another client (any y-websocket client may
 * write the document) can put anything in the array, and a foreign value must be ignored,
 * never crash the reader.
 */
function decodeEntry(x: unknown): Entry | null {
  if (!(x instanceof Uint8Array)) return null
  try {
    const d = decoding.createDecoder(x)
    const key = decoding.readVarString(d)
    const counter = decoding.readVarUint(d)
    const has = decoding.readUint8(d)
    const value = has === 1 ? decoding.readVarString(d) : null
    if (has > 1 || decoding.hasContent(d)) return null
    return { key, value, counter }
  } catch {
    return null
  }
}

function isDeleted(doc: Y.Doc, client: number, clock: number): boolean {
  const structs = doc.store.clients.get(client)
  if (!structs) return true
  return structs[Y.findIndexSS(structs, clock)]?.deleted ?? true
}

/**
 * Yjs keeps index→item "search markers" on arrays to speed up index lookups. They are
 * internal (typed as always present); this is the one place that touches them.
 */
function setSearchMarkers(array: object, markers: unknown[] | null): void {
  ;(array as { _searchMarker: unknown[] | null })._searchMarker = markers
}

/** Deletes the one entry at (client, clock), splitting its run around it if it has one. */
function deleteEntry(tr: Y.Transaction, client: number, clock: number): void {
  const id = Y.createID(client, clock)
  const item = Y.getItemCleanStart(tr, id)
  Y.getItemCleanEnd(tr, tr.doc.store, id)
  if (!item.deleted) item.delete(tr)
}
