import { describe, expect, it } from 'vitest'
import { deltaOf, patchRecord } from './plan-changes'

describe('patchRecord', () => {
  const base = { a: '1', b: '2', c: '3' }

  it('copies with the changed keys set or removed, and remembers how', () => {
    const values: Record<string, string | undefined> = { b: '20', c: undefined }
    const keys = new Set(['b', 'c'])
    const next = patchRecord(base, keys, (k) => values[k])
    expect(next).toEqual({ a: '1', b: '20' })
    expect(base).toEqual({ a: '1', b: '2', c: '3' })
    expect(deltaOf(next)).toEqual({ from: base, keys })
  })

  it('returns the same record when nothing changed, and knows nothing of others', () => {
    expect(patchRecord(base, new Set(), () => 'x')).toBe(base)
    expect(deltaOf(base)).toBeUndefined()
    expect(deltaOf({ ...base })).toBeUndefined()
  })
})
