/**
 * Weighted absolute percentage error, pooled over series and months:
 * WAPE = Σ|actual − forecast| / Σ|actual|. Pooling weights every series by its revenue, as
 * a territory total does, and keeps zero months harmless: a series whose held-out months are
 * all zero adds its whole |forecast| to the numerator and nothing to the denominator, so
 * forecasting revenue for a churned account is still penalised. Null when every actual is 0.
 */
export class WapeAccumulator {
  private error = 0
  private actual = 0

  add(actual: readonly number[], forecast: readonly number[]): void {
    for (let h = 0; h < actual.length; h++) {
      const a = actual[h] as number
      this.error += Math.abs(a - (forecast[h] as number))
      this.actual += Math.abs(a)
    }
  }

  get wape(): number | null {
    return this.actual > 0 ? this.error / this.actual : null
  }
}

/** The WAPE of one forecast matrix against its actuals; see {@link WapeAccumulator}. */
export function wape(
  actual: readonly (readonly number[])[],
  forecast: readonly (readonly number[])[],
): number | null {
  const acc = new WapeAccumulator()
  actual.forEach((a, i) => acc.add(a, forecast[i] ?? []))
  return acc.wape
}
