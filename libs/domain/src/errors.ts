/**
 * Expected failures in pure code are values, not throws (kysely's MigrationResultSet
 * habit). Routers map `ErrorCode` to a TRPCError.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'

export type Result<T, E = { code: ErrorCode; message: string }> =
  { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

export function err(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
