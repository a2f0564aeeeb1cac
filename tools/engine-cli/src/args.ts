import { parseArgs } from 'node:util'
import { type Io, UserError } from './files.js'

/** A command's options: those it needs, and all it takes. */
export interface CommandSpec {
  required: readonly string[]
  allowed: readonly string[]
}

/**
 * One command and its `--name value` options, checked against the commands' specs: an
 * unknown command or option, a stray argument or a missing option is a usage error (exit
 * code 2). `help` when only `--help` was asked.
 */
export function parseCommand(
  argv: readonly string[],
  commands: Record<string, CommandSpec>,
  optionNames: readonly string[],
):
  | { help: true }
  | { help: false; command: string; opts: Record<string, string | undefined> } {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          optionNames.map((name) => [name, { type: 'string' as const }]),
        ),
      },
    })
  } catch (error) {
    // parseArgs explains at length how to pass a positional starting with '-'; the first sentence is enough.
    const message = (error as Error).message
    throw new UserError(message.split(/\.\s/)[0]!.toLowerCase(), 2)
  }
  const { values, positionals } = parsed
  if (values['help'] && positionals.length === 0) return { help: true }
  const [command, ...extra] = positionals
  if (command === undefined) throw new UserError('no command given', 2)
  const spec = commands[command]
  if (!spec) throw new UserError(`unknown command "${command}"`, 2)
  if (extra.length > 0)
    throw new UserError(`unexpected argument "${extra[0]}"`, 2)
  const opts = values as Record<string, string | undefined>
  for (const name of optionNames)
    if (opts[name] !== undefined && !spec.allowed.includes(name))
      throw new UserError(`${command} takes no --${name}`, 2)
  const missing = spec.required.filter((name) => opts[name] === undefined)
  if (missing.length > 0)
    throw new UserError(
      `${command} needs ${missing.map((m) => `--${m}`).join(', ')}`,
      2,
    )
  return { help: false, command, opts }
}

/** Runs a CLI; returns the exit code. User errors are printed as a message, never a stack. */
export async function runWithUsage(
  name: string,
  usage: string,
  run: () => Promise<void>,
  io: Io,
): Promise<number> {
  try {
    await run()
    return 0
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    io.stderr(`${name}: ${error.message}\n`)
    if (error.exitCode === 2) io.stderr(`\n${usage}\n`)
    return error.exitCode
  }
}

export function wholeNumber(
  name: string,
  text: string,
  min: number,
  max: number,
): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new UserError(
      `--${name} must be a whole number from ${min} to ${max}, got "${text}"`,
      2,
    )
  return n
}
