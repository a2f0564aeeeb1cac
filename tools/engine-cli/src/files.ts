import { readFileSync, writeFileSync } from 'node:fs'
import {
  type NetworkxGraph,
  type NetworkxOptions,
  readNetworkxGraph,
} from '@tessera/geo'

/** Where the commands write: stdout gets results (one JSON line), stderr progress and warnings. */
export interface Io {
  stdout: (line: string) => void
  stderr: (text: string) => void
  /** stderr is a terminal: progress rewrites one line instead of printing a line per step. */
  interactive?: boolean
}

/**
 * A failure the user can fix — bad arguments (exit 2) or a bad file (exit 1) — printed as its
 * message alone, never as a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
    this.name = 'UserError'
  }
}

/** Reads and parses a JSON file; a missing file or bad JSON is a {@link UserError}. */
export function readJsonFile(path: string, what: string, io?: Io): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (error as Error).message
    throw new UserError(`cannot read ${what} file "${path}": ${why}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    // Python's json module writes NaN and Infinity, which JSON does not allow. Read them
    // as the strings "NaN" / "Infinity", so a bad value is reported only if it is used.
    const quoted = quotePythonSpecials(text)
    if (quoted !== null) {
      try {
        const value: unknown = JSON.parse(quoted)
        io?.stderr(
          `warning: ${what} file "${path}" has bare NaN or Infinity (Python's json writes them; JSON does not allow them): read as text\n`,
        )
        return value
      } catch {
        // fall through to the original message
      }
    }
    throw new UserError(
      `${what} file "${path}" is not valid JSON: ${(error as Error).message}`,
    )
  }
}

export function writeJsonFile(path: string, value: unknown): void {
  try {
    writeFileSync(path, `${JSON.stringify(value)}\n`)
  } catch (error) {
    throw new UserError(`cannot write "${path}": ${(error as Error).message}`)
  }
}

/** The graph options shared by `design` and `score`. */
export interface GraphArgs extends NetworkxOptions {
  graph: string
}

/** Reads a NetworkX graph file; validation problems become one {@link UserError}, warnings go to stderr. */
export function loadGraph(args: GraphArgs, io: Io): NetworkxGraph {
  const data = readJsonFile(args.graph, 'graph', io)
  const { graph: _path, ...options } = args
  const read = readNetworkxGraph(data, options)
  if (!read.ok)
    throw new UserError(`graph file "${args.graph}": ${read.error.message}`)
  for (const w of read.value.warnings) io.stderr(`warning: ${w}\n`)
  return read.value
}

/** Bare NaN, Infinity and -Infinity outside strings replaced by quoted text; null when there are none. */
function quotePythonSpecials(text: string): string | null {
  const parts: string[] = []
  let last = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') {
      inString = true
      continue
    }
    const word = ['NaN', 'Infinity', '-Infinity'].find((w) =>
      text.startsWith(w, i),
    )
    if (word) {
      parts.push(text.slice(last, i), `"${word}"`)
      i += word.length - 1
      last = i + 1
    }
  }
  if (parts.length === 0) return null
  parts.push(text.slice(last))
  return parts.join('')
}
