import type { Position } from 'geojson'
import type { Topology } from 'topojson-specification'
import { defaultUnitId, readUnitShapes } from './topology.js'
import type { UnitIdOf } from './topology.js'

/** Finds the unit containing a point; `null` outside every unit (at sea, abroad). */
export type UnitLocator = (lon: number, lat: number) => string | null

export interface UnitLocatorOptions {
  /** The unit's id; default the geometry's `id` (see `buildUnitLayer`). */
  id?: UnitIdOf
  /** Grid cell size in degrees. Default: the median polygon extent, so a cell meets a few polygons. */
  cellDegrees?: number
}

/** Upper bound on grid cells, so a topology of tiny polygons spread over the globe stays small. */
const MAX_CELLS = 4_000_000

/**
 * Point-in-polygon over every polygon part of `topology.objects[objectName]`, indexed by a
 * uniform lon/lat grid: each cell lists the parts whose bounding box meets it, so a lookup
 * tests a handful of candidates by bounding box, then by even-odd ray casting over all of a
 * part's rings (holes included) on flat typed arrays. Turf's `booleanPointInPolygon` gives
 * the same answers but walks nested arrays and re-checks the bbox on every call, several
 * times slower on this workload. A point on a shared border goes to the first unit by id.
 */
export function createUnitLocator(
  topology: Topology,
  objectName: string,
  opts: UnitLocatorOptions = {},
): UnitLocator {
  const shapes = readUnitShapes(topology, objectName, opts.id ?? defaultUnitId)
  const ids = shapes.map((s) => s.id)

  // Flatten: parts → rings → vertices.
  const parts: { unit: number; rings: Position[][] }[] = []
  shapes.forEach((s, u) => {
    for (const rings of s.polygons) parts.push({ unit: u, rings })
  })
  let vertexCount = 0
  let ringCount = 0
  for (const p of parts) {
    ringCount += p.rings.length
    for (const r of p.rings) vertexCount += r.length
  }
  const xy = new Float64Array(vertexCount * 2)
  const ringStart = new Int32Array(ringCount + 1)
  const partRingStart = new Int32Array(parts.length + 1)
  const partUnit = new Int32Array(parts.length)
  const partBox = new Float64Array(parts.length * 4)
  let v = 0
  let r = 0
  parts.forEach((p, i) => {
    partUnit[i] = p.unit
    partRingStart[i] = r
    let w = Infinity
    let s = Infinity
    let e = -Infinity
    let n = -Infinity
    for (const ring of p.rings) {
      ringStart[r++] = v
      for (const pos of ring) {
        const x = pos[0] as number
        const y = pos[1] as number
        xy[2 * v] = x
        xy[2 * v + 1] = y
        v++
        if (x < w) w = x
        if (x > e) e = x
        if (y < s) s = y
        if (y > n) n = y
      }
    }
    partBox.set([w, s, e, n], i * 4)
  })
  ringStart[r] = v
  partRingStart[parts.length] = r

  const grid = buildGrid(partBox, parts.length, opts.cellDegrees)

  const inPart = (i: number, x: number, y: number): boolean => {
    const b = i * 4
    if (x < (partBox[b] as number) || x > (partBox[b + 2] as number))
      return false
    if (y < (partBox[b + 1] as number) || y > (partBox[b + 3] as number))
      return false
    let inside = false
    for (
      let ring = partRingStart[i] as number;
      ring < (partRingStart[i + 1] as number);
      ring++
    ) {
      const start = ringStart[ring] as number
      const end = ringStart[ring + 1] as number
      for (let k = start, j = end - 1; k < end; j = k++) {
        const yk = xy[2 * k + 1] as number
        const yj = xy[2 * j + 1] as number
        if (yk > y !== yj > y) {
          const xk = xy[2 * k] as number
          const xj = xy[2 * j] as number
          if (x < ((xj - xk) * (y - yk)) / (yj - yk) + xk) inside = !inside
        }
      }
    }
    return inside
  }

  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null
    const x =
      lon > 180 || lon < -180 ? ((((lon + 180) % 360) + 360) % 360) - 180 : lon
    const cell = grid.cellOf(x, lat)
    if (cell < 0) return null
    // A cell lists parts in unit order, so the first hit is the lowest unit id.
    for (
      let k = grid.cellStart[cell] as number;
      k < (grid.cellStart[cell + 1] as number);
      k++
    ) {
      const part = grid.items[k] as number
      if (inPart(part, x, lat)) return ids[partUnit[part] as number] as string
    }
    return null
  }
}

interface Grid {
  cellStart: Int32Array
  items: Int32Array
  /** Cell index of a point, or -1 outside the grid. */
  cellOf(x: number, y: number): number
}

function buildGrid(
  box: Float64Array,
  count: number,
  cellDegrees: number | undefined,
): Grid {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  const extents: number[] = []
  for (let i = 0; i < count; i++) {
    w = Math.min(w, box[4 * i] as number)
    s = Math.min(s, box[4 * i + 1] as number)
    e = Math.max(e, box[4 * i + 2] as number)
    n = Math.max(n, box[4 * i + 3] as number)
    extents.push(
      Math.max(
        (box[4 * i + 2] as number) - (box[4 * i] as number),
        (box[4 * i + 3] as number) - (box[4 * i + 1] as number),
      ),
    )
  }
  if (count === 0)
    return {
      cellStart: new Int32Array(1),
      items: new Int32Array(0),
      cellOf: () => -1,
    }
  extents.sort((a, b) => a - b)
  let size =
    cellDegrees ?? Math.max(extents[extents.length >> 1] as number, 1e-6)
  const width = Math.max(e - w, 1e-9)
  const height = Math.max(n - s, 1e-9)
  while (Math.ceil(width / size) * Math.ceil(height / size) > MAX_CELLS)
    size *= 1.5
  const nx = Math.max(1, Math.ceil(width / size))
  const ny = Math.max(1, Math.ceil(height / size))
  const col = (x: number) => Math.min(nx - 1, Math.floor((x - w) / size))
  const row = (y: number) => Math.min(ny - 1, Math.floor((y - s) / size))

  // Two passes (count, then fill) into compressed rows: one Int32Array, no per-cell arrays.
  const cellStart = new Int32Array(nx * ny + 1)
  const eachCell = (i: number, f: (cell: number) => void) => {
    const c0 = col(box[4 * i] as number)
    const c1 = col(box[4 * i + 2] as number)
    const r0 = row(box[4 * i + 1] as number)
    const r1 = row(box[4 * i + 3] as number)
    for (let rr = r0; rr <= r1; rr++)
      for (let c = c0; c <= c1; c++) f(rr * nx + c)
  }
  for (let i = 0; i < count; i++)
    eachCell(
      i,
      (cell) => (cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1),
    )
  for (let c = 0; c < nx * ny; c++)
    cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number)
  const fill = cellStart.slice(0, nx * ny)
  const items = new Int32Array(cellStart[nx * ny] as number)
  for (let i = 0; i < count; i++) {
    eachCell(i, (cell) => {
      const at = fill[cell] as number
      items[at] = i
      fill[cell] = at + 1
    })
  }

  return {
    cellStart,
    items,
    cellOf: (x, y) =>
      x < w || x > e || y < s || y > n ? -1 : row(y) * nx + col(x),
  }
}
