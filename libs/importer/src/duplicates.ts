/**
 * Remembers the first line of each key in a file, so a repeated external id is reported
 * where it repeats, with where it was first seen. Memory grows with the distinct keys (a
 * million ids is some tens of megabytes, within the importer's budget).
 */
export class FirstSeen {
  private readonly lines = new Map<string, number>()

  /** The line the key was first seen on, or undefined (and it is remembered now). */
  seen(key: string, line: number): number | undefined {
    const first = this.lines.get(key)
    if (first === undefined) this.lines.set(key, line)
    return first
  }

  get size() {
    return this.lines.size
  }
}
