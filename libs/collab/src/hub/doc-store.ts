/**
 * Where the hub keeps documents: a snapshot plus the updates not yet folded into it.
 * Injected (the database implements it in `libs/db`; tests may use memory), so the hub has
 * no storage of its own.
 */
export interface DocStore {
  load(docName: string): Promise<{
    snapshot: Uint8Array | null
    /** The snapshot's generation, 0 without one (see `compact`). */
    generation: number
    updates: Uint8Array[]
    /** The stored ids of `updates`, in order. */
    updateIds: string[]
  }>
  /** Appends a batch of updates in one transaction; resolves with their ids once durable. */
  append(docName: string, updates: readonly Uint8Array[]): Promise<string[]>
  /**
   * Replaces the snapshot of `generation` by `state` (which holds it and every update in
   * `folded`) and deletes exactly the `folded` updates, atomically. When the snapshot is no
   * longer of that generation (another process compacted), nothing changes and the newer
   * snapshot comes back to be folded in first.
   */
  compact(
    docName: string,
    change: {
      state: Uint8Array
      generation: number
      folded: readonly string[]
    },
  ): Promise<
    | { ok: true; generation: number }
    | { ok: false; snapshot: Uint8Array; generation: number }
  >
}

/** A DocStore in memory, for tests and tools. */
export class MemoryDocStore implements DocStore {
  readonly docs = new Map<
    string,
    {
      snapshot: Uint8Array | null
      generation: number
      updates: Map<string, Uint8Array>
    }
  >()
  appends = 0
  compactions = 0
  /** Every update ever appended, in order (tests check nothing is stored twice). */
  readonly appended: Uint8Array[] = []
  private nextId = 1

  private doc(docName: string) {
    let d = this.docs.get(docName)
    if (!d) {
      d = { snapshot: null, generation: 0, updates: new Map() }
      this.docs.set(docName, d)
    }
    return d
  }

  async load(docName: string) {
    const d = this.doc(docName)
    return {
      snapshot: d.snapshot,
      generation: d.generation,
      updates: [...d.updates.values()],
      updateIds: [...d.updates.keys()],
    }
  }

  async append(docName: string, updates: readonly Uint8Array[]) {
    this.appends++
    this.appended.push(...updates)
    const d = this.doc(docName)
    return updates.map((u) => {
      const id = String(this.nextId++)
      d.updates.set(id, u)
      return id
    })
  }

  async compact(
    docName: string,
    change: {
      state: Uint8Array
      generation: number
      folded: readonly string[]
    },
  ) {
    const d = this.doc(docName)
    if (d.generation !== change.generation)
      return {
        ok: false as const,
        snapshot: d.snapshot ?? new Uint8Array([0, 0]),
        generation: d.generation,
      }
    this.compactions++
    d.snapshot = change.state
    d.generation++
    for (const id of change.folded) d.updates.delete(id)
    return { ok: true as const, generation: d.generation }
  }

  /** All updates not yet folded, for tests. */
  pendingUpdates(docName: string): number {
    return this.docs.get(docName)?.updates.size ?? 0
  }
}
