import { hexToRgb } from '@tessera/domain'

export type Rgb = [number, number, number]

/**
 * Colour scales for the thematic maps. ColorBrewer's (Cynthia Brewer, Penn State): designed
 * for choropleths, ordered light-to-dark so "more" reads as "darker" on any screen, and
 * safe for the common colour-vision deficiencies except where noted.
 */
export const RAMPS = {
  /** RdPu: white space (untapped potential), apart from both money themes. */
  whitespace: [
    '#fff7f3',
    '#fde0dd',
    '#fcc5c0',
    '#fa9fb5',
    '#f768a1',
    '#c51b8a',
    '#7a0177',
  ],
  /** YlGnBu: potential. */
  potential: [
    '#ffffd9',
    '#c7e9b4',
    '#7fcdbb',
    '#41b6c4',
    '#1d91c0',
    '#225ea8',
    '#0c2c84',
  ],
  /** YlOrBr: sales, so the two money themes are not mistaken for each other. */
  sales: [
    '#ffffe5',
    '#fee391',
    '#fec44f',
    '#fe9929',
    '#ec7014',
    '#cc4c02',
    '#8c2d04',
  ],
  /** YlOrRd: account density, drawn translucent over the fill. */
  density: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  /** RdBu, blue below target, red above; the middle is left to a neutral colour. */
  under: ['#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  over: ['#fddbc7', '#f4a582', '#d6604d', '#b2182b'],
} as const

/**
 * Tableau 10 for industries: ten hues distinct enough side by side; an eleventh and later
 * industry shares "Other" (grey) rather than a colour nobody can tell apart.
 */
export const CATEGORICAL = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
] as const
export const OTHER_COLOR = '#bab0ac'

const rgbCache = new Map<string, Rgb>()
function rgb(hex: string): Rgb {
  let c = rgbCache.get(hex)
  if (!c) {
    c = hexToRgb(hex)
    rgbCache.set(hex, c)
  }
  return c
}

/** The colour at t ∈ [0, 1] along evenly spaced stops, interpolated in RGB. */
export function rampColor(stops: readonly string[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0))
  const pos = x * (stops.length - 1)
  const i = Math.min(stops.length - 2, Math.floor(pos))
  const f = pos - i
  const a = rgb(stops[i]!)
  const b = rgb(stops[i + 1]!)
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ]
}

/** A CSS gradient of a ramp, for the legend. */
export function rampCss(stops: readonly string[]): string {
  return `linear-gradient(to right, ${stops.join(', ')})`
}
