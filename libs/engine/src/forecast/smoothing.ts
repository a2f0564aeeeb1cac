/**
 * Exponential smoothing on a (seasonally adjusted) series: simple smoothing and Gardner's
 * damped additive trend, with parameters chosen by a small fixed grid. A grid rather than a
 * numerical optimiser keeps the fit deterministic and cheap (a few hundred multiply-adds per
 * month of history), and for forecasting a coarse grid loses almost nothing: the one-step
 * error surface is flat near its minimum.
 */

/** A fitted model's state at the end of the history; forecasts follow from it alone. */
export interface SmoothingFit {
  level: number
  trend: number
  /** Trend damping φ: the h-step forecast adds trend × (φ + φ² + … + φʰ). 0 = no trend. */
  phi: number
  alpha: number
  /** Mean absolute one-step error over the fitted months (after the first). */
  mae: number
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
const BETAS = [0.05, 0.15, 0.3]
const PHIS = [0.8, 0.9, 0.95]

/**
 * Runs damped-trend smoothing over `y` with fixed parameters (β = 0 and φ = 0 give simple
 * exponential smoothing). The trend starts at 0 rather than at a slope read from the first
 * months: on short, noisy series that slope is mostly noise, and the damped trend learns a
 * real one quickly enough. Absolute rather than squared one-step errors score the fit, as
 * the backtest scores forecasts, and one outlying month does not dominate the choice.
 */
export function runSmoothing(
  y: ArrayLike<number>,
  alpha: number,
  beta: number,
  phi: number,
): SmoothingFit {
  let level = y[0] as number
  let trend = 0
  let err = 0
  for (let t = 1; t < y.length; t++) {
    const predicted = level + phi * trend
    const value = y[t] as number
    err += Math.abs(value - predicted)
    const nextLevel = alpha * value + (1 - alpha) * predicted
    trend = beta * (nextLevel - level) + (1 - beta) * phi * trend
    level = nextLevel
  }
  return {
    level,
    trend,
    phi,
    alpha,
    mae: y.length > 1 ? err / (y.length - 1) : 0,
  }
}

/** Simple exponential smoothing with α from the grid that minimises the one-step error. */
export function fitSes(y: ArrayLike<number>): SmoothingFit {
  let best = runSmoothing(y, ALPHAS[0] as number, 0, 0)
  for (const alpha of ALPHAS.slice(1)) {
    const fit = runSmoothing(y, alpha, 0, 0)
    if (fit.mae < best.mae) best = fit
  }
  return best
}

/** Damped-trend smoothing with (α, β, φ) from the grid that minimises the one-step error. */
export function fitDampedTrend(y: ArrayLike<number>): SmoothingFit {
  let best: SmoothingFit | null = null
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const phi of PHIS) {
        const fit = runSmoothing(y, alpha, beta, phi)
        if (best === null || fit.mae < best.mae) best = fit
      }
  return best as SmoothingFit
}

/** The fit's forecasts for the next `horizon` months. */
export function smoothingForecast(
  fit: SmoothingFit,
  horizon: number,
): number[] {
  const out: number[] = []
  let damp = 0
  let power = 1
  for (let h = 1; h <= horizon; h++) {
    power *= fit.phi
    damp += power
    out.push(fit.level + fit.trend * damp)
  }
  return out
}

/**
 * The Theta method in its simple-exponential-smoothing-with-drift form (Hyndman & Billah,
 * 2003): SES, plus half the least-squares slope of the whole history, phased in the way the
 * SES level would catch up with it. It won the M3 competition's monthly series and is a
 * strong benchmark since; for trending series it extrapolates a trend more cautiously than
 * Holt's method.
 */
export function thetaForecast(y: ArrayLike<number>, horizon: number): number[] {
  const n = y.length
  const fit = fitSes(y)
  let sx = 0
  let sy = 0
  let sxy = 0
  let sxx = 0
  for (let t = 0; t < n; t++) {
    const v = y[t] as number
    sx += t
    sy += v
    sxy += t * v
    sxx += t * t
  }
  const denom = n * sxx - sx * sx
  const slope = denom > 0 ? (n * sxy - sx * sy) / denom : 0
  const a = fit.alpha
  const catchUp = 1 / a - (1 - a) ** n / a
  const out: number[] = []
  for (let h = 1; h <= horizon; h++)
    out.push(fit.level + (slope / 2) * (h - 1 + catchUp))
  return out
}
