import { earcut } from '@math.gl/polygon'
import type { UnitFeature } from './unit-geometry'

/**
 * Unit polygons triangulated once, with each unit's triangles contiguous in the index list,
 * so one unit can be drawn on its own (`indexStart[u]` … `indexStart[u + 1]`).
 */
export interface FillMesh {
  /** x, y (lon, lat) per vertex */
  positions: Float64Array
  /** the unit index of each vertex (a float: it feeds a vertex attribute) */
  vertexUnit: Float32Array
  indices: Uint32Array
  /** unit u's triangles are `indices[indexStart[u] .. indexStart[u + 1])`; length units + 1 */
  indexStart: Uint32Array
  /** unit u's vertices are `vertexStart[u] .. vertexStart[u + 1]` */
  vertexStart: Uint32Array
  /** [west, south, east, north] of every vertex */
  bounds: [number, number, number, number]
}

export function buildFillMesh(features: readonly UnitFeature[]): FillMesh {
  // Sized up front (typed arrays, no growing lists): this runs on the first frame of a load.
  let vertices = 0
  for (const f of features)
    for (const rings of polygonsOf(f))
      for (const ring of rings) vertices += openLength(ring)
  const positions = new Float64Array(vertices * 2)
  // A polygon of n vertices and h holes has n + 2h − 2 triangles: at most 3n indices overall.
  let indices = new Uint32Array(Math.max(3, vertices * 3))
  let used = 0
  const indexStart = new Uint32Array(features.length + 1)
  const vertexStart = new Uint32Array(features.length + 1)
  let v = 0
  for (const [u, f] of features.entries()) {
    indexStart[u] = used
    vertexStart[u] = v
    for (const rings of polygonsOf(f)) {
      const base = v
      const holes: number[] = []
      for (const [r, ring] of rings.entries()) {
        if (r > 0) holes.push(v - base)
        const n = openLength(ring)
        for (let i = 0; i < n; i++) {
          positions[v * 2] = ring[i]![0]!
          positions[v * 2 + 1] = ring[i]![1]!
          v++
        }
      }
      const flat = positions.subarray(base * 2, v * 2)
      const triangles = earcut(flat, holes.length ? holes : undefined, 2)
      if (used + triangles.length > indices.length) {
        const grown = new Uint32Array((used + triangles.length) * 2)
        grown.set(indices.subarray(0, used))
        indices = grown
      }
      for (const t of triangles) indices[used++] = base + t
    }
  }
  indexStart[features.length] = used
  vertexStart[features.length] = v
  const vertexUnit = new Float32Array(v)
  for (let u = 0; u < features.length; u++)
    vertexUnit.fill(u, vertexStart[u]!, vertexStart[u + 1]!)
  const bounds: [number, number, number, number] = [
    Infinity,
    Infinity,
    -Infinity,
    -Infinity,
  ]
  for (let i = 0; i < v; i++) {
    const x = positions[i * 2]!
    const y = positions[i * 2 + 1]!
    if (x < bounds[0]) bounds[0] = x
    if (y < bounds[1]) bounds[1] = y
    if (x > bounds[2]) bounds[2] = x
    if (y > bounds[3]) bounds[3] = y
  }
  return {
    positions,
    vertexUnit,
    indices: indices.slice(0, used),
    indexStart,
    vertexStart,
    bounds,
  }
}

function polygonsOf(f: UnitFeature): GeoJSON.Position[][][] {
  const g = f.geometry
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

/** A ring's length without the closing point GeoJSON repeats (earcut wants each point once). */
function openLength(ring: GeoJSON.Position[]): number {
  const n = ring.length
  return n > 1 &&
    ring[0]![0] === ring[n - 1]![0] &&
    ring[0]![1] === ring[n - 1]![1]
    ? n - 1
    : n
}

/** Per-vertex RGBA from per-unit RGBA (`unitColors[4u .. 4u + 4]`). */
export function vertexColors(
  mesh: FillMesh,
  unitColors: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(mesh.vertexUnit.length * 4)
  const units = mesh.indexStart.length - 1
  for (let u = 0; u < units; u++) {
    const r = unitColors[u * 4]!
    const g = unitColors[u * 4 + 1]!
    const b = unitColors[u * 4 + 2]!
    const a = unitColors[u * 4 + 3]!
    for (let v = mesh.vertexStart[u]!; v < mesh.vertexStart[u + 1]!; v++) {
      out[v * 4] = r
      out[v * 4 + 1] = g
      out[v * 4 + 2] = b
      out[v * 4 + 3] = a
    }
  }
  return out
}

/** Units whose colour differs between two colour tables (all of them if the sizes differ). */
export function changedUnits(
  before: Uint8Array | null,
  after: Uint8Array,
): number[] | null {
  if (!before || before.length !== after.length) return null
  const out: number[] = []
  for (let u = 0; u < after.length / 4; u++) {
    const i = u * 4
    if (
      before[i] !== after[i] ||
      before[i + 1] !== after[i + 1] ||
      before[i + 2] !== after[i + 2] ||
      before[i + 3] !== after[i + 3]
    )
      out.push(u)
  }
  return out
}
