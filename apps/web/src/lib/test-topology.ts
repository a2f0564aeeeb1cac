/**
 * A tiny unit layer for the SVG map tests (any feature's): three one-degree squares near
 * New York. A [-74,-73]×[40,41] and B [-73,-72]×[40,41] share the arc at lon −73 (arc 0), as
 * TopoJSON stores a shared border once; C [-71,-70] stands alone. Coordinates are absolute
 * (no transform); the collection also holds a point, which is no unit.
 */
export const threeSquares = {
  type: 'Topology',
  arcs: [
    [
      [-73, 40],
      [-73, 41],
    ],
    [
      [-73, 41],
      [-74, 41],
      [-74, 40],
      [-73, 40],
    ],
    [
      [-73, 40],
      [-72, 40],
      [-72, 41],
      [-73, 41],
    ],
    [
      [-71, 40],
      [-70, 40],
      [-70, 41],
      [-71, 41],
      [-71, 40],
    ],
  ],
  objects: {
    counties: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: 'A', arcs: [[1, 0]] },
        { type: 'Polygon', id: 'B', arcs: [[2, ~0]] },
        { type: 'Polygon', id: 'C', arcs: [[3]] },
        { type: 'Point', id: 'P', coordinates: [0, 0] },
      ],
    },
  },
}

/** The pieces of an SVG path (each `M…` up to the next), each a list of [x, y]. */
export function pathPieces(d: string): number[][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((piece) =>
      piece
        .replace('Z', '')
        .split('L')
        .map((p) => p.split(',').map(Number)),
    )
}

/**
 * A topology of axis-aligned squares (west, south, side in degrees), each edge one arc and
 * an edge two squares have in common stored once, as TopoJSON does: squares that touch
 * along an edge are neighbours. Collection `units`; ids as given.
 */
export function squaresTopology(
  squares: readonly { id: string; west: number; south: number; size: number }[],
) {
  const arcs: number[][][] = []
  const index = new Map<string, number>()
  const key = (p: number[]) => `${p[0]},${p[1]}`
  const edge = (a: number[], b: number[]) => {
    const reverse = index.get(`${key(b)}>${key(a)}`)
    if (reverse !== undefined) return ~reverse
    index.set(`${key(a)}>${key(b)}`, arcs.length)
    arcs.push([a, b])
    return arcs.length - 1
  }
  const geometries = squares.map(({ id, west, south, size }) => {
    const [e, n] = [west + size, south + size]
    const corners = [
      [west, south],
      [e, south],
      [e, n],
      [west, n],
    ]
    const ring = corners.map((c, i) => edge(c, corners[(i + 1) % 4]!))
    return { type: 'Polygon', id, arcs: [ring] }
  })
  return {
    type: 'Topology',
    arcs,
    objects: { units: { type: 'GeometryCollection', geometries } },
  }
}
