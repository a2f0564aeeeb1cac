/** A graph's attributes as read from JSON: any values, checked later by name. */
export type Attrs = Readonly<Record<string, unknown>>

/** The two NetworkX JSON layouts reduced to one: nodes in file order and undirected edges, each pair once. */
export interface RawGraph {
  nodes: { id: string; attrs: Attrs }[]
  /** Each unordered pair once (first occurrence kept), no self loops, both ends known. */
  edges: { a: string; b: string; attrs: Attrs }[]
  warnings: string[]
}

/** Stops collecting after this many problems: the first few say what is wrong with the file. */
export const MAX_PROBLEMS = 20

/** Validation problems, capped at {@link MAX_PROBLEMS}. */
export class Problems {
  readonly list: string[] = []
  truncated = false

  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message)
    else this.truncated = true
  }

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * A node id as a string. NetworkX ids are any hashable: numbers and strings in practice,
 * tuples (grid graphs) arrive as JSON arrays and are keyed by their JSON text. `null`
 * for anything else.
 */
export function nodeKey(id: unknown): string | null {
  if (typeof id === 'string') return id
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  if (
    Array.isArray(id) &&
    id.length > 0 &&
    id.every((x) => typeof x === 'string' || typeof x === 'number')
  )
    return JSON.stringify(id)
  return null
}

/**
 * Reads `networkx.adjacency_data` (GerryChain's `Graph.to_json`) or `networkx.node_link_data`
 * (`links`, or `edges` in networkx ≥ 3.4) into nodes and undirected edges. Structural
 * problems go to `problems`; `null` when the graph cannot be read at all.
 */
export function readGraphShape(
  data: unknown,
  problems: Problems,
): RawGraph | null {
  if (!isRecord(data)) {
    problems.add(
      'the graph must be a JSON object (NetworkX adjacency or node-link data)',
    )
    return null
  }
  const rawNodes = data['nodes']
  if (!Array.isArray(rawNodes)) {
    problems.add('the graph has no "nodes" array')
    return null
  }
  if (rawNodes.length === 0) {
    problems.add('the graph has no nodes')
    return null
  }
  const adjacency = data['adjacency']
  const linksKey = Array.isArray(data['links']) ? 'links' : 'edges'
  const links = data[linksKey]
  if (!Array.isArray(adjacency) && !Array.isArray(links)) {
    problems.add(
      'the graph has neither "adjacency" (adjacency format) nor "links"/"edges" (node-link format)',
    )
    return null
  }
  const warnings: string[] = []
  if (data['directed'] === true)
    warnings.push(
      'directed graph read as undirected: an edge either way joins two units',
    )
  if (data['multigraph'] === true)
    warnings.push(
      'multigraph: parallel edges merged, the first one’s attributes kept',
    )

  const nodes: RawGraph['nodes'] = []
  const firstIndex = new Map<string, number>()
  rawNodes.forEach((raw, i) => {
    if (problems.full) return
    if (!isRecord(raw)) {
      problems.add(`nodes[${i}] is not an object`)
      return
    }
    const id = nodeKey(raw['id'])
    if (id === null) {
      problems.add(
        `nodes[${i}]: "id" must be a string or a number, got ${JSON.stringify(raw['id']) ?? 'nothing'}`,
      )
      return
    }
    const seen = firstIndex.get(id)
    if (seen !== undefined) {
      problems.add(
        `node "${id}" appears twice (nodes[${seen}] and nodes[${i}])`,
      )
      return
    }
    firstIndex.set(id, i)
    nodes.push({ id, attrs: raw })
  })

  const edges: RawGraph['edges'] = []
  const seenPair = new Set<string>()
  const selfLoops = new Set<string>()
  const addEdge = (a: string, b: string, attrs: Attrs): void => {
    for (const end of [a, b]) {
      if (!firstIndex.has(end)) {
        problems.add(`edge "${a}"–"${b}": node "${end}" is not in "nodes"`)
        return
      }
    }
    if (a === b) {
      if (!selfLoops.has(a)) warnings.push(`node "${a}": self loop ignored`)
      selfLoops.add(a)
      return
    }
    const pair = JSON.stringify(a < b ? [a, b] : [b, a])
    if (seenPair.has(pair)) return
    seenPair.add(pair)
    edges.push({ a, b, attrs })
  }

  if (Array.isArray(adjacency)) {
    if (adjacency.length !== rawNodes.length) {
      problems.add(
        `"adjacency" has ${adjacency.length} lists for ${rawNodes.length} nodes: adjacency[i] lists the neighbours of nodes[i]`,
      )
      return null
    }
    adjacency.forEach((list, i) => {
      if (problems.full) return
      const from = nodeKey(isRecord(rawNodes[i]) ? rawNodes[i]['id'] : null)
      if (from === null) return // already reported with the node
      if (!Array.isArray(list)) {
        problems.add(`adjacency[${i}] (node "${from}") is not a list`)
        return
      }
      list.forEach((entry: unknown, j) => {
        if (problems.full) return
        const to = isRecord(entry) ? nodeKey(entry['id']) : null
        if (to === null || !isRecord(entry)) {
          problems.add(
            `adjacency[${i}][${j}] (a neighbour of node "${from}") needs an "id" that is a string or a number`,
          )
          return
        }
        addEdge(from, to, entry)
      })
    })
  } else if (Array.isArray(links)) {
    links.forEach((link: unknown, i) => {
      if (problems.full) return
      const source = isRecord(link) ? nodeKey(link['source']) : null
      const target = isRecord(link) ? nodeKey(link['target']) : null
      if (source === null || target === null || !isRecord(link)) {
        problems.add(
          `${linksKey}[${i}] needs "source" and "target" that are node ids (strings or numbers)`,
        )
        return
      }
      addEdge(source, target, link)
    })
  }
  return { nodes, edges, warnings }
}

/**
 * A finite number from a number or a numeric string, or why not: `is missing`,
 * `is not a number (…)`, `is not finite (…)`, `is negative (…)`.
 */
export function numeric(value: unknown, nonNegative: boolean): number | string {
  if (value === undefined || value === null) return 'is missing'
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim()
    // Python writes NaN and inf; a dataframe turned to text keeps them as words.
    if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return `is not finite (${text})`
    n = Number(text)
    if (Number.isNaN(n)) return `is not a number (${JSON.stringify(value)})`
  } else return `is not a number (${JSON.stringify(value)})`
  if (!Number.isFinite(n)) return `is not finite (${String(value)})`
  if (nonNegative && n < 0) return `is negative (${n})`
  return n
}
