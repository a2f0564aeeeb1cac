/**
 * Forecasts for intermittent series (many zero months): the demand rate, not the next
 * month's value. Both forecasts are flat: when an order comes is unknowable from the gaps.
 */

/**
 * Croston's method with the Syntetos–Boylan correction (SBA): smooth the non-zero sizes
 * and the intervals between them separately, forecast (1 − α/2) · size / interval. The
 * correction removes Croston's known upward bias. Zero when there is no non-zero value.
 */
export function sbaRate(y: ArrayLike<number>, alpha = 0.1): number {
  // Start from the whole history's mean size and mean interval rather than from the first
  // order: the history starts at its first order, so a first interval counted from the
  // start would always be 1 month and bias the rate up for years of smoothing.
  let count = 0
  let total = 0
  let first = -1
  let last = -1
  for (let t = 0; t < y.length; t++) {
    const v = y[t] as number
    if (v === 0) continue
    if (first < 0) first = t
    last = t
    count++
    total += v
  }
  if (count === 0) return 0
  let size = total / count
  let interval = count > 1 ? (last - first) / (count - 1) : y.length
  let gap = 0
  for (let t = first + 1; t < y.length; t++) {
    gap++
    const v = y[t] as number
    if (v === 0) continue
    size += alpha * (v - size)
    interval += alpha * (gap - interval)
    gap = 0
  }
  // Months since the last order stretch the interval once they exceed it.
  const effective = Math.max(interval, gap, 1)
  return ((1 - alpha / 2) * size) / effective
}

/** Mean of the last `window` values (all of them when fewer). */
export function recentMean(y: ArrayLike<number>, window: number): number {
  const from = Math.max(0, y.length - window)
  if (y.length === from) return 0
  let s = 0
  for (let t = from; t < y.length; t++) s += y[t] as number
  return s / (y.length - from)
}
