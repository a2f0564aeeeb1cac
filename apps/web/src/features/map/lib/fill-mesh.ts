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
}

export function buildFillMesh(features: readonly UnitFeature[]): FillMesh {
  const positions: number[] = []
  const indices: number[] = []
  const indexStart = new Uint32Array(features.length + 1)
  const vertexStart = new Uint32Array(features.length + 1)
  for (const [u, f] of features.entries()) {
    indexStart[u] = indices.length
    vertexStart[u] = positions.length / 2
    const g = f.geometry
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    for (const rings of polygons) {
      const base = positions.length / 2
      const flat: number[] = []
      const holes: number[] = []
      for (const [r, ring] of rings.entries()) {
        if (r > 0) holes.push(flat.length / 2)
        // GeoJSON rings repeat their first point at the end; earcut wants it once.
        const n =
          ring.length > 1 &&
          ring[0]![0] === ring.at(-1)![0] &&
          ring[0]![1] === ring.at(-1)![1]
            ? ring.length - 1
            : ring.length
        for (let i = 0; i < n; i++) flat.push(ring[i]![0]!, ring[i]![1]!)
      }
      for (const i of earcut(flat, holes.length ? holes : undefined, 2))
        indices.push(base + i)
      for (const v of flat) positions.push(v)
    }
  }
  indexStart[features.length] = indices.length
  vertexStart[features.length] = positions.length / 2
  const vertexUnit = new Float32Array(positions.length / 2)
  for (let u = 0; u < features.length; u++)
    vertexUnit.fill(u, vertexStart[u]!, vertexStart[u + 1]!)
  return {
    positions: Float64Array.from(positions),
    vertexUnit,
    indices: Uint32Array.from(indices),
    indexStart,
    vertexStart,
  }
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
