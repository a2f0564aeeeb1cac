/**
 * Multiplicative seasonal profiles: one series' own (classical decomposition, ratio to a
 * centred moving average) and a panel's pooled one, for series too short to show their own.
 * A profile has `period` factors with mean 1; factor `c` applies to the months at cycle
 * position `c`, and a series' month `t` sits at position `(phase + t) mod period`.
 */

/** The cycle position of month `t` of a series whose first month sits at `phase`. */
export function positionOf(phase: number, t: number, period: number): number {
  return (((phase + t) % period) + period) % period
}

/**
 * Classical ratio-to-moving-average sums: for every position, Σ value and Σ centred moving
 * average over the months where the average is positive, plus each such month's ratio
 * (NaN elsewhere). A ratio of sums rather than a mean of ratios lets zero months count
 * without a ratio blowing up.
 */
function ratioSums(
  y: ArrayLike<number>,
  period: number,
  phase: number,
): { num: Float64Array; den: Float64Array; ratio: Float64Array } | null {
  const n = y.length
  const half = Math.floor(period / 2)
  if (n < 2 * half + 1) return null
  const num = new Float64Array(period)
  const den = new Float64Array(period)
  const ratio = new Float64Array(n).fill(NaN)
  const even = period % 2 === 0
  for (let t = half; t < n - half; t++) {
    let sum = 0
    if (even) {
      sum = 0.5 * ((y[t - half] as number) + (y[t + half] as number))
      for (let k = t - half + 1; k < t + half; k++) sum += y[k] as number
    } else for (let k = t - half; k <= t + half; k++) sum += y[k] as number
    const ma = sum / period
    if (!(ma > 0)) continue
    const c = positionOf(phase, t, period)
    num[c] = (num[c] as number) + (y[t] as number)
    den[c] = (den[c] as number) + ma
    ratio[t] = (y[t] as number) / ma
  }
  return { num, den, ratio }
}

/** A series' own seasonal factors and how uncertain they are. */
export interface OwnSeasonality {
  profile: number[]
  /**
   * Sampling variance of one factor: the variance of the months' ratios around their
   * position's factor, divided by the months per position.
   */
  noise: number
}

/**
 * A series' own seasonal factors, or null when some position has no usable month (the
 * series needs at least `period + 1` months around a positive moving average; callers ask
 * only from two full cycles on).
 */
export function ownSeasonality(
  y: ArrayLike<number>,
  period: number,
  phase: number,
): OwnSeasonality | null {
  const sums = ratioSums(y, period, phase)
  if (!sums) return null
  const raw: number[] = []
  for (let c = 0; c < period; c++) {
    const den = sums.den[c] as number
    if (!(den > 0)) return null
    raw.push((sums.num[c] as number) / den)
  }
  let squares = 0
  let count = 0
  for (let t = 0; t < y.length; t++) {
    const r = sums.ratio[t] as number
    if (Number.isNaN(r)) continue
    const f = raw[positionOf(phase, t, period)] as number
    squares += (clampRatio(r) - f) ** 2
    count++
  }
  const variance = count > period ? squares / (count - period) : squares
  return {
    profile: normalise(raw),
    noise: variance / Math.max(1, count / period),
  }
}

/**
 * Whether `y` shows seasonality at lag `period`: its autocorrelation there exceeds the 90 %
 * one-sided bound 1.645·√((1 + 2·Σ r_k², k < period) / n), the test the M4 competition's
 * benchmarks used to decide whether to deseasonalise.
 */
export function hasSeasonality(y: ArrayLike<number>, period: number): boolean {
  const n = y.length
  if (n < 2 * period) return false
  let mean = 0
  for (let t = 0; t < n; t++) mean += y[t] as number
  mean /= n
  let denom = 0
  for (let t = 0; t < n; t++) denom += ((y[t] as number) - mean) ** 2
  if (!(denom > 0)) return false
  const acf = (lag: number): number => {
    let s = 0
    for (let t = lag; t < n; t++)
      s += ((y[t] as number) - mean) * ((y[t - lag] as number) - mean)
    return s / denom
  }
  let sumSq = 0
  for (let k = 1; k < period; k++) sumSq += acf(k) ** 2
  return acf(period) > 1.645 * Math.sqrt((1 + 2 * sumSq) / n)
}

/** One series for {@link pooledSeasonalProfile}: its values and the position of the first. */
export interface PhasedSeries {
  values: ArrayLike<number>
  phase: number
}

/**
 * A seasonal profile pooled over a panel, for series too short for their own. Each series
 * with at least `2·period + 1` months gives its ratio-to-moving-average factors; when fewer
 * than 20 do, series with a full last cycle of positive months give their ratios to that
 * cycle's mean instead — which cannot tell a trend shared by the whole panel from
 * seasonality, hence only a fallback. Series are weighted by the square root of their level,
 * between letting the largest accounts decide (as the pooled WAPE would) and letting one
 * account decide alone. The factors are then shrunk towards 1 by their sampling noise
 * (James–Stein), so a small or unseasonal panel yields a nearly flat profile. Null when
 * fewer than 10 series qualify.
 */
export function pooledSeasonalProfile(
  series: Iterable<PhasedSeries>,
  period: number,
): number[] | null {
  const long: Array<{ ratios: Float64Array; weight: number }> = []
  const short: Array<{ ratios: Float64Array; weight: number }> = []
  for (const s of series) {
    const y = s.values
    const n = y.length
    if (n >= 2 * period + 1) {
      const sums = ratioSums(y, period, s.phase)
      if (!sums) continue
      let num = 0
      let den = 0
      const ratios = new Float64Array(period)
      let ok = true
      for (let c = 0; c < period; c++) {
        const d = sums.den[c] as number
        if (!(d > 0)) ok = false
        ratios[c] = clampRatio((sums.num[c] as number) / d)
        num += sums.num[c] as number
        den += d
      }
      if (ok && num > 0)
        long.push({ ratios, weight: Math.sqrt(den / 2 / period) })
    } else if (n >= period) {
      let mean = 0
      let positive = true
      for (let t = n - period; t < n; t++) {
        const v = y[t] as number
        if (!(v > 0)) positive = false
        mean += v
      }
      if (!positive) continue
      mean /= period
      const ratios = new Float64Array(period)
      for (let t = n - period; t < n; t++)
        ratios[positionOf(s.phase, t, period)] = clampRatio(
          (y[t] as number) / mean,
        )
      short.push({ ratios, weight: Math.sqrt(mean) })
    }
  }
  const used = long.length >= 20 ? long : [...long, ...short]
  if (used.length < 10) return null
  let sw = 0
  let sw2 = 0
  for (const u of used) {
    sw += u.weight
    sw2 += u.weight ** 2
  }
  const nEff = (sw * sw) / sw2
  const profile: number[] = []
  let noise = 0
  for (let c = 0; c < period; c++) {
    let m = 0
    for (const u of used) m += u.weight * (u.ratios[c] as number)
    m /= sw
    let v = 0
    for (const u of used) v += u.weight * ((u.ratios[c] as number) - m) ** 2
    noise += v / sw / nEff
    profile.push(m)
  }
  const flat = normalise(profile)
  let signal = 0
  for (const f of flat) signal += (f - 1) ** 2
  const shrink = signal > 0 ? Math.max(0, 1 - noise / signal) : 0
  return flat.map((f) => 1 + shrink * (f - 1))
}

/**
 * Mixes a series' own factors with the pooled ones by empirical Bayes: the own factors get
 * weight spread / (spread + noise), where `spread` is how far series' true factors stray
 * from the pooled ones ({@link seasonalSpread}) and `noise` the own estimate's sampling
 * variance. A long, clean series keeps its own pattern; a noisy one leans on the panel.
 */
export function blendProfiles(
  own: OwnSeasonality,
  pooled: readonly number[],
  spread: number,
): number[] {
  const w = spread / (spread + own.noise)
  return normalise(
    own.profile.map((f, c) => w * f + (1 - w) * (pooled[c] as number)),
  )
}

/**
 * The variance of series' true seasonal factors around the pooled profile: the mean squared
 * distance of their own factors from it, less the part their sampling noise explains.
 * Series need two full cycles and a month for their own factors, and at most 10 % zero
 * months; with fewer than 10 such series, a small default (0.01: factors straying ±10 %) stands in.
 */
export function seasonalSpread(
  series: Iterable<PhasedSeries>,
  pooled: readonly number[],
  period: number,
): number {
  let sum = 0
  let count = 0
  for (const s of series) {
    const n = s.values.length
    if (n < 2 * period + 1) continue
    // Intermittent series' factors are mostly noise that their noise estimate misses.
    let zeros = 0
    for (let t = 0; t < n; t++) if (!((s.values[t] as number) > 0)) zeros++
    if (zeros > 0.1 * n) continue
    const own = ownSeasonality(s.values, period, s.phase)
    if (!own) continue
    let d = 0
    for (let c = 0; c < period; c++)
      d += ((own.profile[c] as number) - (pooled[c] as number)) ** 2
    sum += d / period - own.noise
    count++
  }
  return count < 10 ? 0.01 : Math.max(1e-4, sum / count)
}

function clampRatio(r: number): number {
  return Math.min(5, Math.max(0.2, r))
}

function normalise(profile: number[]): number[] {
  let mean = 0
  for (const f of profile) mean += f
  mean /= profile.length
  return mean > 0 ? profile.map((f) => f / mean) : profile.map(() => 1)
}
