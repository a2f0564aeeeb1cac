import {
  type ContiguityGraph,
  addOnce,
  contiguousShifts,
  drainOverload,
} from './contiguous-moves.js'
import type { Search } from './search.js'

/**
 * Makes each facility's units one connected piece over unit adjacency, then improves cost
 * with shifts that keep every piece whole. A facility's main piece is the one with the most
 * pinned units, then the most demand; every other piece moves whole to a facility whose
 * main piece it touches — the one where it costs least, capacity first under hard capacity.
 * Each move joins a piece to a main piece, so units outside main pieces only decrease and the
 * repair ends. Pieces with pinned units stay, and a unit with no neighbours is never detached.
 * Returns the number of units still outside their facility's main piece.
 */
export function repairContiguity(
  s: Search,
  adjStart: Int32Array,
  adjNbr: Int32Array,
): number {
  const { n, p, d, c, asg, pin } = s
  const comp = new Int32Array(n)
  const queue = new Int32Array(n)
  const compStart = new Int32Array(n + 1)
  const compUnits = new Int32Array(n)
  const compDemand = new Float64Array(n)
  const compPinned = new Int32Array(n)
  const main = new Int32Array(p)
  const candidate = new Int32Array(p)
  const pieceCost = new Float64Array(p)
  const inMain = new Uint8Array(n)
  let detached = 0
  for (let round = 0; round < n; round++) {
    // Label the pieces: breadth-first over same-facility neighbours.
    comp.fill(-1)
    let pieces = 0
    for (let start = 0; start < n; start++) {
      if (comp[start]! >= 0) continue
      const id = pieces++
      const f = asg[start]!
      comp[start] = id
      queue[0] = start
      let head = 0
      let tail = 1
      compDemand[id] = 0
      compPinned[id] = 0
      while (head < tail) {
        const u = queue[head++]!
        compDemand[id]! += d[u]!
        if (pin[u]! >= 0) compPinned[id]!++
        for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
          const v = adjNbr[k]!
          if (comp[v]! < 0 && asg[v] === f) {
            comp[v] = id
            queue[tail++] = v
          }
        }
      }
    }
    compStart.fill(0)
    for (let u = 0; u < n; u++) compStart[comp[u]! + 1]!++
    for (let q = 0; q < pieces; q++) compStart[q + 1]! += compStart[q]!
    const fill = compStart.slice(0, pieces)
    for (let u = 0; u < n; u++) compUnits[fill[comp[u]!]!++] = u
    main.fill(-1)
    for (let q = 0; q < pieces; q++) {
      const f = asg[compUnits[compStart[q]!]!]!
      const m = main[f]!
      if (
        m < 0 ||
        compPinned[q]! > compPinned[m]! ||
        (compPinned[q] === compPinned[m] && compDemand[q]! > compDemand[m]!)
      )
        main[f] = q
    }
    for (let u = 0; u < n; u++) inMain[u] = main[asg[u]!] === comp[u] ? 1 : 0
    detached = 0
    let moved = 0
    for (let q = 0; q < pieces; q++) {
      const a0 = compStart[q]!
      const a1 = compStart[q + 1]!
      const f = asg[compUnits[a0]!]!
      if (main[f] === q) continue
      const lone =
        a1 - a0 === 1 &&
        adjStart[compUnits[a0]!] === adjStart[compUnits[a0]! + 1]
      if (lone) continue
      detached += a1 - a0
      if (compPinned[q]! > 0) continue
      // Facilities whose main piece this piece touches (main as labelled, still in place).
      let nc = 0
      for (let t = a0; t < a1; t++) {
        const u = compUnits[t]!
        for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
          const v = adjNbr[k]!
          const g = asg[v]!
          if (g !== f && inMain[v]) nc = addOnce(candidate, nc, g)
        }
      }
      if (nc === 0) continue
      for (let x = 0; x < nc; x++) pieceCost[x] = 0
      for (let t = a0; t < a1; t++) {
        const u = compUnits[t]!
        for (let x = 0; x < nc; x++)
          pieceCost[x]! += d[u]! * (c[u * p + candidate[x]!]! - c[u * p + f]!)
      }
      const dq = compDemand[q]!
      const out = s.overDelta(f, -dq)
      let best = -1
      let bo = 0
      let bc = 0
      for (let x = 0; x < nc; x++) {
        const o = out + s.overDelta(candidate[x]!, dq)
        if (best < 0 || s.better(o, pieceCost[x]!, bo, bc)) {
          best = x
          bo = o
          bc = pieceCost[x]!
        }
      }
      const g = candidate[best]!
      for (let t = a0; t < a1; t++) {
        s.move(compUnits[t]!, f, g)
        inMain[compUnits[t]!] = 1
      }
      detached -= a1 - a0
      moved++
    }
    if (moved === 0) break
  }
  s.recomputeLoads()
  const graph: ContiguityGraph = {
    adjStart,
    adjNbr,
    staysWhole: wholeChecker(asg, adjStart, adjNbr),
  }
  contiguousShifts(s, graph)
  if (s.totals()[1] > 0) {
    drainOverload(s, graph)
    contiguousShifts(s, graph)
  }
  return detached
}

/**
 * Whether facility a stays connected when unit u leaves it: a breadth-first search from one
 * of u's same-facility neighbours that stops once it has reached all of them.
 */
function wholeChecker(
  asg: Int32Array,
  adjStart: Int32Array,
  adjNbr: Int32Array,
): (u: number, a: number) => boolean {
  const seen = new Int32Array(asg.length)
  const queue = new Int32Array(asg.length)
  let stamp = 0
  return (u, a) => {
    let first = -1
    let need = 0
    for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
      if (asg[adjNbr[k]!] !== a) continue
      if (first < 0) first = adjNbr[k]!
      need++
    }
    if (need <= 1) return true
    stamp++
    seen[u] = stamp
    seen[first] = stamp
    queue[0] = first
    let head = 0
    let tail = 1
    let found = 1
    while (head < tail) {
      const x = queue[head++]!
      for (let k = adjStart[x]!; k < adjStart[x + 1]!; k++) {
        const v = adjNbr[k]!
        if (seen[v] === stamp || asg[v] !== a) continue
        seen[v] = stamp
        queue[tail++] = v
        for (let kk = adjStart[u]!; kk < adjStart[u + 1]!; kk++)
          if (adjNbr[kk] === v) {
            if (++found === need) return true
            break
          }
      }
    }
    return false
  }
}
