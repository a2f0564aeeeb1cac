import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  RETRY_DELAYS_MS,
  nextAttemptAt,
  signWebhook,
  verifyWebhookSignature,
  webhookHeaders,
} from './webhook-protocol.js'

describe('webhook signatures', () => {
  const secret = 'whsec_test'
  const body = '{"event":"ping"}'
  const at = new Date('2026-12-04T10:00:00Z')

  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the README tells receivers', () => {
    const expected = createHmac('sha256', secret)
      .update(`1796378400.${body}`)
      .digest('hex')
    expect(signWebhook(secret, 1796378400, body)).toBe(`sha256=${expected}`)
    const headers = webhookHeaders({
      event: 'ping',
      deliveryId: 'whd_1',
      secret,
      body,
      at,
    })
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Tessera-Event': 'ping',
      'X-Tessera-Delivery': 'whd_1',
      'X-Tessera-Timestamp': '1796378400',
      'X-Tessera-Signature': `sha256=${expected}`,
    })
  })

  it('verifies only the same body, secret and a recent timestamp', () => {
    const h = webhookHeaders({
      event: 'ping',
      deliveryId: 'd',
      secret,
      body,
      at,
    })
    const sig = {
      signature: h['X-Tessera-Signature']!,
      timestamp: h['X-Tessera-Timestamp']!,
    }
    expect(verifyWebhookSignature(secret, sig, body, at)).toBe(true)
    expect(verifyWebhookSignature('whsec_other', sig, body, at)).toBe(false)
    expect(verifyWebhookSignature(secret, sig, `${body} `, at)).toBe(false)
    expect(
      verifyWebhookSignature(
        secret,
        { ...sig, timestamp: '1796378401' },
        body,
        at,
      ),
    ).toBe(false)
    const late = new Date(at.getTime() + 301_000)
    expect(verifyWebhookSignature(secret, sig, body, late)).toBe(false)
    expect(
      verifyWebhookSignature(
        secret,
        { ...sig, signature: 'sha256=00' },
        body,
        at,
      ),
    ).toBe(false)
  })
})

describe('webhook retries', () => {
  it('waits 30 s, 2 min, 10 min, 1 h, 6 h, then gives up', () => {
    const t = new Date('2026-12-04T10:00:00Z')
    const waits = [1, 2, 3, 4, 5].map(
      (n) => nextAttemptAt(n, t)!.getTime() - t.getTime(),
    )
    expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000])
    expect(waits).toEqual(RETRY_DELAYS_MS)
    expect(nextAttemptAt(6, t)).toBeNull()
  })
})
