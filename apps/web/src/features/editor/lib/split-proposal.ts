/**
 * A split to offer when the user has selected nothing: cut the territory across its
 * longest direction (the principal axis of its unit centroids), where the weight on each
 * side is closest to half. Compact halves, balanced on the metric the caller weighs by.
 *
 * Pure and deterministic: the same units, centroids and weights always give the same half
 * (ties are broken by unit id, the axis's sign is fixed).
 *
 * @param unitIds the territory's units
 * @param centroids unit → [lon, lat]; units without one stay where they are
 * @param weights unit → weight (missing: 0); if every weight is 0, each unit counts 1
 * @returns the units of one side (empty when fewer than two units can be placed)
 */
export function proposeSplit(
  unitIds: Iterable<string>,
  centroids: ReadonlyMap<string, readonly [number, number]>,
  weights: ReadonlyMap<string, number>,
): string[] {
  const units = [...new Set(unitIds)]
    .filter((u) => centroids.has(u))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (units.length < 2) return []
  const raw = units.map((u) => {
    const w = weights.get(u) ?? 0
    return Number.isFinite(w) && w > 0 ? w : 0
  })
  const total0 = raw.reduce((s, w) => s + w, 0)
  const weight = total0 > 0 ? raw : raw.map(() => 1)
  const total = total0 > 0 ? total0 : units.length

  // Degrees of longitude shrink towards the poles: scale them by cos(latitude) so the
  // axis follows the territory's shape on the ground, not on the lon/lat grid.
  const points = units.map((u) => centroids.get(u)!)
  const meanLat = points.reduce((s, p) => s + p[1], 0) / points.length
  const kx = Math.cos((meanLat * Math.PI) / 180)
  const xy = points.map(([lon, lat]) => [lon * kx, lat] as const)

  // Weighted mean and covariance, then the major axis of the 2×2 covariance.
  let mx = 0
  let my = 0
  xy.forEach(([x, y], i) => {
    mx += weight[i]! * x
    my += weight[i]! * y
  })
  mx /= total
  my /= total
  let sxx = 0
  let sxy = 0
  let syy = 0
  xy.forEach(([x, y], i) => {
    const dx = x - mx
    const dy = y - my
    sxx += weight[i]! * dx * dx
    sxy += weight[i]! * dx * dy
    syy += weight[i]! * dy * dy
  })
  // θ ∈ (−π/2, π/2]: cos θ ≥ 0, which fixes the axis's direction.
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy)
  const ax = Math.cos(theta)
  const ay = Math.sin(theta)

  const order = xy
    .map(([x, y], i) => ({ i, t: (x - mx) * ax + (y - my) * ay }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
  // The cut (after k units, 1 ≤ k < n) whose weight is closest to half; the first wins ties.
  let best = 1
  let bestGap = Infinity
  let acc = 0
  for (let k = 1; k < order.length; k++) {
    acc += weight[order[k - 1]!.i]!
    const gap = Math.abs(acc - total / 2)
    if (gap < bestGap) {
      best = k
      bestGap = gap
    }
  }
  return order.slice(0, best).map((o) => units[o.i]!)
}
