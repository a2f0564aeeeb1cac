/**
 * Counts how many connected groups a handful of seed units fall into inside one territory,
 * without allocating per call. One breadth-first wave grows from each seed, in turn, a unit
 * at a time; waves that meet are joined (union–find over ≤ degree waves). The count is
 * settled as soon as at most one group is still growing — every other group has then been
 * walked to its end — so the cost is the size of the *smaller* pieces, not the territory:
 * the usual case (u's neighbours touch each other around it) takes a few steps, the "local
 * check"; a real split costs the piece cut off. Searches never leave the territory.
 */
export class GroupCounter {
  private readonly mark: Int32Array
  private readonly waveOf: Int32Array
  private readonly queues: Int32Array[] = []
  private readonly head = new Int32Array(64)
  private readonly tail = new Int32Array(64)
  private readonly parent = new Int32Array(64)
  private epoch = 0

  constructor(
    private readonly adjStart: Int32Array,
    private readonly adjNbr: Int32Array,
    private readonly units: number,
  ) {
    this.mark = new Int32Array(units)
    this.waveOf = new Int32Array(units)
  }

  private find(w: number): number {
    const parent = this.parent
    while (parent[w] !== w) {
      parent[w] = parent[parent[w]!]!
      w = parent[w]!
    }
    return w
  }

  /**
   * Distinct connected groups among `seeds[0..count)` in the subgraph of units whose
   * territory (`owner[u]`) is `territory`. Seeds must belong to `territory`, no duplicates.
   */
  count(
    seeds: Int32Array,
    count: number,
    territory: number,
    owner: Int32Array,
  ): number {
    if (count <= 1) return count
    if (count > this.parent.length)
      throw new RangeError(`at most ${this.parent.length} seeds`)
    if (++this.epoch === 0x7fffffff) {
      this.mark.fill(0)
      this.epoch = 1
    }
    const epoch = this.epoch
    const { mark, waveOf, adjStart, adjNbr, head, tail, parent } = this
    while (this.queues.length < count)
      this.queues.push(new Int32Array(this.units))
    let sets = count
    for (let w = 0; w < count; w++) {
      const s = seeds[w]!
      mark[s] = epoch
      waveOf[s] = w
      parent[w] = w
      head[w] = 0
      tail[w] = 1
      this.queues[w]![0] = s
    }
    for (;;) {
      // Sets still growing; stop when at most one is (all others are whole pieces).
      let growing = 0
      let lastGrowing = -1
      for (let w = 0; w < count; w++) {
        if (head[w]! < tail[w]!) {
          const r = this.find(w)
          if (r !== lastGrowing) {
            // Count distinct roots among growing waves (few waves: a quadratic check is fine).
            let seen = false
            for (let x = 0; x < w; x++)
              if (head[x]! < tail[x]! && this.find(x) === r) seen = true
            if (!seen) growing++
            lastGrowing = r
          }
        }
      }
      if (growing <= 1 || sets === 1) return sets
      for (let w = 0; w < count; w++) {
        if (head[w]! >= tail[w]!) continue
        const q = this.queues[w]!
        const u = q[head[w]!++]!
        for (let k = adjStart[u]!, end = adjStart[u + 1]!; k < end; k++) {
          const v = adjNbr[k]!
          if (owner[v] !== territory) continue
          if (mark[v] !== epoch) {
            mark[v] = epoch
            waveOf[v] = w
            q[tail[w]!++] = v
            continue
          }
          const a = this.find(w)
          const b = this.find(waveOf[v]!)
          if (a !== b) {
            parent[a] = b
            if (--sets === 1) return 1
          }
        }
      }
    }
  }
}
