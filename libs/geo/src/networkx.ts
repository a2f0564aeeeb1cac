import type { Unit, UnitAdjacency } from '@tessera/domain'
import { type Result, err, ok } from '@tessera/domain'
import {
  type Attrs,
  MAX_PROBLEMS,
  Problems,
  numeric,
  readGraphShape,
} from './networkx-format.js'

/** Which attributes of a NetworkX graph carry what; only `weight` is required. */
export interface NetworkxOptions {
  /** Node attribute of the balanced quantity, e.g. `TOTPOP`. Finite and ≥ 0 on every node. */
  weight: string
  /** Centroid longitude / x; default the first pair found of x/y, lon/lat, INTPTLON20/INTPTLAT20, C_X/C_Y. */
  x?: string | undefined
  y?: string | undefined
  /** Node area; default `area` when every node has it. */
  area?: string | undefined
  /** Node's whole outer perimeter; default `perimeter` when every node has it. */
  perimeter?: string | undefined
  /**
   * The part of a node's perimeter on the outer boundary (GerryChain's `boundary_perim`,
   * written on boundary nodes only: missing counts as 0). Used when no perimeter attribute
   * is: perimeter = boundary part + the node's shared borders. Default `boundary_perim`.
   */
  boundaryPerimeter?: string | undefined
  /** Edge attribute of the shared border length; default `shared_perim` when every edge has it. */
  border?: string | undefined
}

export interface NetworkxGraph {
  /** In file order; `region` is `''`, `name` the node's `name`/`NAME` or its id. */
  units: Unit[]
  /** Each pair once, in first-seen order, `kind: 'border'` (0 km when no border attribute). */
  adjacency: UnitAdjacency[]
  /** Node id → weight. */
  weights: Map<string, number>
  /** Area, perimeter and shared borders are all known, so Polsby–Popper can be scored. */
  hasGeometry: boolean
  warnings: string[]
}

const CENTROID_PAIRS: readonly (readonly [string, string])[] = [
  ['x', 'y'],
  ['lon', 'lat'],
  ['INTPTLON20', 'INTPTLAT20'],
  ['C_X', 'C_Y'],
]

/**
 * Reads a graph written by NetworkX — `adjacency_data` (GerryChain's `Graph.to_json`) or
 * `node_link_data` — from its parsed JSON. Numeric ids are stringified. Numeric attributes
 * may be numbers or numeric strings (census files keep `INTPTLAT20` as `"+41.59"`). Every
 * problem names its node or edge and attribute; the first {@link MAX_PROBLEMS} are returned.
 *
 * Lengths and areas are taken in the file's own units: Polsby–Popper is scale-free, so
 * square metres and metres serve as well as km² and km, as long as they agree.
 */
export function readNetworkxGraph(
  data: unknown,
  options: NetworkxOptions,
): Result<NetworkxGraph> {
  const problems = new Problems()
  const graph = readGraphShape(data, problems)
  if (!graph) return failure(problems)
  const { nodes, edges } = graph
  const warnings = [...graph.warnings]
  const nodeNumber = (
    node: { id: string; attrs: Attrs },
    attr: string,
    role: string,
    nonNegative: boolean,
  ): number | undefined => {
    const r = numeric(node.attrs[attr], nonNegative)
    if (typeof r === 'number') return r
    problems.add(`node "${node.id}": ${role} attribute "${attr}" ${r}`)
    return undefined
  }

  const weights = new Map<string, number>()
  for (const node of nodes) {
    const w = nodeNumber(node, options.weight, 'weight', true)
    if (w !== undefined) weights.set(node.id, w)
  }

  const pair = centroidAttrs(options, nodes)
  const xs = new Float64Array(nodes.length)
  const ys = new Float64Array(nodes.length)
  if (!pair)
    problems.add(
      `no centroid attributes: no node has ${CENTROID_PAIRS.map((p) => p.join('/')).join(', ')}; name them with the x and y options`,
    )
  else
    nodes.forEach((node, i) => {
      xs[i] = nodeNumber(node, pair[0], 'centroid', false) ?? NaN
      ys[i] = nodeNumber(node, pair[1], 'centroid', false) ?? NaN
    })

  // Shared borders, then area and perimeter (which may be built from the borders).
  const borderAttr = optionalAttr(
    options.border,
    'shared_perim',
    edges.map((e) => e.attrs),
    'border',
    'edges',
    warnings,
  )
  const border = new Float64Array(edges.length)
  const borderKnown = edges.length === 0 || borderAttr !== null
  if (borderAttr !== null)
    edges.forEach((e, k) => {
      const r = numeric(e.attrs[borderAttr], true)
      if (typeof r === 'number') border[k] = r
      else
        problems.add(
          `edge "${e.a}"–"${e.b}": border attribute "${borderAttr}" ${r}`,
        )
    })

  const nodeAttrs = nodes.map((n) => n.attrs)
  const areaAttr = optionalAttr(
    options.area,
    'area',
    nodeAttrs,
    'area',
    'nodes',
    warnings,
  )
  const area = new Float64Array(nodes.length)
  if (areaAttr !== null)
    nodes.forEach((node, i) => {
      area[i] = nodeNumber(node, areaAttr, 'area', true) ?? 0
    })

  const perimeter = new Float64Array(nodes.length)
  let perimeterKnown = false
  const perimeterAttr =
    options.boundaryPerimeter === undefined
      ? optionalAttr(
          options.perimeter,
          'perimeter',
          nodeAttrs,
          'perimeter',
          'nodes',
          warnings,
        )
      : (options.perimeter ?? null)
  if (perimeterAttr !== null) {
    perimeterKnown = true
    nodes.forEach((node, i) => {
      perimeter[i] = nodeNumber(node, perimeterAttr, 'perimeter', true) ?? 0
    })
  } else {
    const boundaryAttr = options.boundaryPerimeter ?? 'boundary_perim'
    const used =
      options.boundaryPerimeter !== undefined ||
      nodes.some((n) => n.attrs[boundaryAttr] != null)
    if (used && !borderKnown)
      problems.add(
        `perimeter from "${boundaryAttr}" needs every edge's shared border: name the border attribute`,
      )
    else if (used) {
      perimeterKnown = true
      const index = new Map(nodes.map((n, i) => [n.id, i]))
      nodes.forEach((node, i) => {
        // GerryChain writes boundary_perim on boundary nodes only: interior nodes have none.
        const raw = node.attrs[boundaryAttr]
        if (raw == null && node.attrs['boundary_node'] !== true) return
        perimeter[i] =
          nodeNumber(node, boundaryAttr, 'boundary perimeter', true) ?? 0
      })
      edges.forEach((e, k) => {
        perimeter[index.get(e.a)!]! += border[k]!
        perimeter[index.get(e.b)!]! += border[k]!
      })
    }
  }
  if (problems.list.length > 0) return failure(problems)

  const hasGeometry = areaAttr !== null && perimeterKnown && borderKnown
  if (!hasGeometry) {
    const missing = [
      areaAttr === null && 'node area',
      !perimeterKnown && 'node perimeter (or boundary_perim)',
      !borderKnown && 'edge shared borders',
    ].filter((m): m is string => m !== false)
    warnings.push(
      `no geometry, so Polsby–Popper is not scored: missing ${missing.join(', ')}`,
    )
  }
  const projected = toLonLat(nodes, xs, ys)
  if (projected) warnings.push(projected)

  const units: Unit[] = nodes.map((node, i) => ({
    id: node.id,
    name: nameOf(node.id, node.attrs),
    region: '',
    centroid: [xs[i]!, ys[i]!],
    areaKm2: area[i]!,
    perimeterKm: perimeter[i]!,
  }))
  const adjacency: UnitAdjacency[] = edges.map((e, k) => ({
    a: e.a,
    b: e.b,
    sharedBorderKm: border[k]!,
    kind: 'border',
  }))
  return ok({ units, adjacency, weights, hasGeometry, warnings })
}

function failure(problems: Problems): Result<never> {
  const n = problems.list.length
  const head = problems.truncated
    ? `the graph has more than ${MAX_PROBLEMS} problems; the first ${n}:`
    : `the graph has ${n} problem${n === 1 ? '' : 's'}:`
  return err(
    'BAD_INPUT',
    [head, ...problems.list.map((p) => `  ${p}`)].join('\n'),
  )
}

/** The named attribute, else the default when every item has it (a warning when only some do). */
function optionalAttr(
  named: string | undefined,
  fallback: string,
  items: readonly Attrs[],
  role: string,
  what: 'nodes' | 'edges',
  warnings: string[],
): string | null {
  if (named !== undefined) return named
  const count = items.filter((a) => a[fallback] != null).length
  if (count > 0 && count === items.length) return fallback
  if (count > 0)
    warnings.push(
      `${role} attribute "${fallback}" is on ${count} of ${items.length} ${what} only, so it is not used`,
    )
  return null
}

function centroidAttrs(
  options: NetworkxOptions,
  nodes: readonly { attrs: Attrs }[],
): readonly [string, string] | null {
  if (options.x !== undefined || options.y !== undefined)
    return [options.x ?? 'x', options.y ?? 'y']
  return (
    CENTROID_PAIRS.find(([x, y]) =>
      nodes.some((n) => n.attrs[x] != null && n.attrs[y] != null),
    ) ?? null
  )
}

/**
 * Centroids outside lon/lat range (|x| > 180 or |y| > 90 anywhere) are projected planar
 * coordinates, e.g. metres of a UTM zone or feet of a state plane. The engine measures
 * distance by haversine on lon/lat, so they are centred and scaled into a box of ±1° around
 * 0°, 0°: so close to the equator a degree of longitude and one of latitude differ by under
 * 0.02 %, and haversine distances keep the planar proportions (not their units). Rewrites
 * `xs`/`ys` in place and returns the warning, or null when they already are lon/lat.
 */
function toLonLat(
  nodes: readonly { id: string }[],
  xs: Float64Array,
  ys: Float64Array,
): string | null {
  const i = xs.findIndex((x, k) => Math.abs(x) > 180 || Math.abs(ys[k]!) > 90)
  if (i < 0) return null
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity]
  xs.forEach((x, k) => {
    minX = Math.min(minX, x)
    maxX = Math.max(maxX, x)
    minY = Math.min(minY, ys[k]!)
    maxY = Math.max(maxY, ys[k]!)
  })
  const half = Math.max(maxX - minX, maxY - minY) / 2 || 1
  const cx = (minX + maxX) / 2
  const cy = (minY + maxY) / 2
  const warning = `centroids look projected (node "${nodes[i]!.id}" is at ${xs[i]}, ${ys[i]}): read as planar and scaled into ±1° around 0°, 0°, so distances keep their proportions but not their units`
  xs.forEach((x, k) => {
    xs[k] = (x - cx) / half
    ys[k] = (ys[k]! - cy) / half
  })
  return warning
}

function nameOf(id: string, attrs: Attrs): string {
  for (const key of ['name', 'NAME']) {
    const v = attrs[key]
    if (typeof v === 'string' && v !== '') return v
  }
  return id
}
