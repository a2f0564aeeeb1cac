import type { Rng } from '@tessera/domain'
import { MAX_PASSES, type Search } from './search.js'

/**
 * Local search to a local optimum over three moves: shift (i to another facility), swap
 * (i from a to b, k from b to a) and ejection chain (i from a to b, k from b to x). Each
 * pass takes the best improving move per item. A pass examines only moves that involve a
 * facility whose load changed in the previous pass (all facilities on the first): moves
 * among unchanged facilities were already found not to improve, so after a perturbation a
 * pass costs little. Swaps and chains go toward i's K cheapest facilities and use the
 * border lists' BORDER_ITEMS partners, so they are a granular neighbourhood, complete for
 * small instances (p ≤ K, at most BORDER_ITEMS items per facility pair).
 */
export function localSearch(s: Search, all: boolean): number {
  const { n, p, d, c, asg, load, pin, cap } = s
  if (all) s.dirty.fill(1)
  let moves = 0
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let nd = 0
    for (let j = 0; j < p; j++) if (s.dirty[j]) s.dirtyList[nd++] = j
    if (nd === 0) break
    s.borders.build(s)
    s.nextDirty.fill(0)
    const { dirty, dirtyList, near, K } = s
    const { pairStart, pairEnd, pairItems, pairMin, pairMaxD } = s.borders
    for (let i = 0; i < n; i++) {
      if (pin[i]! >= 0 || d[i] === 0) continue
      const a = asg[i]!
      const di = d[i]!
      const row = i * p
      const ca = c[row + a]!
      const full = dirty[a] === 1
      const count = full ? p : nd
      // Shift i from a to b.
      const outOver = s.overDelta(a, -di)
      let bestB = -1
      let bo = 0
      let bc = 0
      for (let t = 0; t < count; t++) {
        const b = full ? t : dirtyList[t]!
        if (b === a) continue
        const dc = di * (c[row + b]! - ca)
        const dov = outOver + s.overDelta(b, di)
        if (s.better(dov, dc, bo, bc)) {
          bestB = b
          bo = dov
          bc = dc
        }
      }
      if (bestB >= 0) {
        s.move(i, a, bestB)
        moves++
        continue
      }
      // Swaps and chains: i moves to b, and an item k of b makes room by moving to a
      // (swap) or on to a third facility x near i with room (ejection chain of length two).
      const aOver = load[a]! > cap[a]! + s.epsLoad
      const aOut = s.overDelta(a, -di)
      let bestK = -1
      let bestX = -1
      for (let t = i * K, end = t + K; t < end; t++) {
        const b = near[t]!
        if (b === a || (!full && dirty[b] === 0)) continue
        const dci = di * (c[row + b]! - ca)
        // What k must free at b so that i fits (≤ 0: i fits already).
        const needB = di - (cap[b]! - load[b]!)
        const bRoom = needB < di - s.epsLoad
        // x: a (a swap), then i's other near facilities (chains stay local).
        for (let tx = i * K - 1; tx < i * K + K; tx++) {
          const x = tx < i * K ? a : near[tx]!
          if (x === b || (x === a && tx >= i * K)) continue
          const roomX = cap[x]! - load[x]!
          const pair = b * p + x
          // Overload relief (a sheds load, b or x can take it) is always tried. Otherwise
          // the move must lower cost — pairMin bounds what the best k leaving b for x
          // gives back — and a chain must fit: i fits at b only because k leaves, and x
          // has room for k (when i fitted at b, the rejected shift of i and k's own shift
          // to x already cover it).
          if (!(aOver && (bRoom || roomX > s.epsLoad))) {
            if (dci + pairMin[pair]! >= -s.epsCost) continue
            if (pairMaxD[pair]! < needB - s.epsLoad) continue
            if (x !== a && (needB <= s.epsLoad || roomX < needB - s.epsLoad))
              continue
          }
          for (let q = pairStart[pair]!; q < pairEnd[pair]!; q++) {
            const k = pairItems[q]!
            if (asg[k] !== b) continue
            const dk = d[k]!
            const dc = dci + dk * (c[k * p + x]! - c[k * p + b]!)
            const dov =
              x === a
                ? s.overDelta(a, dk - di) + s.overDelta(b, di - dk)
                : aOut + s.overDelta(b, di - dk) + s.overDelta(x, dk)
            if (s.better(dov, dc, bo, bc)) {
              bestK = k
              bestX = x
              bo = dov
              bc = dc
            }
          }
        }
      }
      if (bestK >= 0) {
        const b = asg[bestK]!
        s.move(i, a, b)
        s.move(bestK, b, bestX)
        moves++
      }
    }
    const t = s.dirty
    s.dirty = s.nextDirty
    s.nextDirty = t
  }
  s.dirty.fill(0)
  return moves
}

/**
 * The kick of iterated local search: `kicks` random items each go to one of their three
 * cheapest other facilities, regardless of capacity; the local search that follows
 * repairs the overload, which makes each kick a short ejection chain.
 */
export function perturb(
  s: Search,
  rng: Rng,
  movable: Int32Array,
  kicks: number,
): void {
  const { p, c, asg } = s
  s.nextDirty.fill(0)
  for (let k = 0; k < kicks; k++) {
    const i = movable[Math.floor(rng.next() * movable.length)]!
    const a = asg[i]!
    const row = i * p
    // The three cheapest facilities other than a, by insertion into a tiny sorted list.
    let f0 = -1
    let f1 = -1
    let f2 = -1
    for (let j = 0; j < p; j++) {
      if (j === a) continue
      const cj = c[row + j]!
      if (f0 < 0 || cj < c[row + f0]!) {
        f2 = f1
        f1 = f0
        f0 = j
      } else if (f1 < 0 || cj < c[row + f1]!) {
        f2 = f1
        f1 = j
      } else if (f2 < 0 || cj < c[row + f2]!) f2 = j
    }
    const options = f2 >= 0 ? 3 : f1 >= 0 ? 2 : 1
    const pick = Math.floor(rng.next() * options)
    s.move(i, a, pick === 0 ? f0 : pick === 1 ? f1 : f2)
  }
  s.dirty.set(s.nextDirty)
}
