import { describe, expect, it } from 'vitest'
import { haversineKm } from './haversine.js'
import { type NetworkxOptions, readNetworkxGraph } from './networkx.js'

/**
 * A GerryChain-style adjacency graph (`Graph.to_json`): three counties in a row, a–b–c, and
 * d below b. Perimeters: each is a unit square except b, a 1×2 rectangle.
 *   boundary_perim only on boundary nodes (all four here), shared_perim on edges.
 */
const gerrychain = {
  directed: false,
  multigraph: false,
  graph: {},
  nodes: [
    {
      id: 'a',
      TOTPOP: 10,
      C_X: -93.0,
      C_Y: 42.0,
      area: 1,
      boundary_perim: 3,
      boundary_node: true,
    },
    {
      id: 'b',
      TOTPOP: 20,
      C_X: -92.9,
      C_Y: 42.0,
      area: 2,
      boundary_perim: 3,
      boundary_node: true,
      NAME: 'Bee',
    },
    {
      id: 'c',
      TOTPOP: 30,
      C_X: -92.8,
      C_Y: 42.0,
      area: 1,
      boundary_perim: 3,
      boundary_node: true,
    },
    {
      id: 'd',
      TOTPOP: 0,
      C_X: -92.9,
      C_Y: 41.9,
      area: 1,
      boundary_perim: 3,
      boundary_node: true,
    },
  ],
  adjacency: [
    [{ id: 'b', shared_perim: 1 }],
    [
      { id: 'a', shared_perim: 1 },
      { id: 'c', shared_perim: 1 },
      { id: 'd', shared_perim: 1 },
    ],
    [{ id: 'b', shared_perim: 1 }],
    [{ id: 'b', shared_perim: 1 }],
  ],
}

function read(data: unknown, options: Partial<NetworkxOptions> = {}) {
  return readNetworkxGraph(data, { weight: 'TOTPOP', ...options })
}

function problemsOf(data: unknown, options: Partial<NetworkxOptions> = {}) {
  const r = read(data, options)
  if (r.ok) throw new Error('expected the graph to be rejected')
  expect(r.error.code).toBe('BAD_INPUT')
  return r.error.message
}

/** A node-link graph of `n` nodes in a path, numeric ids, lon/lat centroids. */
function pathGraph(n: number, extra: (i: number) => object = () => ({})) {
  return {
    nodes: Array.from({ length: n }, (_, i) => ({
      id: i,
      pop: 100 + i,
      lon: -90 + i * 0.1,
      lat: 40,
      ...extra(i),
    })),
    links: Array.from({ length: n - 1 }, (_, i) => ({
      source: i,
      target: i + 1,
    })),
  }
}

describe('readNetworkxGraph: adjacency format', () => {
  it('reads units, each edge once, weights and GerryChain geometry', () => {
    const r = read(gerrychain)
    if (!r.ok) throw new Error(r.error.message)
    const g = r.value
    expect(g.units.map((u) => u.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(g.units[1]).toEqual({
      id: 'b',
      name: 'Bee',
      region: '',
      centroid: [-92.9, 42],
      areaKm2: 2,
      perimeterKm: 6, // boundary 3 + shared 1 + 1 + 1
    })
    expect(g.units[0]!.name).toBe('a')
    expect(g.units.map((u) => u.perimeterKm)).toEqual([4, 6, 4, 4])
    expect(g.adjacency).toEqual([
      { a: 'a', b: 'b', sharedBorderKm: 1, kind: 'border' },
      { a: 'b', b: 'c', sharedBorderKm: 1, kind: 'border' },
      { a: 'b', b: 'd', sharedBorderKm: 1, kind: 'border' },
    ])
    expect([...g.weights]).toEqual([
      ['a', 10],
      ['b', 20],
      ['c', 30],
      ['d', 0],
    ])
    expect(g.hasGeometry).toBe(true)
    expect(g.warnings).toEqual([])
  })

  it('builds perimeters from boundary_perim, which interior nodes do not have', () => {
    // A plus sign: e sits in the middle, interior (no boundary_perim, boundary_node false).
    const plus = {
      nodes: [
        { id: 'e', w: 1, x: 0, y: 0, A: 1, boundary_node: false },
        { id: 'n', w: 1, x: 0, y: 1, A: 1, bp: 3, boundary_node: true },
        { id: 's', w: 1, x: 0, y: -1, A: 1, bp: 3, boundary_node: true },
        { id: 'w', w: 1, x: -1, y: 0, A: 1, bp: 3, boundary_node: true },
        { id: 'o', w: 1, x: 1, y: 0, A: 1, bp: 3, boundary_node: true },
      ],
      links: ['n', 's', 'w', 'o'].map((t) => ({
        source: 'e',
        target: t,
        len: 1,
      })),
    }
    const r = readNetworkxGraph(plus, {
      weight: 'w',
      area: 'A',
      boundaryPerimeter: 'bp',
      border: 'len',
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.units.map((u) => [u.id, u.perimeterKm])).toEqual([
      ['e', 4],
      ['n', 4],
      ['s', 4],
      ['w', 4],
      ['o', 4],
    ])
    expect(r.value.hasGeometry).toBe(true)
  })

  it('prefers a whole-perimeter attribute when one is named', () => {
    const nodes = gerrychain.nodes.map((n) => ({ ...n, PERIM: 9 }))
    const r = read({ ...gerrychain, nodes }, { perimeter: 'PERIM' })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.units.map((u) => u.perimeterKm)).toEqual([9, 9, 9, 9])
  })

  it('accepts directed graphs and multigraphs, keeping each pair once', () => {
    const r = read({
      ...gerrychain,
      directed: true,
      multigraph: true,
      adjacency: [
        [
          { id: 'b', key: 0, shared_perim: 1 },
          { id: 'b', key: 1, shared_perim: 5 },
        ],
        [{ id: 'c', key: 0, shared_perim: 1 }],
        [{ id: 'b', key: 0, shared_perim: 1 }],
        [{ id: 'b', key: 0, shared_perim: 1 }],
      ],
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.adjacency.map((e) => [e.a, e.b, e.sharedBorderKm])).toEqual([
      ['a', 'b', 1],
      ['b', 'c', 1],
      ['d', 'b', 1],
    ])
    expect(r.value.warnings).toEqual([
      'directed graph read as undirected: an edge either way joins two units',
      'multigraph: parallel edges merged, the first one’s attributes kept',
    ])
  })

  it('warns about and skips self loops', () => {
    const adjacency = gerrychain.adjacency.map((l) => [...l])
    adjacency[2]!.push({ id: 'c', shared_perim: 0 })
    const r = read({ ...gerrychain, adjacency })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.adjacency).toHaveLength(3)
    expect(r.value.warnings).toContain('node "c": self loop ignored')
  })
})

describe('readNetworkxGraph: node-link format', () => {
  it('stringifies numeric ids and reads "links" or "edges"', () => {
    for (const key of ['links', 'edges']) {
      const { nodes, links } = pathGraph(3)
      const r = readNetworkxGraph({ nodes, [key]: links }, { weight: 'pop' })
      if (!r.ok) throw new Error(r.error.message)
      expect(r.value.units.map((u) => u.id)).toEqual(['0', '1', '2'])
      expect(r.value.units[2]!.centroid).toEqual([-89.8, 40])
      expect(r.value.adjacency.map((e) => [e.a, e.b])).toEqual([
        ['0', '1'],
        ['1', '2'],
      ])
      expect(r.value.weights.get('2')).toBe(102)
      expect(r.value.hasGeometry).toBe(false)
      expect(r.value.warnings).toEqual([
        'no geometry, so Polsby–Popper is not scored: missing node area, node perimeter (or boundary_perim), edge shared borders',
      ])
    }
  })

  it('reads numeric strings (census centroids) and tuple ids', () => {
    const r = readNetworkxGraph(
      {
        nodes: [
          { id: [0, 0], pop: '12', INTPTLON20: '-093.5', INTPTLAT20: '+41.6' },
          { id: [0, 1], pop: 3, INTPTLON20: '-093.4', INTPTLAT20: '+41.6' },
        ],
        links: [{ source: [0, 0], target: [0, 1] }],
      },
      { weight: 'pop' },
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.units.map((u) => [u.id, u.centroid])).toEqual([
      ['[0,0]', [-93.5, 41.6]],
      ['[0,1]', [-93.4, 41.6]],
    ])
    expect(r.value.weights.get('[0,0]')).toBe(12)
  })

  it('only uses a default geometry attribute that every node has', () => {
    const r = readNetworkxGraph(
      pathGraph(3, (i) => (i === 0 ? {} : { area: 1 })),
      { weight: 'pop' },
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.units.map((u) => u.areaKm2)).toEqual([0, 0, 0])
    expect(r.value.warnings[0]).toBe(
      'area attribute "area" is on 2 of 3 nodes only, so it is not used',
    )
  })
})

describe('readNetworkxGraph: projected coordinates', () => {
  it('scales planar metres into a small lon/lat box, keeping distance proportions', () => {
    // UTM-like metres: b is 30 km east of a, c is 40 km north of a.
    const r = readNetworkxGraph(
      {
        nodes: [
          { id: 'a', p: 1, x: 500_000, y: 4_600_000 },
          { id: 'b', p: 1, x: 530_000, y: 4_600_000 },
          { id: 'c', p: 1, x: 500_000, y: 4_640_000 },
        ],
        links: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'c' },
        ],
      },
      { weight: 'p' },
    )
    if (!r.ok) throw new Error(r.error.message)
    const [a, b, c] = r.value.units.map((u) => u.centroid)
    for (const [lon, lat] of [a!, b!, c!]) {
      expect(Math.abs(lon)).toBeLessThanOrEqual(1)
      expect(Math.abs(lat)).toBeLessThanOrEqual(1)
    }
    const ab = haversineKm(a!, b!)
    const ac = haversineKm(a!, c!)
    const bc = haversineKm(b!, c!)
    expect(ac / ab).toBeCloseTo(40 / 30, 3)
    expect(bc / ab).toBeCloseTo(50 / 30, 3)
    expect(r.value.warnings).toContain(
      'centroids look projected (node "a" is at 500000, 4600000): read as planar and scaled into ±1° around 0°, 0°, so distances keep their proportions but not their units',
    )
  })
})

describe('readNetworkxGraph: validation', () => {
  it('rejects what is not a graph', () => {
    for (const v of [null, [], 'graph', 3])
      expect(problemsOf(v)).toBe(
        'the graph has 1 problem:\n  the graph must be a JSON object (NetworkX adjacency or node-link data)',
      )
    expect(problemsOf({ links: [] })).toContain(
      'the graph has no "nodes" array',
    )
    expect(problemsOf({ nodes: [], links: [] })).toContain(
      'the graph has no nodes',
    )
    expect(problemsOf({ nodes: [{ id: 1 }] })).toContain(
      'the graph has neither "adjacency" (adjacency format) nor "links"/"edges" (node-link format)',
    )
    expect(
      problemsOf({ ...gerrychain, adjacency: gerrychain.adjacency.slice(1) }),
    ).toContain(
      '"adjacency" has 3 lists for 4 nodes: adjacency[i] lists the neighbours of nodes[i]',
    )
  })

  it('names the node and attribute of every bad weight', () => {
    const nodes = [
      { id: 27053, C_X: -93, C_Y: 45 },
      { id: 27001, TOTPOP: 'many', C_X: -93, C_Y: 45 },
      { id: 27002, TOTPOP: -3, C_X: -93, C_Y: 45 },
      { id: 27003, TOTPOP: 'NaN', C_X: -93, C_Y: 45 },
      { id: 27004, TOTPOP: Infinity, C_X: -93, C_Y: 45 },
      { id: 27005, TOTPOP: '4200', C_X: -93, C_Y: 45 },
      { id: 27006, TOTPOP: true, C_X: -93, C_Y: 45 },
    ]
    expect(problemsOf({ nodes, links: [] })).toBe(
      [
        'the graph has 6 problems:',
        '  node "27053": weight attribute "TOTPOP" is missing',
        '  node "27001": weight attribute "TOTPOP" is not a number ("many")',
        '  node "27002": weight attribute "TOTPOP" is negative (-3)',
        '  node "27003": weight attribute "TOTPOP" is not finite (NaN)',
        '  node "27004": weight attribute "TOTPOP" is not finite (Infinity)',
        '  node "27006": weight attribute "TOTPOP" is not a number (true)',
      ].join('\n'),
    )
  })

  it('needs a centroid on every node', () => {
    const { links } = pathGraph(2)
    expect(
      problemsOf({
        nodes: [
          { id: 1, TOTPOP: 1 },
          { id: 2, TOTPOP: 1 },
        ],
        links,
      }),
    ).toContain(
      'no centroid attributes: no node has x/y, lon/lat, INTPTLON20/INTPTLAT20, C_X/C_Y; name them with the x and y options',
    )
    expect(
      problemsOf(
        {
          nodes: [
            { id: 1, TOTPOP: 1, X: 1, Y: 1 },
            { id: 2, TOTPOP: 1, Y: 'north' },
          ],
          links: [],
        },
        { x: 'X', y: 'Y' },
      ),
    ).toBe(
      [
        'the graph has 2 problems:',
        '  node "2": centroid attribute "X" is missing',
        '  node "2": centroid attribute "Y" is not a number ("north")',
      ].join('\n'),
    )
  })

  it('rejects duplicate and malformed ids and edges to unknown nodes', () => {
    const message = problemsOf({
      nodes: [
        { id: 1, TOTPOP: 1, x: 0, y: 0 },
        { id: '1', TOTPOP: 1, x: 0, y: 0 },
        { id: null, TOTPOP: 1, x: 0, y: 0 },
        'node',
        { id: 2, TOTPOP: 1, x: 0, y: 0 },
      ],
      links: [
        { source: 1, target: 2 },
        { source: 2, target: 99 },
        { source: 2 },
      ],
    })
    expect(message).toBe(
      [
        'the graph has 5 problems:',
        '  node "1" appears twice (nodes[0] and nodes[1])',
        '  nodes[2]: "id" must be a string or a number, got null',
        '  nodes[3] is not an object',
        '  edge "2"–"99": node "99" is not in "nodes"',
        '  links[2] needs "source" and "target" that are node ids (strings or numbers)',
      ].join('\n'),
    )
    expect(
      problemsOf({
        ...gerrychain,
        adjacency: [[{ id: 'zz' }], [{ nope: 1 }], [], []],
      }),
    ).toBe(
      [
        'the graph has 2 problems:',
        '  edge "a"–"zz": node "zz" is not in "nodes"',
        '  adjacency[1][0] (a neighbour of node "b") needs an "id" that is a string or a number',
      ].join('\n'),
    )
  })

  it('checks named geometry attributes on every node and edge', () => {
    const g = pathGraph(3, (i) => (i === 1 ? { A: -1 } : { A: 1 }))
    expect(
      problemsOf(
        {
          ...g,
          links: [
            { source: 0, target: 1, L: 1 },
            { source: 1, target: 2 },
          ],
        },
        { weight: 'pop', area: 'A', border: 'L' },
      ),
    ).toBe(
      [
        'the graph has 2 problems:',
        '  edge "1"–"2": border attribute "L" is missing',
        '  node "1": area attribute "A" is negative (-1)',
      ].join('\n'),
    )
    expect(
      problemsOf(pathGraph(2), { weight: 'pop', boundaryPerimeter: 'bp' }),
    ).toContain(
      'perimeter from "bp" needs every edge\'s shared border: name the border attribute',
    )
  })

  it(`stops after 20 problems`, () => {
    const g = pathGraph(30)
    const message = problemsOf(g, { weight: 'POP' })
    const lines = message.split('\n')
    expect(lines[0]).toBe('the graph has more than 20 problems; the first 20:')
    expect(lines).toHaveLength(21)
    expect(lines[20]).toBe('  node "19": weight attribute "POP" is missing')
  })
})
