import {
  CATEGORICAL,
  OTHER_COLOR,
  RAMPS,
  type Rgb,
  rampColor,
} from './color-ramps'
import type { Rgba, TerritoryPaint } from './territory-paint'
import { type UnitStat, whiteSpaceOf } from './unit-stats'

/** What the unit fill shows. `territories` is the plan itself; the others are data. */
export type MapTheme =
  'territories' | 'potential' | 'sales' | 'whitespace' | 'segment' | 'balance'
export type DataTheme = Exclude<MapTheme, 'territories'>

export const MAP_THEMES: readonly { id: MapTheme; label: string }[] = [
  { id: 'territories', label: 'Territories' },
  { id: 'potential', label: 'Revenue potential' },
  { id: 'sales', label: 'Sales (12 months)' },
  { id: 'whitespace', label: 'White space (potential − forecast)' },
  { id: 'segment', label: 'Main industry' },
  { id: 'balance', label: 'Balance vs target' },
]

/** The legend's key for a data theme. */
export type ThemeKey =
  | {
      kind: 'ramp'
      stops: readonly string[]
      min: number
      max: number
      /** The top of the scale is a high percentile: a few units lie beyond it. */
      clipped: boolean
    }
  | { kind: 'diverging'; tolerance: number; extent: number }
  | {
      kind: 'categories'
      items: { label: string; color: string; units: number }[]
    }
  | { kind: 'unavailable'; message: string }

export interface ThemeFill {
  theme: DataTheme
  /** unit index → RGBA, four bytes per unit. */
  colors: Uint8ClampedArray
  key: ThemeKey
}

export interface ThemeData {
  /** unit index → unit id (the geometry's order) */
  unitIds: readonly string[]
  stats: ReadonlyMap<string, UnitStat>
  paint: TerritoryPaint
  /** territory id → deviation from target as a fraction (0.12 = 12 % over). */
  deviations?: ReadonlyMap<string, number>
  /** Deviation still counted as balanced, as a fraction. */
  tolerance?: number
}

/** Units with nothing to show: light and translucent, so the data around them stands out. */
export const NO_DATA: Rgba = [203, 213, 225, 110]
/** Territories within tolerance: neutral, neither blue nor red. */
export const BALANCED: Rgba = [244, 243, 238, 235]
export const DEFAULT_TOLERANCE = 0.1
const ALPHA = 230
/** Ramps top out at this percentile: one giant county must not wash out the rest. */
const TOP_PERCENTILE = 0.98

/**
 * The colour of every unit under a data theme, as one typed array the fill layer reads by
 * unit index: a theme switch or new data recomputes this (and the colour attribute), never
 * the polygons.
 */
export function buildThemeFill(theme: DataTheme, data: ThemeData): ThemeFill {
  const colors = new Uint8ClampedArray(data.unitIds.length * 4)
  const set = (i: number, [r, g, b]: Rgb | Rgba, a: number) =>
    colors.set([r, g, b, a], i * 4)
  data.unitIds.forEach((_, i) => set(i, NO_DATA, NO_DATA[3]))
  const key =
    theme === 'potential' || theme === 'sales' || theme === 'whitespace'
      ? paintRamp(theme, data, set)
      : theme === 'segment'
        ? paintSegments(data, set)
        : paintBalance(data, set)
  return { theme, colors, key }
}

type Setter = (i: number, color: Rgb | Rgba, alpha: number) => void

function paintRamp(
  theme: 'potential' | 'sales' | 'whitespace',
  { unitIds, stats }: ThemeData,
  set: Setter,
): ThemeKey {
  const values = unitIds.map((id) => {
    const s = stats.get(id)
    if (!s || s.accounts === 0) return undefined
    return theme === 'whitespace' ? whiteSpaceOf(s) : s[theme]
  })
  if (
    theme === 'whitespace' &&
    unitIds.every((id) => stats.get(id)?.forecast === undefined)
  )
    return { kind: 'unavailable', message: 'No forecasts for this layer yet.' }
  if (theme === 'sales' && values.every((v) => v === undefined))
    return { kind: 'unavailable', message: 'No sales history for this layer.' }
  const known = values
    .filter((v): v is number => v !== undefined && Number.isFinite(v))
    .sort((a, b) => a - b)
  const min = known[0] ?? 0
  // Nearest rank: with few units the top of the scale is simply the largest value.
  const top =
    known[Math.max(0, Math.ceil(TOP_PERCENTILE * known.length) - 1)] ?? 0
  const max = known[known.length - 1] ?? 0
  values.forEach((v, i) => {
    if (v === undefined || !Number.isFinite(v)) return
    // Square root: money is heavy-tailed; a linear scale leaves most units pale.
    const t = top > min ? Math.sqrt((v - min) / (top - min)) : 0
    set(i, rampColor(RAMPS[theme], t), ALPHA)
  })
  return {
    kind: 'ramp',
    stops: RAMPS[theme],
    min,
    max: top,
    clipped: max > top,
  }
}

function paintSegments({ unitIds, stats }: ThemeData, set: Setter): ThemeKey {
  const industries = unitIds.map((id) => stats.get(id)?.topIndustry)
  if (industries.every((v) => v === undefined))
    return { kind: 'unavailable', message: 'Industries are not available.' }
  const counts = new Map<string, number>()
  for (const v of industries) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  const ranked = [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )
  // With one more industry than colours, it gets the last colour rather than "Other".
  const named =
    ranked.length <= CATEGORICAL.length + 1 ? ranked.length : CATEGORICAL.length
  const colorOf = new Map<string, string>(
    ranked
      .slice(0, named)
      .map(([label], k) => [label, CATEGORICAL[k] ?? OTHER_COLOR]),
  )
  industries.forEach((v, i) => {
    if (v) set(i, hexRgb(colorOf.get(v) ?? OTHER_COLOR), ALPHA)
  })
  const items = ranked
    .slice(0, named)
    .map(([label, units]) => ({ label, color: colorOf.get(label)!, units }))
  const rest = ranked.slice(named).reduce((s, [, n]) => s + n, 0)
  if (rest > 0) items.push({ label: 'Other', color: OTHER_COLOR, units: rest })
  return { kind: 'categories', items }
}

function paintBalance(
  { unitIds, paint, deviations, tolerance }: ThemeData,
  set: Setter,
): ThemeKey {
  if (!deviations || deviations.size === 0)
    return { kind: 'unavailable', message: 'No targets to compare with.' }
  const tol = Math.abs(tolerance ?? DEFAULT_TOLERANCE)
  const extent = Math.max(0.5, tol * 3)
  unitIds.forEach((_, i) => {
    const t = paint.territoryOfUnit[i] ?? -1
    const id = t >= 0 ? paint.territoryIds[t] : undefined
    const dev = id === undefined ? undefined : deviations.get(id)
    if (dev === undefined || !Number.isFinite(dev)) return
    set(i, balanceColor(dev, tol, extent), ALPHA)
  })
  return { kind: 'diverging', tolerance: tol, extent }
}

/**
 * Neutral within tolerance; beyond it, blue (under target) or red (over), darker the
 * further out, saturating at `extent`.
 */
export function balanceColor(
  deviation: number,
  tolerance: number,
  extent: number,
): Rgb {
  const off = Math.abs(deviation)
  if (off <= tolerance) return [BALANCED[0], BALANCED[1], BALANCED[2]]
  const t = extent > tolerance ? (off - tolerance) / (extent - tolerance) : 1
  return rampColor(deviation < 0 ? RAMPS.under : RAMPS.over, t)
}

function hexRgb(hex: string): Rgb {
  return rampColor([hex, hex], 0)
}

/** One unit's colour from a built fill. */
export function themeColor(fill: ThemeFill, unitIndex: number): Rgba {
  const k = unitIndex * 4
  const c = fill.colors
  return [c[k] ?? 0, c[k + 1] ?? 0, c[k + 2] ?? 0, c[k + 3] ?? 0]
}
