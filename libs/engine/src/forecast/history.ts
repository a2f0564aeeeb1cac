/**
 * What part of a series' history speaks for its future: where it really starts (its first
 * non-zero month), whether it has gone quiet (a run of trailing zeros too long to be chance
 * for this series), and where its level last shifted.
 */

/** Index of the first non-zero value, or `values.length` when every value is zero. */
export function firstActive(values: ArrayLike<number>): number {
  let i = 0
  while (i < values.length && values[i] === 0) i++
  return i
}

/** Number of zeros at the end of `values`. */
export function trailingZeros(values: ArrayLike<number>): number {
  let r = 0
  while (r < values.length && values[values.length - 1 - r] === 0) r++
  return r
}

/**
 * Whether the series' trailing run of zeros is too long to be its usual gaps: the run of
 * `r` zeros has probability p₀ʳ if months are zero independently with the rate p₀ seen before
 * the run (with half a zero added, so a series that never had a gap can still have one).
 * Below 2 % we call the account dormant — churned, or paused — rather than between orders.
 */
export function isDormant(active: ArrayLike<number>): boolean {
  const r = trailingZeros(active)
  if (r === 0 || r === active.length) return false
  const before = active.length - r
  let zeros = 0
  for (let t = 0; t < before; t++) if (active[t] === 0) zeros++
  const p0 = (zeros + 0.5) / (before + 1)
  return p0 ** r < 0.02
}

/**
 * Start of the latest level shift in `y` (0 when none is clear), looking at the last
 * `window` months. Every split with at least 3 months before and 2 after is scored by the
 * two-sample t statistic of the means, against a noise scale from the months' differences
 * (the median absolute first difference, which a shift moves only once); the best split is
 * taken when its t passes 4, a bar high enough for the ~30 splits tried at once. A steady
 * trend also scores high and then only its recent part is kept, which is what forecasting
 * wants anyway.
 */
export function levelShiftStart(y: ArrayLike<number>, window = 36): number {
  const n = y.length
  const from = Math.max(0, n - window)
  const m = n - from
  if (m < 6) return 0
  const diffs: number[] = []
  for (let t = from + 1; t < n; t++)
    diffs.push(Math.abs((y[t] as number) - (y[t - 1] as number)))
  diffs.sort((a, b) => a - b)
  // MAD of differences → σ of one month: |Δ| of two iid N(0, σ²) has median 0.954 σ.
  const sigma = (diffs[diffs.length >> 1] as number) / 0.954
  if (!(sigma > 0)) return 0
  let total = 0
  for (let t = from; t < n; t++) total += y[t] as number
  // `before` is the sum of y[from .. k-1].
  let before = (y[from] as number) + (y[from + 1] as number)
  let best = 0
  let bestAt = 0
  for (let k = from + 3; k <= n - 2; k++) {
    before += y[k - 1] as number
    const n1 = k - from
    const n2 = n - k
    const diff = (total - before) / n2 - before / n1
    const t = Math.abs(diff) / (sigma * Math.sqrt(1 / n1 + 1 / n2))
    if (t > best) {
      best = t
      bestAt = k
    }
  }
  return best > 4 ? bestAt : 0
}
