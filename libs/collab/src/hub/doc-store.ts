/**
 * Where the hub keeps documents: the last snapshot plus the updates after it. Injected (the
 * database implements it in `libs/db`; tests may use memory), so the hub has no storage of
 * its own.
 */
export interface DocStore {
  load(docName: string): Promise<{
    snapshot: Uint8Array | null
    updates: Uint8Array[]
  }>
  /** Appends a batch of updates in one transaction; resolves once they are durable. */
  append(docName: string, updates: readonly Uint8Array[]): Promise<void>
}

/** A DocStore in memory, for tests and tools. */
export class MemoryDocStore implements DocStore {
  readonly docs = new Map<string, Uint8Array[]>()
  appends = 0

  async load(docName: string) {
    return { snapshot: null, updates: [...(this.docs.get(docName) ?? [])] }
  }

  async append(docName: string, updates: readonly Uint8Array[]) {
    this.appends++
    const list = this.docs.get(docName) ?? []
    list.push(...updates)
    this.docs.set(docName, list)
  }
}
