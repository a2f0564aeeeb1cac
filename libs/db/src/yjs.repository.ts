import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/** What is stored for one Yjs document: its snapshot plus the updates not folded into it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  /** The snapshot's generation (0 when there is none); see `compactYjsDoc`. */
  generation: number
  updates: Uint8Array[]
  /** The ids of `updates`, in the same order. */
  updateIds: string[]
}

/**
 * Reads a document. The updates are read before the snapshot: a compaction that commits in
 * between has moved what it deleted into the snapshot read second, so nothing falls into a
 * gap even under READ COMMITTED (an update read twice is harmless: Yjs updates are
 * idempotent).
 */
export async function loadYjsDoc(
  db: Kysely<Database>,
  docName: string,
): Promise<StoredDoc> {
  const rows = await db
    .selectFrom('yjs_updates')
    .select(['id', 'update'])
    .where('doc_name', '=', docName)
    .orderBy('id')
    .execute()
  const snap = await db
    .selectFrom('yjs_snapshots')
    .select(['state', 'generation'])
    .where('doc_name', '=', docName)
    .executeTakeFirst()
  return {
    snapshot: snap ? new Uint8Array(snap.state) : null,
    generation: snap?.generation ?? 0,
    updates: rows.map((r) => new Uint8Array(r.update)),
    updateIds: rows.map((r) => String(r.id)),
  }
}

/** Appends updates in one statement; returns their ids in order. */
export async function appendYjsUpdates(
  db: Kysely<Database>,
  docName: string,
  updates: readonly Uint8Array[],
): Promise<string[]> {
  if (updates.length === 0) return []
  const rows = await db
    .insertInto('yjs_updates')
    .values(updates.map((update) => ({ doc_name: docName, update })))
    .returning('id')
    .execute()
  return rows.map((r) => String(r.id))
}

/**
 * Writes a whole document as its snapshot (a new scenario, the demo). Updates already stored
 * for it stay: applying them again changes nothing.
 */
export async function writeYjsSnapshot(
  db: Kysely<Database>,
  docName: string,
  state: Uint8Array,
): Promise<void> {
  await db
    .insertInto('yjs_snapshots')
    .values({
      doc_name: docName,
      state,
      last_update_id: 0,
      generation: 1,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column('doc_name').doUpdateSet((eb) => ({
        state,
        generation: eb('yjs_snapshots.generation', '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute()
}

export type CompactResult =
  | { ok: true; generation: number }
  /** Someone else wrote the snapshot since `generation`: fold theirs in, then try again. */
  | { ok: false; snapshot: Uint8Array; generation: number }

/**
 * Folds updates into the snapshot: `state` must contain the snapshot of `generation` and
 * every update in `folded`. Atomically replaces the snapshot and deletes exactly those
 * updates (not "every id up to N": an update with a smaller id may commit later). Refuses,
 * returning the newer snapshot, when another process compacted meanwhile, so a snapshot is
 * never replaced by one that lacks what it held.
 */
export async function compactYjsDoc(
  db: Kysely<Database>,
  docName: string,
  change: { state: Uint8Array; generation: number; folded: readonly string[] },
): Promise<CompactResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('yjs_snapshots')
      .select(['state', 'generation'])
      .where('doc_name', '=', docName)
      .forUpdate()
      .executeTakeFirst()
    const generation = current?.generation ?? 0
    if (generation !== change.generation)
      return {
        ok: false as const,
        snapshot: new Uint8Array(current!.state),
        generation,
      }
    const lastId = change.folded.reduce(
      (m, id) => (BigInt(id) > m ? BigInt(id) : m),
      0n,
    )
    const next = generation + 1
    if (current) {
      await trx
        .updateTable('yjs_snapshots')
        .set({
          state: change.state,
          generation: next,
          last_update_id: lastId.toString(),
          updated_at: new Date(),
        })
        .where('doc_name', '=', docName)
        .execute()
    } else {
      const inserted = await trx
        .insertInto('yjs_snapshots')
        .values({
          doc_name: docName,
          state: change.state,
          generation: next,
          last_update_id: lastId.toString(),
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.column('doc_name').doNothing())
        .returning('generation')
        .execute()
      if (inserted.length === 0) {
        // Another process created it between our read and insert.
        const theirs = await trx
          .selectFrom('yjs_snapshots')
          .select(['state', 'generation'])
          .where('doc_name', '=', docName)
          .executeTakeFirstOrThrow()
        return {
          ok: false as const,
          snapshot: new Uint8Array(theirs.state),
          generation: theirs.generation,
        }
      }
    }
    // In slices: a long-idle document can have many thousands of updates to fold.
    for (let i = 0; i < change.folded.length; i += 5000) {
      await trx
        .deleteFrom('yjs_updates')
        .where('doc_name', '=', docName)
        .where('id', 'in', change.folded.slice(i, i + 5000))
        .execute()
    }
    return { ok: true as const, generation: next }
  })
}

/** The hub's document store over these tables (shaped like `DocStore` in `libs/collab`). */
export function createYjsDocStore(db: Kysely<Database>) {
  return {
    load: (docName: string) => loadYjsDoc(db, docName),
    append: (docName: string, updates: readonly Uint8Array[]) =>
      appendYjsUpdates(db, docName, updates),
    compact: (
      docName: string,
      change: {
        state: Uint8Array
        generation: number
        folded: readonly string[]
      },
    ) => compactYjsDoc(db, docName, change),
  }
}
