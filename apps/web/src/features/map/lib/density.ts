import { type Point, mercatorY } from './planar'

/** One square of the density grid: its corners (lon, lat) and the accounts it holds. */
export interface DensityCell {
  polygon: Point[]
  count: number
}

export interface DensityGrid {
  cells: DensityCell[]
  max: number
  /**
   * The top of the colour scale: the 98th-percentile cell, so one metro area does not
   * leave every other cell the palest colour.
   */
  top: number
  /** The zoom the cells are square at, about `cellPx` pixels wide. */
  zoom: number
}

const DEG = Math.PI / 180

function latOfMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y * DEG)) - Math.PI / 2) / DEG
}

/**
 * Accounts per screen-square cell at a zoom, counted on the CPU from weighted points (unit
 * centroids weighted by their account count: every account, not just the page in view).
 * Cells are square in Mercator, so they are square on screen; callers rebuild the grid per
 * whole zoom step, which keeps cells between `cellPx` and twice that on screen.
 */
export function densityGrid(
  points: readonly { position: Point; weight: number }[],
  zoom: number,
  cellPx = 28,
): DensityGrid {
  const z = Math.floor(zoom)
  // Cell size in degrees of longitude (and of Mercator y, the same scale).
  const size = (cellPx * 360) / (512 * 2 ** z)
  const counts = new Map<string, { x: number; y: number; count: number }>()
  for (const { position, weight } of points) {
    if (!(weight > 0)) continue
    const x = Math.floor((position[0] + 180) / size)
    const y = Math.floor(mercatorY(position[1]) / size)
    const key = `${x}:${y}`
    const cell = counts.get(key)
    if (cell) cell.count += weight
    else counts.set(key, { x, y, count: weight })
  }
  let max = 0
  const cells = [...counts.values()].map(({ x, y, count }) => {
    max = Math.max(max, count)
    const w = x * size - 180
    const e = w + size
    const s = latOfMercatorY(y * size)
    const n = latOfMercatorY((y + 1) * size)
    const polygon: Point[] = [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
    ]
    return { polygon, count }
  })
  const sorted = cells.map((c) => c.count).sort((a, b) => a - b)
  const top = sorted[Math.max(0, Math.ceil(0.98 * sorted.length) - 1)] ?? max
  return { cells, max, top, zoom: z }
}
