import { PlanState } from '@tessera/engine'
import type { NetworkxGraph } from '@tessera/geo'
import {
  balanceOnWeight,
  engineModelOf,
  type PlanQuality,
  planQuality,
  rounded,
} from './engine-model.js'
import {
  type GraphArgs,
  type Io,
  UserError,
  loadGraph,
  readJsonFile,
} from './files.js'

export interface ScoreArgs extends GraphArgs {
  /** `{"assignment": {"<nodeId>": part}}`, or the bare mapping (GerryChain's `dict(partition.assignment)`). */
  plan: string
}

/** `score`: reads a graph and a plan and prints the plan's quality as one JSON line. */
export function scoreCommand(args: ScoreArgs, io: Io): PlanQuality {
  const graph = loadGraph(args, io)
  const assignment = readAssignment(
    readJsonFile(args.plan, 'plan', io),
    graph,
    args.plan,
  )
  const model = engineModelOf(graph)
  const partIds = [...new Set(Object.values(assignment))].sort(byPart)
  const state = new PlanState(model, {
    territories: partIds.map((id) => ({
      id,
      repHome: null,
      capacityMinutes: null,
      locked: false,
    })),
    assignments: assignment,
    overrides: {},
    // Tolerance plays no part in the figures printed.
    settings: balanceOnWeight(0),
  })
  const quality = planQuality(state, graph.hasGeometry)
  io.stdout(JSON.stringify(rounded(quality)))
  return quality
}

const LISTED = 10

/**
 * The plan's node → part mapping with parts as strings. Every node of the graph must be
 * assigned, every key must be a node, and parts are integers or non-empty strings.
 */
export function readAssignment(
  plan: unknown,
  graph: NetworkxGraph,
  path: string,
): Record<string, string> {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(plan))
    throw new UserError(
      `plan file "${path}" must be a JSON object {"assignment": {"<nodeId>": part, …}}`,
    )
  const raw = 'assignment' in plan ? plan['assignment'] : plan
  if (!isObject(raw))
    throw new UserError(
      `plan file "${path}": "assignment" must be an object of node id → part`,
    )
  const known = new Set(graph.units.map((u) => u.id))
  const problems: string[] = []
  const unknown: string[] = []
  const assignment: Record<string, string> = {}
  for (const [node, part] of Object.entries(raw)) {
    if (!known.has(node)) unknown.push(node)
    else if (typeof part === 'number' && Number.isInteger(part))
      assignment[node] = String(part)
    else if (typeof part === 'string' && part !== '') assignment[node] = part
    else if (problems.length < LISTED)
      problems.push(
        `node "${node}": part must be an integer or a string, got ${JSON.stringify(part)}`,
      )
  }
  const missing = graph.units.filter((u) => !(u.id in raw)).map((u) => u.id)
  if (unknown.length > 0)
    problems.push(
      `${unknown.length} node${unknown.length === 1 ? ' is' : 's are'} not in the graph: ${list(unknown)}`,
    )
  if (missing.length > 0)
    problems.push(
      `${missing.length} node${missing.length === 1 ? ' is' : 's are'} not assigned: ${list(missing)}`,
    )
  if (problems.length > 0)
    throw new UserError(
      [`plan file "${path}" does not fit the graph:`, ...problems].join('\n  '),
    )
  return assignment
}

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).map((id) => `"${id}"`)
  const more = ids.length - shown.length
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '')
}

/** Numeric part ids in numeric order, then the rest in text order. */
function byPart(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  const xn = a.trim() !== '' && Number.isFinite(x)
  const yn = b.trim() !== '' && Number.isFinite(y)
  if (xn && yn) return x - y
  if (xn !== yn) return xn ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
