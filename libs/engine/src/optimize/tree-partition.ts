import type { Rng } from '@tessera/domain'

/** An undirected graph in CSR form (the engine model's adjacency). */
export interface CsrGraph {
  adjStart: Int32Array
  adjNbr: Int32Array
}

export interface TreePartitionOptions {
  parts: number
  /** Each node's weight (the balanced quantity). */
  weight: Float64Array
  /** Allowed relative deviation of a part from the ideal weight. */
  tolerance: number
  rng: Rng
  /**
   * Seed nodes (e.g. reps' home bases): no part holds more than one, so with one seed per
   * part every part holds exactly one.
   */
  seeds?: readonly number[]
  /** Spanning trees drawn per split at most (default scales with the region's size). */
  maxTrees?: number
}

/**
 * Splitting a connected region by cutting one edge of a random spanning tree: both sides are
 * connected by construction, and trees drawn uniformly over a region's edges make compact
 * cuts likely (the recursive bipartition GerryChain seeds districting plans with, and the
 * move of its ReCom chain). Shared buffers sized to the whole graph; nothing is allocated
 * per tree except the sort keys.
 */
export class TreeSplitter {
  private readonly n: number
  private readonly region: Int32Array
  private readonly uf: Int32Array
  private readonly treeStart: Int32Array
  private readonly treeNbr: Int32Array
  private readonly treeFill: Int32Array
  private readonly order: Int32Array
  private readonly parent: Int32Array
  private readonly sub: Float64Array
  private readonly subSeeds: Int32Array
  private readonly size: Int32Array
  private readonly pre: Int32Array
  private readonly isSeed: Uint8Array
  private readonly mark: Int32Array
  private stamp = 0

  constructor(
    private readonly g: CsrGraph,
    private readonly weight: Float64Array,
    private readonly rng: Rng,
  ) {
    const n = g.adjStart.length - 1
    this.n = n
    this.region = new Int32Array(n).fill(-1)
    this.uf = new Int32Array(n)
    this.treeStart = new Int32Array(n + 1)
    this.treeNbr = new Int32Array(2 * Math.max(1, n))
    this.treeFill = new Int32Array(n)
    this.order = new Int32Array(n)
    this.parent = new Int32Array(n)
    this.sub = new Float64Array(n)
    this.subSeeds = new Int32Array(n)
    this.size = new Int32Array(n)
    this.pre = new Int32Array(n)
    this.isSeed = new Uint8Array(n)
    this.mark = new Int32Array(n)
  }

  setSeeds(seeds: readonly number[]): void {
    this.isSeed.fill(0)
    for (const s of seeds) this.isSeed[s] = 1
  }

  /**
   * Splits `nodes` (one connected region) into a side for `k1` parts and a side for `k2`
   * parts, each side's mean part weight as close to `ideal` as the trees allow. Among cuts
   * within `tolerance`, the one with the fewest cut edges wins; with none, the most balanced.
   * With `seedsPerPart`, neither side may hold more seeds than it has parts (with one seed
   * per part, exactly as many).
   * Returns the nodes of the `k1` side (the rest form the `k2` side), or null when the
   * region has fewer than two nodes or no tree gave a valid cut.
   */
  split(
    nodes: Int32Array,
    k1: number,
    k2: number,
    ideal: number,
    tolerance: number,
    maxTrees: number,
    seedsPerPart: boolean,
  ): { side: Int32Array; error: number; cut: number } | null {
    const count = nodes.length
    if (count < 2) return null
    const rid = ++this.stamp
    for (let i = 0; i < count; i++) this.region[nodes[i]!] = rid
    // The region's edges, once (u < v).
    const eu: number[] = []
    const ev: number[] = []
    const { adjStart, adjNbr } = this.g
    for (let i = 0; i < count; i++) {
      const u = nodes[i]!
      for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
        const v = adjNbr[k]!
        if (v > u && this.region[v] === rid) {
          eu.push(u)
          ev.push(v)
        }
      }
    }
    const m = eu.length
    if (m === 0) return null
    let total = 0
    let seedTotal = 0
    for (let i = 0; i < count; i++) {
      total += this.weight[nodes[i]!]!
      seedTotal += this.isSeed[nodes[i]!]!
    }
    const keys = new Float64Array(m)
    let best: { v: number; flip: boolean; error: number; cut: number } | null =
      null
    let bestSide: Int32Array | null = null
    let acceptable = 0
    // Enough acceptable cuts to choose the most compact among; more trees when none is found.
    const wantAcceptable = 6
    for (let tree = 0; tree < maxTrees; tree++) {
      if (acceptable >= wantAcceptable) break
      const root = this.randomTree(nodes, eu, ev, keys)
      if (root < 0) return null // the region is not connected
      // One pass over the tree's edges for the best-balanced cut of this tree.
      let treeBest = -1
      let treeFlip = false
      let treeErr = Infinity
      for (let i = 1; i < count; i++) {
        const v = this.order[i]!
        const s = this.sub[v]!
        for (let flip = 0; flip < 2; flip++) {
          const a = flip ? k2 : k1
          const b = flip ? k1 : k2
          // Each side needs at least one node per part it will be cut into.
          if (this.size[v]! < a || count - this.size[v]! < b) continue
          if (
            seedsPerPart &&
            (this.subSeeds[v]! > a || seedTotal - this.subSeeds[v]! > b)
          )
            continue
          const e = Math.max(
            Math.abs(s / a - ideal) / ideal,
            Math.abs((total - s) / b - ideal) / ideal,
          )
          if (e < treeErr) {
            treeErr = e
            treeBest = v
            treeFlip = flip === 1
          }
          if (k1 === k2) break
        }
      }
      if (treeBest < 0) continue
      const within = treeErr <= tolerance
      if (!within && best && best.error <= treeErr) continue
      const side = this.subtree(treeBest)
      const cut = this.cutOf(side, rid)
      if (within) acceptable++
      const better =
        !best ||
        (within && best.error > tolerance) ||
        (within ? cut < best.cut : treeErr < best.error)
      if (better) {
        best = { v: treeBest, flip: treeFlip, error: treeErr, cut }
        bestSide = side
      }
    }
    if (!best || !bestSide) return null
    let side = bestSide
    if (best.flip) {
      // The subtree holds the k2 side: return its complement.
      const inSide = ++this.stamp
      for (let i = 0; i < side.length; i++) this.mark[side[i]!] = inSide
      const rest = new Int32Array(count - side.length)
      let c = 0
      for (let i = 0; i < count; i++)
        if (this.mark[nodes[i]!] !== inSide) rest[c++] = nodes[i]!
      side = rest
    }
    return { side, error: best.error, cut: best.cut }
  }

  /**
   * A random spanning tree of the region (Kruskal on random edge keys), rooted and walked in
   * DFS preorder with subtree weights and seed counts. Returns the root, −1 if disconnected.
   */
  private randomTree(
    nodes: Int32Array,
    eu: number[],
    ev: number[],
    keys: Float64Array,
  ): number {
    const count = nodes.length
    const m = eu.length
    for (let i = 0; i < count; i++) this.uf[nodes[i]!] = nodes[i]!
    // Key = random 31-bit draw above the edge index: one numeric sort gives a random order.
    for (let e = 0; e < m; e++)
      keys[e] = Math.floor(this.rng.next() * 2 ** 31) * 2 ** 21 + e
    keys.sort()
    for (let i = 0; i < count; i++) this.treeFill[nodes[i]!] = 0
    const chosen: number[] = []
    for (let j = 0; j < m && chosen.length < count - 1; j++) {
      const e = keys[j]! % 2 ** 21
      const a = this.find(eu[e]!)
      const b = this.find(ev[e]!)
      if (a === b) continue
      this.uf[a] = b
      chosen.push(e)
      this.treeFill[eu[e]!]!++
      this.treeFill[ev[e]!]!++
    }
    if (chosen.length < count - 1) return -1
    // CSR of the tree over the region's nodes (treeStart indexed through `pre` as a slot map).
    let off = 0
    for (let i = 0; i < count; i++) {
      const u = nodes[i]!
      this.pre[u] = off
      off += this.treeFill[u]!
      this.treeFill[u] = this.pre[u]!
    }
    for (const e of chosen) {
      const a = eu[e]!
      const b = ev[e]!
      this.treeNbr[this.treeFill[a]!++] = b
      this.treeNbr[this.treeFill[b]!++] = a
    }
    // Iterative DFS preorder from a random root; parents, then subtree sums in reverse.
    const root = nodes[Math.floor(this.rng.next() * count)]!
    this.parent[root] = -1
    const stack = this.order
    const scratch: number[] = [root]
    let top = 0
    while (scratch.length > 0) {
      const u = scratch.pop()!
      stack[top++] = u
      for (let k = this.pre[u]!; k < this.treeFill[u]!; k++) {
        const v = this.treeNbr[k]!
        if (v === this.parent[u]) continue
        this.parent[v] = u
        scratch.push(v)
      }
    }
    const head = top
    for (let i = 0; i < head; i++) {
      const u = stack[i]!
      this.sub[u] = this.weight[u]!
      this.subSeeds[u] = this.isSeed[u]!
      this.size[u] = 1
    }
    for (let i = head - 1; i > 0; i--) {
      const u = stack[i]!
      const p = this.parent[u]!
      this.sub[p]! += this.sub[u]!
      this.subSeeds[p]! += this.subSeeds[u]!
      this.size[p]! += this.size[u]!
    }
    // Preorder positions, so a subtree is a contiguous run of `order`.
    for (let i = 0; i < head; i++) this.pre[stack[i]!] = i
    return root
  }

  private subtree(v: number): Int32Array {
    const start = this.pre[v]!
    return this.order.slice(start, start + this.size[v]!)
  }

  /** Edges of the region with exactly one end in `side`. */
  private cutOf(side: Int32Array, rid: number): number {
    const inSide = ++this.stamp
    for (let i = 0; i < side.length; i++) this.mark[side[i]!] = inSide
    const { adjStart, adjNbr } = this.g
    let cut = 0
    for (let i = 0; i < side.length; i++) {
      const u = side[i]!
      for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
        const v = adjNbr[k]!
        if (this.region[v] === rid && this.mark[v] !== inSide) cut++
      }
    }
    return cut
  }

  private find(x: number): number {
    let r = x
    while (this.uf[r] !== r) r = this.uf[r]!
    while (this.uf[x] !== r) {
      const next = this.uf[x]!
      this.uf[x] = r
      x = next
    }
    return r
  }

  get nodeCount(): number {
    return this.n
  }
}

/** Trees to draw per split: many for small regions (cheap), fewer for large ones. */
export function treesFor(nodes: number): number {
  return Math.max(24, Math.min(3000, Math.floor(400_000 / Math.max(1, nodes))))
}

/**
 * Recursive bipartition of one connected component into `parts` parts by spanning-tree
 * cuts: each region is split into halves (by part count) whose mean part weight is as
 * close to the global ideal as possible, then each half recursively. Writes part numbers
 * `base … base + parts − 1` into `owner`.
 */
export function treePartition(
  g: CsrGraph,
  nodes: Int32Array,
  options: TreePartitionOptions,
  owner: Int32Array,
  base = 0,
  splitter = new TreeSplitter(g, options.weight, options.rng),
): void {
  const { parts } = options
  let total = 0
  for (let i = 0; i < nodes.length; i++) total += options.weight[nodes[i]!]!
  const ideal = parts > 0 ? total / parts : 0
  const seeds = options.seeds ?? []
  const seedsPerPart = seeds.length > 0 && new Set(seeds).size <= parts
  if (seedsPerPart) splitter.setSeeds(seeds)
  const recurse = (region: Int32Array, k: number, first: number) => {
    if (k <= 1 || region.length <= 1) {
      for (let i = 0; i < region.length; i++) owner[region[i]!] = first
      return
    }
    const k1 = Math.floor(k / 2)
    const k2 = k - k1
    const tol = Math.min(options.tolerance, 0.5)
    const res =
      ideal > 0
        ? splitter.split(
            region,
            k1,
            k2,
            ideal,
            tol,
            options.maxTrees ?? treesFor(region.length),
            seedsPerPart,
          )
        : null
    if (!res) {
      for (let i = 0; i < region.length; i++) owner[region[i]!] = first
      return
    }
    const inA = new Set<number>()
    for (let i = 0; i < res.side.length; i++) inA.add(res.side[i]!)
    const b = new Int32Array(region.length - res.side.length)
    let c = 0
    for (let i = 0; i < region.length; i++)
      if (!inA.has(region[i]!)) b[c++] = region[i]!
    recurse(res.side, k1, first)
    recurse(b, k2, first + k1)
  }
  recurse(nodes, parts, base)
}

/**
 * ReCom improvement (recombination): merge two adjacent parts and re-split the union by a
 * spanning-tree cut, keeping the result when the pair gets more balanced, or equally within
 * the band with fewer cut edges between them. Pairs with the worst part go first. Works on
 * `owner` in place; returns how many recombinations were kept.
 */
export function recombine(
  g: CsrGraph,
  owner: Int32Array,
  parts: number,
  options: {
    weight: Float64Array
    ideal: number
    tolerance: number
    rng: Rng
    iterations: number
    maxTrees: number
    /** Parts that must not change (e.g. the only part of a small component). */
    frozen?: Uint8Array
    seeds?: readonly number[]
    onIteration?: (i: number) => boolean | void
  },
  splitter = new TreeSplitter(g, options.weight, options.rng),
): number {
  const n = owner.length
  const { weight, ideal, tolerance, rng } = options
  if (parts < 2 || ideal <= 0) return 0
  const seedsPerPart = (options.seeds?.length ?? 0) > 0
  if (seedsPerPart) splitter.setSeeds(options.seeds!)
  const load = new Float64Array(parts)
  for (let u = 0; u < n; u++) if (owner[u]! >= 0) load[owner[u]!]! += weight[u]!
  const pairCut = new Map<number, number>()
  const members: number[][] = Array.from({ length: parts }, () => [])
  for (let u = 0; u < n; u++) if (owner[u]! >= 0) members[owner[u]!]!.push(u)
  let kept = 0
  const errOf = (w: number) => Math.abs(w - ideal) / ideal
  // Stop early once recombination stops paying: this many tries in a row kept nothing.
  const patience = Math.max(100, 8 * parts)
  let stale = 0
  for (let it = 0; it < options.iterations && stale < patience; it++) {
    if (options.onIteration?.(it) === false) break
    stale++
    // The pair: the worst part (or, once all are in the band, a random one) and a random neighbour.
    let p = -1
    let worst = -1
    for (let q = 0; q < parts; q++) {
      if (options.frozen?.[q]) continue
      const e = errOf(load[q]!)
      if (e > worst) {
        worst = e
        p = q
      }
    }
    if (p < 0) break
    if (worst <= tolerance || rng.next() < 0.3)
      p = Math.floor(rng.next() * parts)
    if (options.frozen?.[p]) continue
    pairCut.clear()
    for (const u of members[p]!) {
      for (let k = g.adjStart[u]!; k < g.adjStart[u + 1]!; k++) {
        const q = owner[g.adjNbr[k]!]!
        if (q >= 0 && q !== p && !options.frozen?.[q])
          pairCut.set(q, (pairCut.get(q) ?? 0) + 1)
      }
    }
    if (pairCut.size === 0) continue
    const nbrs = [...pairCut.keys()].sort((a, b) => a - b)
    const q = nbrs[Math.floor(rng.next() * nbrs.length)]!
    const oldErr = Math.max(errOf(load[p]!), errOf(load[q]!))
    const oldCut = pairCut.get(q)!
    const region = Int32Array.from([...members[p]!, ...members[q]!])
    const res = splitter.split(
      region,
      1,
      1,
      ideal,
      tolerance,
      options.maxTrees,
      seedsPerPart,
    )
    if (!res) continue
    const better =
      res.error < oldErr - 1e-12 &&
      (res.error > tolerance || oldErr > tolerance || res.cut <= oldCut)
    const compacter =
      res.error <= tolerance && oldErr <= tolerance && res.cut < oldCut
    if (!better && !compacter) continue
    const inA = new Set<number>(res.side)
    members[p] = []
    members[q] = []
    load[p] = 0
    load[q] = 0
    for (let i = 0; i < region.length; i++) {
      const u = region[i]!
      const t = inA.has(u) ? p : q
      owner[u] = t
      members[t]!.push(u)
      load[t]! += weight[u]!
    }
    kept++
    stale = 0
  }
  return kept
}
