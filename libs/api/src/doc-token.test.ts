import { describe, expect, it } from 'vitest'
import { signDocToken, verifyDocToken } from './doc-token.js'

describe('hub document tokens', () => {
  const claim = { userId: 'usr_1', docName: 'scenario:s1', expiresAt: 1_000 }
  const token = signDocToken('secret', claim)

  it('grant the one document to the one user until they expire', () => {
    expect(verifyDocToken('secret', token, 'scenario:s1', 999)).toBe('usr_1')
    expect(verifyDocToken('secret', token, 'scenario:s1', 1_001)).toBeNull()
    expect(verifyDocToken('secret', token, 'scenario:s2', 999)).toBeNull()
  })

  it('refuse another key, a changed claim and garbage', () => {
    expect(verifyDocToken('other', token, 'scenario:s1', 999)).toBeNull()
    const [, sig] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ ...claim, userId: 'usr_admin' })).toString('base64url')}.${sig}`
    expect(verifyDocToken('secret', forged, 'scenario:s1', 999)).toBeNull()
    for (const junk of ['', '.', 'a.b', 'x'.repeat(5_000), `${token}.x`])
      expect(verifyDocToken('secret', junk, 'scenario:s1', 999)).toBeNull()
  })
})
