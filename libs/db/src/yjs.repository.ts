import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/** Runs `fn` in a transaction, joining the caller's when `db` already is one. */
function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}

/** What is stored for one Yjs document: the last snapshot plus the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** The id of the newest stored update (or of the snapshot's last one), '0' when empty. */
  lastUpdateId: string
}

export async function loadYjsDoc(
  db: Kysely<Database>,
  docName: string,
): Promise<StoredDoc> {
  return inTransaction(db, async (trx) => {
    const snap = await trx
      .selectFrom('yjs_snapshots')
      .select(['state', 'last_update_id'])
      .where('doc_name', '=', docName)
      .executeTakeFirst()
    const after = snap ? snap.last_update_id : '0'
    const rows = await trx
      .selectFrom('yjs_updates')
      .select(['id', 'update'])
      .where('doc_name', '=', docName)
      .where('id', '>', after)
      .orderBy('id')
      .execute()
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      updates: rows.map((r) => new Uint8Array(r.update)),
      lastUpdateId: rows.at(-1)?.id ?? after,
    }
  })
}

/** Appends updates in one transaction (the hub group-commits a short batch at a time). */
export async function appendYjsUpdates(
  db: Kysely<Database>,
  docName: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  if (updates.length === 0) return
  await db
    .insertInto('yjs_updates')
    .values(updates.map((update) => ({ doc_name: docName, update })))
    .execute()
}

/**
 * Replaces the snapshot and drops the updates it folds in, atomically: a reader sees either
 * the old snapshot and its tail or the new one and its (shorter) tail, never a gap.
 */
export async function writeYjsSnapshot(
  db: Kysely<Database>,
  docName: string,
  state: Uint8Array,
  lastUpdateId: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('yjs_snapshots')
      .values({
        doc_name: docName,
        state,
        last_update_id: lastUpdateId,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('doc_name').doUpdateSet({
          state,
          last_update_id: lastUpdateId,
          updated_at: new Date(),
        }),
      )
      .execute()
    await trx
      .deleteFrom('yjs_updates')
      .where('doc_name', '=', docName)
      .where('id', '<=', lastUpdateId)
      .execute()
  })
}

/**
 * The hub's document store over these tables: load reads the snapshot and its tail, append
 * writes one batch in one transaction. (Shaped like `DocStore` in `libs/collab`.)
 */
export function createYjsDocStore(db: Kysely<Database>) {
  return {
    load: async (docName: string) => {
      const { snapshot, updates } = await loadYjsDoc(db, docName)
      return { snapshot, updates }
    },
    append: (docName: string, updates: readonly Uint8Array[]) =>
      db
        .transaction()
        .execute((trx) => appendYjsUpdates(trx, docName, updates)),
  }
}
