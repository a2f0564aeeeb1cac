/**
 * Things on screen (unit boxes, line segments) bucketed by the square cells of the screen
 * they cover, so that repainting a small region visits only what is near it instead of
 * every unit and segment of the map: an edit's repaint then costs the same on 3,000
 * counties as on 100,000 hexagons.
 */
export class ScreenGrid {
  private readonly cols: number
  private readonly rows: number
  /** cell c holds items[cellStart[c] .. cellStart[c + 1]) */
  private readonly cellStart: Uint32Array
  private readonly items: Uint32Array
  /** Per item: the query that last visited it (each item is reported once per query). */
  private readonly seen: Uint32Array
  private query = 0

  /**
   * `boxes` holds [x0, y0, x1, y1] per item, in the same pixels as `width` × `height`. An
   * item wholly off screen, or with no box (NaN), is in no cell.
   */
  constructor(
    boxes: ArrayLike<number>,
    width: number,
    height: number,
    private readonly cell = 64,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell))
    this.rows = Math.max(1, Math.ceil(height / cell))
    const count = Math.floor(boxes.length / 4)
    this.seen = new Uint32Array(count)
    const cells = this.cols * this.rows
    const counts = new Uint32Array(cells + 1)
    const span = new Int32Array(4)
    for (let i = 0; i < count; i++) {
      if (!this.span(boxes, i * 4, span)) continue
      for (let y = span[1]!; y <= span[3]!; y++)
        for (let x = span[0]!; x <= span[2]!; x++) counts[y * this.cols + x]!++
    }
    this.cellStart = new Uint32Array(cells + 1)
    for (let c = 0; c < cells; c++)
      this.cellStart[c + 1] = this.cellStart[c]! + counts[c]!
    this.items = new Uint32Array(this.cellStart[cells]!)
    const fill = this.cellStart.slice(0, cells)
    for (let i = 0; i < count; i++) {
      if (!this.span(boxes, i * 4, span)) continue
      for (let y = span[1]!; y <= span[3]!; y++)
        for (let x = span[0]!; x <= span[2]!; x++)
          this.items[fill[y * this.cols + x]!++] = i
    }
  }

  /** The items whose cells meet the rectangle [x0, y0, x1, y1], each once, in ascending order. */
  near(x0: number, y0: number, x1: number, y1: number): number[] {
    const out: number[] = []
    const span = new Int32Array(4)
    if (!this.span([x0, y0, x1, y1], 0, span)) return out
    // A fresh mark per query; wrapping round (after 4 billion queries) starts the marks again.
    if (++this.query === 0xffffffff) {
      this.seen.fill(0)
      this.query = 1
    }
    const q = this.query
    for (let y = span[1]!; y <= span[3]!; y++)
      for (let x = span[0]!; x <= span[2]!; x++) {
        const c = y * this.cols + x
        for (let k = this.cellStart[c]!; k < this.cellStart[c + 1]!; k++) {
          const i = this.items[k]!
          if (this.seen[i] === q) continue
          this.seen[i] = q
          out.push(i)
        }
      }
    return out.sort((a, b) => a - b)
  }

  /** The cell columns and rows a box covers, clamped to the screen; false if it covers none. */
  private span(b: ArrayLike<number>, i: number, out: Int32Array): boolean {
    // A segment's ends come in any order; a box with no extent (±Infinity, NaN) is nowhere.
    const x0 = Math.min(b[i]!, b[i + 2]!)
    const x1 = Math.max(b[i]!, b[i + 2]!)
    const y0 = Math.min(b[i + 1]!, b[i + 3]!)
    const y1 = Math.max(b[i + 1]!, b[i + 3]!)
    if (!Number.isFinite(x0 + x1 + y0 + y1)) return false
    if (x1 < 0 || y1 < 0) return false
    if (x0 >= this.cols * this.cell || y0 >= this.rows * this.cell) return false
    out[0] = Math.max(0, Math.floor(x0 / this.cell))
    out[1] = Math.max(0, Math.floor(y0 / this.cell))
    out[2] = Math.min(this.cols - 1, Math.floor(x1 / this.cell))
    out[3] = Math.min(this.rows - 1, Math.floor(y1 / this.cell))
    return true
  }
}
