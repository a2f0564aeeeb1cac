import { describe, expect, it } from 'vitest'
import { orderChanges } from './order-changes'

const change = (id: string, status: string, submittedAt: string) => ({
  id,
  round: { status, submittedAt },
})

describe('orderChanges', () => {
  it('lists open rounds first, then decided ones, newest first in each', () => {
    const ordered = orderChanges([
      change('old-decided', 'approved', '2026-11-01T10:00:00.000Z'),
      change('old-open', 'open', '2026-11-20T10:00:00.000Z'),
      change('new-decided', 'rejected', '2026-12-01T10:00:00.000Z'),
      change('new-open', 'open', '2026-12-03T10:00:00.000Z'),
    ])
    expect(ordered.map((c) => c.id)).toEqual([
      'new-open',
      'old-open',
      'new-decided',
      'old-decided',
    ])
  })
})
