/**
 * Minimum-cost perfect assignment of an n × m cost matrix (n ≤ m: every row gets a distinct
 * column) by the Hungarian method with potentials and shortest augmenting paths
 * (Kuhn–Munkres in the Jonker–Volgenant / e-maxx form), O(n²·m). The matrix is row-major in
 * a Float64Array; `Infinity` marks a forbidden pair. No allocation inside the loops.
 *
 * Returns the column of each row, or null when no finite assignment exists.
 */
export function solveAssignment(
  cost: Float64Array,
  n: number,
  m: number,
): { rowToCol: Int32Array; total: number } | null {
  if (n > m) throw new RangeError(`more rows (${n}) than columns (${m})`)
  if (cost.length !== n * m)
    throw new RangeError(`cost has ${cost.length} entries, expected ${n * m}`)
  // 1-based arrays: index 0 is the virtual start column of each augmenting search.
  const u = new Float64Array(n + 1)
  const v = new Float64Array(m + 1)
  const p = new Int32Array(m + 1) // p[j] = row matched to column j (0: none)
  const way = new Int32Array(m + 1)
  const minv = new Float64Array(m + 1)
  const used = new Uint8Array(m + 1)
  // Warm start (Jonker–Volgenant): in the square case, column reduction then two rounds of
  // augmenting row reduction assign most rows cheaply while keeping reduced costs c − v ≥ 0,
  // each assigned row tight on its column. With spare columns (their potentials must stay
  // ≤ 0) a plain row reduction does. Either way the shortest-path searches below only run for
  // the rows still free.
  let free: number[] = []
  if (n === m) {
    const rowCol = new Int32Array(n + 1) // 1-based column of each row, 0 = free
    for (let j = m; j >= 1; j--) {
      let min = Infinity
      let imin = 0
      for (let i = 1; i <= n; i++) {
        const c = cost[(i - 1) * m + j - 1]!
        if (c < min) {
          min = c
          imin = i
        }
      }
      v[j] = Number.isFinite(min) ? min : 0
      if (imin > 0 && rowCol[imin] === 0) {
        rowCol[imin] = j
        p[j] = imin
      }
    }
    for (let i = 1; i <= n; i++) if (rowCol[i] === 0) free.push(i)
    for (let round = 0; round < 2 && free.length > 0; round++) {
      const queue = free
      free = []
      let k = 0
      let guard = 0
      while (k < queue.length && guard++ < 4 * n * n) {
        const i = queue[k++]!
        const row = (i - 1) * m
        let umin = Infinity
        let usub = Infinity
        let j1 = 0
        let j2 = 0
        for (let j = 1; j <= m; j++) {
          const h = cost[row + j - 1]! - v[j]!
          if (h < usub) {
            if (h >= umin) {
              usub = h
              j2 = j
            } else {
              usub = umin
              umin = h
              j2 = j1
              j1 = j
            }
          }
        }
        if (!Number.isFinite(umin)) {
          free.push(i)
          continue
        }
        let i0 = p[j1]!
        if (umin < usub) v[j1] = v[j1]! - (usub - umin)
        else if (i0 > 0 && j2 > 0) {
          j1 = j2
          i0 = p[j2]!
        }
        rowCol[i] = j1
        p[j1] = i
        if (i0 > 0) {
          rowCol[i0] = 0
          // The displaced row retries at once when the column got cheaper, else next round.
          if (umin < usub) queue[--k] = i0
          else free.push(i0)
        }
      }
      for (; k < queue.length; k++) free.push(queue[k]!)
    }
    for (let i = 1; i <= n; i++) {
      const j = rowCol[i]!
      if (j > 0) u[i] = cost[(i - 1) * m + j - 1]! - v[j]!
      else {
        let best = Infinity
        for (let jj = 1; jj <= m; jj++)
          best = Math.min(best, cost[(i - 1) * m + jj - 1]! - v[jj]!)
        u[i] = Number.isFinite(best) ? best : 0
      }
    }
  } else {
    for (let i = 1; i <= n; i++) {
      const row = (i - 1) * m
      let best = Infinity
      for (let j = 1; j <= m; j++) best = Math.min(best, cost[row + j - 1]!)
      u[i] = Number.isFinite(best) ? best : 0
      let matched = false
      for (let j = 1; j <= m && Number.isFinite(best); j++) {
        if (p[j] === 0 && cost[row + j - 1]! === best) {
          p[j] = i
          matched = true
          break
        }
      }
      if (!matched) free.push(i)
    }
  }
  for (const i of free) {
    p[0] = i
    let j0 = 0
    minv.fill(Infinity)
    used.fill(0)
    do {
      used[j0] = 1
      const i0 = p[j0]!
      const row = (i0 - 1) * m
      const ui0 = u[i0]!
      let delta = Infinity
      let j1 = -1
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue
        const cur = cost[row + j - 1]! - ui0 - v[j]!
        if (cur < minv[j]!) {
          minv[j] = cur
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      if (j1 === -1 || delta === Infinity) return null
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta
          v[j]! -= delta
        } else minv[j]! -= delta
      }
      j0 = j1
    } while (p[j0] !== 0)
    do {
      const j1 = way[j0]!
      p[j0] = p[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  const rowToCol = new Int32Array(n).fill(-1)
  let total = 0
  for (let j = 1; j <= m; j++) {
    if (p[j]! > 0) {
      rowToCol[p[j]! - 1] = j - 1
      total += cost[(p[j]! - 1) * m + j - 1]!
    }
  }
  return Number.isFinite(total) ? { rowToCol, total } : null
}
