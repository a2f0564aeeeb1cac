import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Short-lived tokens for the Yjs hub, for clients that cannot send the session cookie (a
 * script, another y-websocket client): HMAC-SHA256 over user, document and expiry, so the
 * hub checks them without a lookup, and a token opens only the one document it names.
 */
export function signDocToken(
  secret: string,
  claim: { userId: string; docName: string; expiresAt: number },
): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString('base64url')
  return `${payload}.${mac(secret, payload)}`
}

/** The user id a token grants `docName` to, or null (forged, expired, other document, malformed). */
export function verifyDocToken(
  secret: string,
  token: string,
  docName: string,
  now: number,
): string | null {
  const parts = token.split('.')
  const [payload, sig] = parts
  if (parts.length !== 2 || !payload || !sig || token.length > 2_000)
    return null
  const expected = Buffer.from(mac(secret, payload))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return null
  try {
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      userId?: unknown
      docName?: unknown
      expiresAt?: unknown
    }
    if (
      typeof claim.userId !== 'string' ||
      claim.docName !== docName ||
      typeof claim.expiresAt !== 'number' ||
      claim.expiresAt < now
    )
      return null
    return claim.userId
  } catch {
    return null
  }
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}
