import { describe, expect, it } from 'vitest'
import type { Topology } from 'topojson-specification'
import { connectedComponents } from './adjacency.js'
import { buildUnitLayer } from './unit-layer.js'

/**
 * A hand-made unquantized topology: A and B share one edge (arc 0), C is an island, D has
 * no id, E is two geometries with the same id, and a stray point is ignored.
 */
const topology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
    [
      [5, 0],
      [6, 0],
      [6, 1],
      [5, 1],
      [5, 0],
    ],
    [
      [10, 10],
      [11, 10],
      [11, 11],
      [10, 10],
    ],
    [
      [20, 0],
      [21, 0],
      [21, 1],
      [20, 1],
      [20, 0],
    ],
    [
      [22, 0],
      [23, 0],
      [23, 1],
      [22, 1],
      [22, 0],
    ],
  ],
  objects: {
    units: {
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'Polygon',
          id: 'B',
          arcs: [[2, -1]],
          properties: { name: 'Bee' },
        },
        { type: 'Polygon', id: 'A', arcs: [[1, 0]] },
        { type: 'Polygon', id: 'C', arcs: [[3]] },
        { type: 'Polygon', arcs: [[4]] },
        {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', id: 'E', arcs: [[5]] }],
        },
        { type: 'MultiPolygon', id: 'E', arcs: [[[6]]] },
        { type: 'Point', id: 'P', coordinates: [0.5, 0.5] },
      ],
    },
  },
} as unknown as Topology

describe('buildUnitLayer on a small topology', () => {
  const layer = buildUnitLayer(topology, 'units', { region: (id) => `r-${id}` })

  it('makes one unit per id, sorted, skipping geometries without an id', () => {
    expect(layer.units.map((u) => u.id)).toEqual(['A', 'B', 'C', 'E'])
    expect(layer.units.map((u) => u.name)).toEqual(['A', 'Bee', 'C', 'E'])
    expect(layer.units[0]?.region).toBe('r-A')
  })

  it('merges geometries that share an id', () => {
    const [a, , , e] = layer.units
    expect(e?.areaKm2).toBeCloseTo(2 * (a?.areaKm2 ?? 0), 0)
    expect(e?.centroid[0]).toBeCloseTo(21.5, 2)
  })

  it('measures a shared arc as the border length', () => {
    const ab = layer.adjacency.find((x) => x.a === 'A' && x.b === 'B')
    expect(ab?.kind).toBe('border')
    expect(ab?.sharedBorderKm).toBeCloseTo(111.195, 2)
  })

  it('links islands to their nearest unit until the graph is connected', () => {
    expect(layer.adjacency.filter((x) => x.kind === 'proximity')).toEqual([
      { a: 'B', b: 'C', sharedBorderKm: 0, kind: 'proximity' },
      { a: 'C', b: 'E', sharedBorderKm: 0, kind: 'proximity' },
    ])
    const ids = layer.units.map((u) => u.id)
    expect(connectedComponents(ids, layer.adjacency)).toHaveLength(1)
  })

  it('throws for a missing object', () => {
    expect(() => buildUnitLayer(topology, 'nope')).toThrow(RangeError)
  })
})

describe('connectedComponents', () => {
  it('lists components largest first and ignores edges to unknown ids', () => {
    const edges = [
      { a: 'x', b: 'y', sharedBorderKm: 1, kind: 'border' as const },
      { a: 'y', b: 'q', sharedBorderKm: 1, kind: 'border' as const },
    ]
    expect(connectedComponents(['z', 'x', 'y'], edges)).toEqual([
      ['x', 'y'],
      ['z'],
    ])
  })
})
