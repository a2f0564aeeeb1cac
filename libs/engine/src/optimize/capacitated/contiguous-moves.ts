import { MAX_PASSES, type Search } from './search.js'

/** Unit adjacency (CSR: unit u's neighbours at adjNbr[adjStart[u] .. adjStart[u + 1]]). */
export interface ContiguityGraph {
  adjStart: Int32Array
  adjNbr: Int32Array
  /** Whether facility a stays connected when unit u leaves it (see wholeChecker). */
  staysWhole: (u: number, a: number) => boolean
}

/** Appends g to the first nc entries of list unless it is among them; the new count. */
export function addOnce(list: Int32Array, nc: number, g: number): number {
  for (let x = 0; x < nc; x++) if (list[x] === g) return nc
  list[nc] = g
  return nc + 1
}

/**
 * Shift local search that keeps pieces whole: a unit moves only to a facility it borders,
 * and only when its own facility stays connected without it.
 */
export function contiguousShifts(s: Search, graph: ContiguityGraph): void {
  const { n, p, d, c, asg, pin } = s
  const { adjStart, adjNbr, staysWhole } = graph
  const candidate = new Int32Array(p)
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moves = 0
    for (let u = 0; u < n; u++) {
      if (pin[u]! >= 0 || d[u] === 0) continue
      const a = asg[u]!
      let nc = 0
      for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
        const g = asg[adjNbr[k]!]!
        if (g !== a) nc = addOnce(candidate, nc, g)
      }
      if (nc === 0) continue
      const out = s.overDelta(a, -d[u]!)
      let best = -1
      let bo = 0
      let bc = 0
      for (let x = 0; x < nc; x++) {
        const b = candidate[x]!
        const dc = d[u]! * (c[u * p + b]! - c[u * p + a]!)
        const o = out + s.overDelta(b, d[u]!)
        if (s.better(o, dc, bo, bc)) {
          best = b
          bo = o
          bc = dc
        }
      }
      if (best >= 0 && staysWhole(u, a)) {
        s.move(u, a, best)
        moves++
        continue
      }
      if (swapNearby(s, u, graph)) moves++
    }
    if (moves === 0) break
  }
}

/**
 * The best improving swap of border unit u (at a) with a unit v of a bordering facility b
 * within two steps of u, both facilities staying whole: it trades load between neighbours
 * when no single unit fits. True when a swap was made.
 */
function swapNearby(s: Search, u: number, graph: ContiguityGraph): boolean {
  const { p, d, c, asg, pin } = s
  const { adjStart, adjNbr, staysWhole } = graph
  const a = asg[u]!
  let bestV = -1
  let bo = 0
  let bc = 0
  for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
    const w = adjNbr[k]!
    const b = asg[w]!
    if (b === a) continue
    // v: w itself or a neighbour of w in b.
    for (let kk = adjStart[w]! - 1; kk < adjStart[w + 1]!; kk++) {
      const v = kk < adjStart[w]! ? w : adjNbr[kk]!
      if (asg[v] !== b || pin[v]! >= 0 || d[v] === 0) continue
      const shift = d[u]! - d[v]!
      const dov = s.overDelta(a, -shift) + s.overDelta(b, shift)
      const dc =
        d[u]! * (c[u * p + b]! - c[u * p + a]!) +
        d[v]! * (c[v * p + a]! - c[v * p + b]!)
      if (s.better(dov, dc, bo, bc)) {
        bestV = v
        bo = dov
        bc = dc
      }
    }
  }
  if (bestV < 0) return false
  const v = bestV
  const b = asg[v]!
  // v must border a once u has left, and both facilities must stay whole.
  let borders = false
  for (let k = adjStart[v]!; k < adjStart[v + 1]!; k++)
    if (adjNbr[k] !== u && asg[adjNbr[k]!] === a) borders = true
  if (!borders || !staysWhole(u, a)) return false
  s.move(u, a, b)
  if (!staysWhole(v, b)) {
    s.move(u, b, a)
    return false
  }
  s.move(v, b, a)
  return true
}

/**
 * Drains overload that single shifts cannot: a unit of an overloaded facility moves to a
 * bordering facility one step closer (in the graph of facilities that share a border) to a
 * facility with room for at least the smallest unit, which passes load on in turn. The unit
 * leaving least overload in total goes first, then the cheapest per minute relieved; each
 * unit moves at most once, so the drain ends; the best state seen (overload, then cost) is
 * kept.
 */
export function drainOverload(s: Search, graph: ContiguityGraph): void {
  const { n, p, d, c, asg, load, cap, pin } = s
  const { adjStart, adjNbr, staysWhole } = graph
  const touch = new Uint8Array(p * p)
  const dist = new Int32Array(p)
  const queue = new Int32Array(p)
  const moved = new Uint8Array(n)
  const tried = new Uint8Array(n)
  const stuck = new Uint8Array(p)
  // Room that counts: enough for the smallest unit that could move.
  let unit = Infinity
  for (let u = 0; u < n; u++)
    if (pin[u]! < 0 && d[u]! > 0) unit = Math.min(unit, d[u]!)
  const best = asg.slice()
  let [bestCost, bestOver] = s.totals()
  for (let step = 0; step < n && bestOver > 0; step++) {
    touch.fill(0)
    for (let u = 0; u < n; u++)
      for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++)
        touch[asg[u]! * p + asg[adjNbr[k]!]!] = 1
    // Steps from each facility to the nearest one with room.
    dist.fill(-1)
    let tail = 0
    for (let f = 0; f < p; f++)
      if (load[f]! <= cap[f]! - unit) {
        dist[f] = 0
        queue[tail++] = f
      }
    for (let head = 0; head < tail; head++) {
      const f = queue[head]!
      for (let g = 0; g < p; g++)
        if (dist[g]! < 0 && touch[g * p + f]) {
          dist[g] = dist[f]! + 1
          queue[tail++] = g
        }
    }
    let from = -1
    for (let f = 0; f < p; f++) {
      const over = load[f]! - cap[f]!
      if (over > s.epsLoad && dist[f]! > 0 && !stuck[f])
        if (from < 0 || over > load[from]! - cap[from]!) from = f
    }
    if (from < 0) break
    const over = load[from]! - cap[from]!
    tried.fill(0)
    let done = false
    while (!done) {
      let pick = -1
      let to = -1
      let relief = Infinity
      let price = Infinity
      for (let u = 0; u < n; u++) {
        if (asg[u] !== from || moved[u] || tried[u] || pin[u]! >= 0) continue
        if (d[u] === 0) continue
        for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
          const g = asg[adjNbr[k]!]!
          if (g === from || dist[g] !== dist[from]! - 1) continue
          // Least total overload after the move, then least cost per minute relieved.
          const r = s.overDelta(from, -d[u]!) + s.overDelta(g, d[u]!)
          const pr =
            (d[u]! * (c[u * p + g]! - c[u * p + from]!)) / Math.min(d[u]!, over)
          if (
            r < relief - s.epsLoad ||
            (r <= relief + s.epsLoad && pr < price)
          ) {
            pick = u
            to = g
            relief = r
            price = pr
          }
        }
      }
      if (pick < 0) break
      if (staysWhole(pick, from)) {
        s.move(pick, from, to)
        moved[pick] = 1
        done = true
      } else tried[pick] = 1
    }
    if (!done) {
      stuck[from] = 1
      continue
    }
    const [cost, o] = s.totals()
    if (s.better(o - bestOver, cost - bestCost, 0, 0)) {
      best.set(asg)
      bestCost = cost
      bestOver = o
    }
  }
  asg.set(best)
  s.recomputeLoads()
}
