/**
 * Hooks for `npm run bench:web` and tests, inert in normal use: the bench defines
 * `window.__tesseraPaintLog` / `window.__tesseraBench` before the app loads, and only then do
 * the map and the editor report into them. Nothing is computed when they are absent.
 */
export interface PaintLogEntry {
  unitId: string
  territoryId: string
  /** `performance.timeOrigin + performance.now()`: comparable across pages on one machine. */
  at: number
}

interface ProbeWindow {
  __tesseraPaintLog?: PaintLogEntry[]
  __tesseraBench?: Record<string, unknown>
}

const probe = (): ProbeWindow | null =>
  typeof window === 'undefined' ? null : (window as unknown as ProbeWindow)

/** The paint log, when a bench is listening. */
export function paintLog(): PaintLogEntry[] | null {
  return probe()?.__tesseraPaintLog ?? null
}

const nothing = () => undefined

/** Lends the bench a function (the editor's `assign`, a reader of the plan). */
export function lendToBench(name: string, value: unknown): () => void {
  const bench = probe()?.__tesseraBench
  if (!bench) return nothing
  bench[name] = value
  return () => {
    if (bench[name] === value) delete bench[name]
  }
}

/** Time stamp comparable across pages on one machine. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now()
}
