import { z } from 'zod'

/**
 * Start-up configuration from the environment, validated with zod so that a bad value stops
 * Tessera with one line naming the variable and what is wrong (ARCHITECTURE.md).
 */
const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535')

const url = (schemes: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v), 'must be a URL')
    .refine(
      (v) => !URL.canParse(v) || schemes.includes(new URL(v).protocol),
      `must start with ${schemes.map((s) => `${s}//`).join(' or ')}`,
    )

const emptyAsUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : v

export const ConfigSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, port.default(4000)),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.data')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    url(['postgres:', 'postgresql:']).optional(),
  ),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    url(['redis:', 'rediss:']).optional(),
  ),
  SESSION_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message:
          'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  /** Which demo a fresh database is seeded with: US counties, or Europe on hexagons. */
  DEMO_REGION: z.preprocess(
    emptyAsUndefined,
    z.enum(['us', 'europe'], { message: 'must be us or europe' }).default('us'),
  ),
  SESSION_TTL_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: 'must be a number' })
      .positive('must be positive')
      .max(24 * 90, 'must be at most 2160')
      .default(24 * 14),
  ),
})

export type Config = z.infer<typeof ConfigSchema>

export type ConfigResult =
  { ok: true; config: Config } | { ok: false; message: string }

/** Parses the environment; on failure returns one line per bad variable (first one first). */
export function loadConfig(
  env: Record<string, string | undefined>,
): ConfigResult {
  const parsed = ConfigSchema.safeParse(env)
  if (parsed.success) return { ok: true, config: parsed.data }
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration')
    const raw = env[name]
    const safe = name.endsWith('_SECRET')
      ? '***'
      : raw?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')
    const shown = raw === undefined ? '' : ` (got ${JSON.stringify(safe)})`
    return `${name} ${issue.message}${shown}`
  })
  return { ok: false, message: lines.join('; ') }
}
