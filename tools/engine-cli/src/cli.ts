/**
 * `npm run engine -- <command> [options]`: the territory engine on your own geography. See
 * tools/engine-cli/README.md. Commands are exported functions; {@link runCli} parses the
 * arguments and maps failures to exit codes (2 bad arguments, 1 bad files), and the last
 * lines run it when this file is the program.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { designCommand } from './design.js'
import { parseCommand, runWithUsage, wholeNumber } from './args.js'
import { type GraphArgs, type Io, UserError } from './files.js'
import { scoreCommand } from './score.js'
import { stateGraphCommand } from './state-graph.js'

export { designCommand } from './design.js'
export type { DesignArgs, DesignSummary } from './design.js'
export type { PlanQuality } from './engine-model.js'
export { UserError } from './files.js'
export type { Io } from './files.js'
export { readAssignment, scoreCommand } from './score.js'
export { stateGraph, stateGraphCommand } from './state-graph.js'

export const USAGE = `usage: npm run engine -- <command> [options]

  design       --graph G.json --weight ATTR --parts K --tolerance T --out plan.json
               [--seed S] [graph options]
  score        --graph G.json --weight ATTR --plan plan.json [graph options]
  state-graph  --state IA|19 --out G.json

graph options (attribute names; defaults in parentheses):
  --x A --y A            centroid (x/y, lon/lat, INTPTLON20/INTPTLAT20, C_X/C_Y)
  --area A               node area (area)
  --perimeter A          node's whole perimeter (perimeter)
  --boundary-perimeter A node's outer-boundary perimeter (boundary_perim)
  --border A             edge's shared border length (shared_perim)

exit codes: 0 done, 1 unreadable or invalid file, 2 bad arguments`

const GRAPH_OPTIONS = [
  'graph',
  'weight',
  'x',
  'y',
  'area',
  'perimeter',
  'boundary-perimeter',
  'border',
] as const

const COMMANDS = {
  design: {
    required: ['graph', 'weight', 'parts', 'tolerance', 'out'],
    allowed: [...GRAPH_OPTIONS, 'parts', 'tolerance', 'seed', 'out'],
  },
  score: {
    required: ['graph', 'weight', 'plan'],
    allowed: [...GRAPH_OPTIONS, 'plan'],
  },
  'state-graph': { required: ['state', 'out'], allowed: ['state', 'out'] },
} as const satisfies Record<string, { required: string[]; allowed: string[] }>

const OPTION_NAMES = [
  ...new Set(Object.values(COMMANDS).flatMap((c) => c.allowed)),
]

/** Runs one command; returns the exit code. User errors are printed as a message, never a stack. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  return runWithUsage('engine', USAGE, () => dispatch(argv, io), io)
}

async function dispatch(argv: readonly string[], io: Io): Promise<void> {
  const parsed = parseCommand(argv, COMMANDS, OPTION_NAMES)
  if (parsed.help) {
    io.stdout(USAGE)
    return
  }
  const { command, opts } = parsed
  const get = (name: string): string => opts[name]!
  if (command === 'state-graph') {
    await stateGraphCommand({ state: get('state'), out: get('out') }, io)
    return
  }
  const graph: GraphArgs = {
    graph: get('graph'),
    weight: get('weight'),
    x: opts['x'],
    y: opts['y'],
    area: opts['area'],
    perimeter: opts['perimeter'],
    boundaryPerimeter: opts['boundary-perimeter'],
    border: opts['border'],
  }
  if (command === 'score') {
    scoreCommand({ ...graph, plan: get('plan') }, io)
    return
  }
  designCommand(
    {
      ...graph,
      parts: wholeNumber('parts', get('parts'), 1, 1_000_000),
      tolerance: fraction('tolerance', get('tolerance')),
      seed: wholeNumber('seed', opts['seed'] ?? '1', 0, 2 ** 32 - 1),
      out: get('out'),
    },
    io,
  )
}

function fraction(name: string, text: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UserError(
      `--${name} must be a fraction from 0 to 1 (0.01 for ±1 %), got "${text}"`,
      2,
    )
  return n
}

function isMain(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (isMain()) {
  const io: Io = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  }
  process.exitCode = await runCli(process.argv.slice(2), io)
}
