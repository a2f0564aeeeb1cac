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
  // Warm start (as Jonker–Volgenant do): reduce columns (square case only — with spare
  // columns their potentials must stay ≤ 0), then rows, and match every row that has a tight
  // free column. Potentials stay feasible (u_i + v_j ≤ c_ij, matched pairs tight), so the
  // augmenting searches below only run for the rows still free — usually a minority.
  if (n === m) {
    v.fill(Infinity)
    v[0] = 0
    for (let i = 0; i < n; i++) {
      const row = i * m
      for (let j = 0; j < m; j++)
        if (cost[row + j]! < v[j + 1]!) v[j + 1] = cost[row + j]!
    }
    for (let j = 1; j <= m; j++) if (!Number.isFinite(v[j]!)) v[j] = 0
  }
  const free: number[] = []
  for (let i = 1; i <= n; i++) {
    const row = (i - 1) * m
    let best = Infinity
    for (let j = 1; j <= m; j++) {
      const r = cost[row + j - 1]! - v[j]!
      if (r < best) best = r
    }
    u[i] = Number.isFinite(best) ? best : 0
    let matched = false
    for (let j = 1; j <= m && Number.isFinite(best); j++) {
      if (p[j] === 0 && cost[row + j - 1]! - v[j]! === best) {
        p[j] = i
        matched = true
        break
      }
    }
    if (!matched) free.push(i)
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
