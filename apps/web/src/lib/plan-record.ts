/**
 * Versions of one of the live plan's records (unit → territory, account → territory) that
 * cost only their changed keys to make. A copy per frame (`{ ...base }`) cost 120–200 ms on
 * a 124,000-unit layer, whatever the edit.
 *
 * All versions of a record share one `Map` holding the newest one's values. A version
 * made older by a patch keeps only where it differs from the next (the old values of the
 * keys that patch changed), so reading it walks towards the newest: O(1) for the newest,
 * which is what the page reads, O(versions since) for an older one (the side panel's
 * deferred render lags by a frame or two). Nothing points from a version to older ones, so
 * versions nobody holds are collected.
 *
 * Consumers see a plain read-only record: a `Proxy` answers indexing, `in`, `Object.keys`,
 * `Object.entries`, spread and `for…in` with the version's own keys, so none of them
 * changes (enumerating one costs more than a plain object's; `entriesOf` is the fast way).
 * It cannot be posted to a worker (structured clone refuses proxies), and writes throw.
 */

type PlanRecord = Readonly<Record<string, string>>

interface Version {
  /** The newest version's values. */
  readonly store: Map<string, string>
  /** The next version, null for the newest. */
  newer: Version | null
  /** Where this version differs from `newer` (undefined: the key is absent here). */
  diff: Map<string, string | undefined> | null
}

/** The version behind each record handed out, and behind each plain record tracked. */
const versions = new WeakMap<object, Version>()

function valueIn(v: Version, key: string): string | undefined {
  for (let n = v; n.newer; n = n.newer)
    if (n.diff!.has(key)) return n.diff!.get(key)
  return v.store.get(key)
}

function keysIn(v: Version): string[] {
  if (!v.newer) return [...v.store.keys()]
  const path: Version[] = []
  for (let n = v; n.newer; n = n.newer) path.push(n)
  const keys = new Set(v.store.keys())
  for (let i = path.length - 1; i >= 0; i--)
    for (const [k, value] of path[i]!.diff!)
      if (value === undefined) keys.delete(k)
      else keys.add(k)
  return [...keys]
}

function view(v: Version): PlanRecord {
  const refuse = () => false
  const record = new Proxy<Record<string, string>>(
    {},
    {
      get(target, key, receiver) {
        if (typeof key === 'string') {
          const value = valueIn(v, key)
          if (value !== undefined) return value
        }
        return Reflect.get(target, key, receiver) as unknown
      },
      has: (target, key) =>
        (typeof key === 'string' && valueIn(v, key) !== undefined) ||
        Reflect.has(target, key),
      ownKeys: () => keysIn(v),
      getOwnPropertyDescriptor(target, key) {
        const value = typeof key === 'string' ? valueIn(v, key) : undefined
        return value === undefined
          ? Reflect.getOwnPropertyDescriptor(target, key)
          : { value, writable: false, enumerable: true, configurable: true }
      },
      set: refuse,
      defineProperty: refuse,
      deleteProperty: refuse,
      setPrototypeOf: refuse,
      // A non-extensible target would make every key reported above a broken invariant.
      preventExtensions: refuse,
    },
  )
  versions.set(record, v)
  return record
}

/** A fresh newest version holding `record`'s values, remembered as `record`'s. */
function track(
  record: PlanRecord,
  entries: Iterable<readonly [string, string]> = entriesOf(record),
): Version {
  const v: Version = { store: new Map(entries), newer: null, diff: null }
  versions.set(record, v)
  return v
}

/**
 * Makes later patches of `record` (a plain record just read whole from the document) cost
 * only their keys: copies it into a version store now, O(size), so the first edit after a
 * load or a resync does not. `entries` must list the same values, from wherever they are
 * quickest to list (`Object.entries` of a 124,000-key object takes ≈100 ms). A record
 * already tracked is left as it is.
 */
export function trackRecord(
  record: PlanRecord,
  entries?: Iterable<readonly [string, string]>,
): void {
  if (!versions.has(record)) track(record, entries)
}

/**
 * `base` with `keys` set to what `read` says (undefined: removed), in O(keys) when `base` is
 * the newest version of its record (as the live plan's always is); otherwise its values are
 * copied first. `base` itself when no value changed. `changesBetween` tells a reader
 * holding `base` which keys to look at again.
 */
export function patchRecord(
  base: PlanRecord,
  keys: ReadonlySet<string>,
  read: (key: string) => string | undefined,
): PlanRecord {
  if (keys.size === 0) return base
  let v = versions.get(base)
  if (!v) v = track(base)
  // An older version (the live plan never patches one) forks: a store of its own.
  else if (v.newer)
    v = { store: new Map(entriesOf(base)), newer: null, diff: null }
  const store = v.store
  let diff: Map<string, string | undefined> | null = null
  for (const k of keys) {
    const before = store.get(k)
    const after = read(k)
    if (before === after) continue
    ;(diff ??= new Map()).set(k, before)
    if (after === undefined) store.delete(k)
    else store.set(k, after)
  }
  if (!diff) return base
  const next: Version = { store, newer: null, diff: null }
  v.diff = diff
  v.newer = next
  return view(next)
}

/**
 * The keys that may differ between `from` and `to`, when `to` was patched from `from` in
 * any number of steps (a superset: a key changed and changed back is in it); undefined when
 * it was not (another record, a re-read, an older version), and the reader must compare
 * everything. O(keys changed in between).
 */
export function changesBetween(
  from: PlanRecord,
  to: PlanRecord,
): ReadonlySet<string> | undefined {
  if (from === to) return new Set()
  const end = versions.get(to)
  let n = versions.get(from)
  if (!n || !end) return undefined
  const keys = new Set<string>()
  for (; n !== end; n = n.newer) {
    if (!n.newer) return undefined
    for (const k of n.diff!.keys()) keys.add(k)
  }
  return keys
}

/**
 * The record's entries, iterated straight from its store when it is the newest version
 * (`Object.entries` on a version asks the proxy twice per key). Iterate before the next patch.
 */
export function entriesOf(
  record: PlanRecord,
): Iterable<readonly [string, string]> {
  const v = versions.get(record)
  if (!v) return Object.entries(record)
  if (!v.newer) return v.store.entries()
  return keysIn(v).map((k) => [k, valueIn(v, k)!] as const)
}
