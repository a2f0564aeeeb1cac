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
      // Bounded: long displacement chains are cheaper to finish by augmentation.
      while (k < queue.length && guard++ < 2 * n) {
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
    if (free.length > 0 && !augmentSquare(cost, n, v, p, rowCol, free))
      return null
    free = []
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

/**
 * Jonker–Volgenant augmentation for the square case (1-based `v`, `colRow` = p, `rowCol`):
 * for each free row, a Dijkstra over reduced costs that keeps the columns at the current
 * minimum in a "todo" band, so each step scans only the columns not yet settled; then the
 * settled columns' prices are lowered and the path flipped. False when a row has no
 * finite column left.
 */
function augmentSquare(
  cost: Float64Array,
  n: number,
  v: Float64Array,
  colRow: Int32Array,
  rowCol: Int32Array,
  free: readonly number[],
): boolean {
  const d = new Float64Array(n + 1)
  const pred = new Int32Array(n + 1)
  const cols = new Int32Array(n)
  for (const f of free) {
    const rowF = (f - 1) * n
    for (let k = 0; k < n; k++) {
      const j = k + 1
      cols[k] = j
      d[j] = cost[rowF + k]! - v[j]!
      pred[j] = f
    }
    let low = 0
    let up = 0
    let last = 0
    let min = 0
    let end = 0
    while (end === 0) {
      if (up === low) {
        // Collect the columns at the new minimum distance into [low, up).
        last = low - 1
        min = d[cols[up++]!]!
        for (let k = up; k < n; k++) {
          const j = cols[k]!
          const h = d[j]!
          if (h <= min) {
            if (h < min) {
              up = low
              min = h
            }
            cols[k] = cols[up]!
            cols[up++] = j
          }
        }
        if (!Number.isFinite(min)) return false
        for (let k = low; k < up; k++) {
          if (colRow[cols[k]!] === 0) {
            end = cols[k]!
            break
          }
        }
      }
      if (end === 0) {
        // Settle one column at the minimum and relax through the row matched to it.
        const j1 = cols[low++]!
        const i = colRow[j1]!
        const row = (i - 1) * n
        const h = cost[row + j1 - 1]! - v[j1]! - min
        for (let k = up; k < n; k++) {
          const j = cols[k]!
          const v2 = cost[row + j - 1]! - v[j]! - h
          if (v2 < d[j]!) {
            pred[j] = i
            if (v2 === min) {
              if (colRow[j] === 0) {
                end = j
                break
              }
              cols[k] = cols[up]!
              cols[up++] = j
            }
            d[j] = v2
          }
        }
      }
    }
    // Settled columns get cheaper by how much closer than the end they were.
    for (let k = 0; k <= last; k++) {
      const j = cols[k]!
      v[j] = v[j]! + d[j]! - min
    }
    // Flip the alternating path back to f.
    for (;;) {
      const i = pred[end]!
      colRow[end] = i
      const next = rowCol[i]!
      rowCol[i] = end
      if (i === f) break
      end = next
    }
  }
  return true
}
