import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse, serialize } from 'cookie'

export const SESSION_COOKIE = 'tessera_session'

/** A fresh random session token for the cookie, and the id it is stored under. */
export function newSessionToken(secret?: string): {
  token: string
  id: string
} {
  const token = randomBytes(32).toString('base64url')
  return { token, id: sessionIdOf(token, secret) }
}

/**
 * Sessions are stored by a hash of the token, so a copy of the table cannot log anyone in;
 * with `SESSION_SECRET` set it is an HMAC, so even a guessed token is useless without it.
 */
export function sessionIdOf(token: string, secret?: string): string {
  const hash = secret ? createHmac('sha256', secret) : createHash('sha256')
  return hash.update(token).digest('base64url')
}

export function readSessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  const token = parse(header)[SESSION_COOKIE]
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined
}

function isHttps(req: IncomingMessage): boolean {
  const proto = req.headers['x-forwarded-proto']
  return (
    Boolean((req.socket as { encrypted?: boolean }).encrypted) ||
    proto === 'https'
  )
}

export function setSessionCookie(
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
  maxAgeSeconds: number,
): void {
  res.appendHeader(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(req),
      path: '/',
      maxAge: maxAgeSeconds,
    }),
  )
}

export function clearSessionCookie(
  req: IncomingMessage,
  res: ServerResponse,
): void {
  res.appendHeader(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(req),
      path: '/',
      maxAge: 0,
    }),
  )
}
