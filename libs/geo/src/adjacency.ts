import type { LonLat, UnitAdjacency } from '@tessera/domain'
import type { Position } from 'geojson'
import { haversineKmXY, pathLengthKm } from './haversine.js'
import { UnionFind } from './union-find.js'

/**
 * Border adjacency from shared arcs: two units are neighbours when an arc lies on both of
 * their boundaries, and their shared border is the summed geodesic length of those arcs.
 * Units touching at a single point share no arc and are not neighbours (rook adjacency).
 *
 * `unitArcs[u]` lists the arcs unit `u` uses; `unitIds` must be sorted so that index
 * order is id order, which makes every pair come out once with `a < b`.
 */
export function borderAdjacency(
  unitIds: readonly string[],
  unitArcs: readonly (readonly number[])[],
  arcs: readonly Position[][],
): UnitAdjacency[] {
  const users: number[][] = Array.from({ length: arcs.length }, () => [])
  unitArcs.forEach((list, u) => {
    for (const arc of list) {
      const us = users[arc]
      if (us && !us.includes(u)) us.push(u)
    }
  })
  const shared = new Map<number, number>()
  const n = unitIds.length
  users.forEach((us, arc) => {
    if (us.length < 2) return
    const km = pathLengthKm(arcs[arc] as Position[])
    for (let i = 0; i < us.length; i++) {
      for (let j = i + 1; j < us.length; j++) {
        const a = Math.min(us[i] as number, us[j] as number)
        const b = Math.max(us[i] as number, us[j] as number)
        const key = a * n + b
        shared.set(key, (shared.get(key) ?? 0) + km)
      }
    }
  })
  return [...shared.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([key, km]) => ({
      a: unitIds[Math.floor(key / n)] as string,
      b: unitIds[key % n] as string,
      sharedBorderKm: km,
      kind: 'border' as const,
    }))
}

/**
 * Links every part of the graph to the rest so that it is connected: each component other
 * than the largest is joined to the nearest unit (centroid great-circle distance) outside
 * it with a `proximity` edge of zero shared border, and this repeats until one component
 * remains. Islands thus hang off their nearest mainland or neighbouring island, whatever
 * the geography. Returns only the new edges, each pair once with `a < b`, sorted.
 */
export function proximityLinks(
  unitIds: readonly string[],
  centroids: readonly LonLat[],
  edges: readonly UnitAdjacency[],
): UnitAdjacency[] {
  const n = unitIds.length
  const index = new Map(unitIds.map((id, i) => [id, i]))
  const sets = new UnionFind(n)
  const find = (x: number): number => sets.find(x)
  const union = (a: number, b: number): void => void sets.union(a, b)
  for (const e of edges) {
    const a = index.get(e.a)
    const b = index.get(e.b)
    if (a !== undefined && b !== undefined) union(a, b)
  }
  const links = new Map<number, UnitAdjacency>()
  for (;;) {
    const rootOf = new Int32Array(n)
    const members = new Map<number, number[]>()
    for (let i = 0; i < n; i++) {
      const r = find(i)
      rootOf[i] = r
      const list = members.get(r)
      if (list) list.push(i)
      else members.set(r, [i])
    }
    if (members.size <= 1) break
    const comps = [...members.values()]
    let largest = comps[0] as number[]
    for (const c of comps) if (c.length > largest.length) largest = c
    const found: [number, number][] = []
    for (const comp of comps) {
      if (comp === largest) continue
      const root = rootOf[comp[0] as number]
      let best = Infinity
      let bu = -1
      let bv = -1
      for (const u of comp) {
        const [ux, uy] = centroids[u] as LonLat
        for (let v = 0; v < n; v++) {
          if (rootOf[v] === root) continue
          const [vx, vy] = centroids[v] as LonLat
          const d = haversineKmXY(ux, uy, vx, vy)
          if (d < best) {
            best = d
            bu = u
            bv = v
          }
        }
      }
      found.push([bu, bv])
    }
    // Union only after every component has chosen, so the choices do not depend on order.
    for (const [u, v] of found) {
      const a = Math.min(u, v)
      const b = Math.max(u, v)
      links.set(a * n + b, {
        a: unitIds[a] as string,
        b: unitIds[b] as string,
        sharedBorderKm: 0,
        kind: 'proximity',
      })
      union(a, b)
    }
  }
  return [...links.entries()].sort((x, y) => x[0] - y[0]).map(([, e]) => e)
}

/**
 * Connected components of `unitIds` over `adjacency` (edges with an end outside `unitIds`
 * are ignored), each listed in input order, largest first (ties: earliest first).
 */
export function connectedComponents(
  unitIds: readonly string[],
  adjacency: readonly UnitAdjacency[],
): string[][] {
  const index = new Map(unitIds.map((id, i) => [id, i]))
  const neighbours: number[][] = unitIds.map(() => [])
  for (const e of adjacency) {
    const a = index.get(e.a)
    const b = index.get(e.b)
    if (a === undefined || b === undefined) continue
    neighbours[a]?.push(b)
    neighbours[b]?.push(a)
  }
  const seen = new Uint8Array(unitIds.length)
  const comps: number[][] = []
  for (let s = 0; s < unitIds.length; s++) {
    if (seen[s]) continue
    seen[s] = 1
    const comp = [s]
    for (let k = 0; k < comp.length; k++) {
      for (const v of neighbours[comp[k] as number] as number[]) {
        if (!seen[v]) {
          seen[v] = 1
          comp.push(v)
        }
      }
    }
    comps.push(comp.sort((x, y) => x - y))
  }
  return comps
    .map((c, i) => ({ c, i }))
    .sort((x, y) => y.c.length - x.c.length || x.i - y.i)
    .map(({ c }) => c.map((i) => unitIds[i] as string))
}
