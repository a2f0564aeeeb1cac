/**
 * Counts how many connected groups a handful of seed units fall into inside one territory,
 * without allocating: visit marks are epoch-stamped (bumping the epoch clears them) and the
 * BFS queue is reused. The search stops as soon as every seed has been reached, so the usual
 * case — the neighbours of a moved unit still touch each other around it — costs a few
 * steps (the "local check"); only a real split explores the piece, and never leaves the
 * territory.
 */
export class GroupCounter {
  private readonly mark: Int32Array
  private readonly queue: Int32Array
  private epoch = 0

  constructor(
    private readonly adjStart: Int32Array,
    private readonly adjNbr: Int32Array,
    units: number,
  ) {
    this.mark = new Int32Array(units)
    this.queue = new Int32Array(units)
  }

  /**
   * Distinct connected groups among `seeds[0..count)` in the subgraph of units whose
   * territory (`owner[u]`) is `territory`. Seeds must belong to `territory`.
   */
  count(
    seeds: Int32Array,
    count: number,
    territory: number,
    owner: Int32Array,
  ): number {
    if (count <= 1) return count
    if (++this.epoch === 0x7fffffff) {
      this.mark.fill(0)
      this.epoch = 1
    }
    const epoch = this.epoch
    const { mark, queue, adjStart, adjNbr } = this
    for (let i = 0; i < count; i++) mark[seeds[i]!] = -epoch // a seed not yet reached
    let unreached = count
    let groups = 0
    for (let i = 0; i < count && unreached > 0; i++) {
      const s = seeds[i]!
      if (mark[s] === epoch) continue
      groups++
      mark[s] = epoch
      unreached--
      if (unreached === 0) break
      let head = 0
      let tail = 0
      queue[tail++] = s
      while (head < tail && unreached > 0) {
        const u = queue[head++]!
        for (let k = adjStart[u]!, end = adjStart[u + 1]!; k < end; k++) {
          const v = adjNbr[k]!
          if (owner[v] !== territory) continue
          const mv = mark[v]!
          if (mv === epoch) continue
          if (mv === -epoch) unreached--
          mark[v] = epoch
          queue[tail++] = v
        }
      }
    }
    // Seeds never reached by an earlier search are groups of their own.
    return groups + unreached
  }
}
