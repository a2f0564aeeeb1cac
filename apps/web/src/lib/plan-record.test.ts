import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  changesBetween,
  entriesOf,
  patchRecord,
  trackRecord,
} from './plan-record'

const sorted = (r: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))

describe('patchRecord', () => {
  it('sets and removes the changed keys, and leaves the base as it was', () => {
    const base = { a: '1', b: '2', c: '3' }
    const values: Record<string, string | undefined> = {
      b: '20',
      c: undefined,
      d: '4',
    }
    const next = patchRecord(base, new Set(['b', 'c', 'd']), (k) => values[k])
    expect(next).toEqual({ a: '1', b: '20', d: '4' })
    expect(base).toEqual({ a: '1', b: '2', c: '3' })
    expect(changesBetween(base, next)).toEqual(new Set(['b', 'c', 'd']))
  })

  it('returns the base when no value changed', () => {
    const base = { a: '1' }
    expect(patchRecord(base, new Set(), () => 'x')).toBe(base)
    expect(patchRecord(base, new Set(['a', 'z']), (k) => base[k as 'a'])).toBe(
      base,
    )
  })

  it('reads like a plain record every way a consumer does, and refuses writes', () => {
    const base = { u1: 't1', u2: 't2' }
    trackRecord(base)
    const next = patchRecord(base, new Set(['u2', 'u3']), (k) =>
      k === 'u3' ? 't3' : undefined,
    ) as Record<string, string>
    expect(next['u1']).toBe('t1')
    expect(next['u2']).toBeUndefined()
    expect('u3' in next).toBe(true)
    expect('u2' in next).toBe(false)
    expect(Object.keys(next)).toEqual(['u1', 'u3'])
    expect(Object.values(next)).toEqual(['t1', 't3'])
    expect(Object.entries(next)).toEqual([
      ['u1', 't1'],
      ['u3', 't3'],
    ])
    expect({ ...next }).toEqual({ u1: 't1', u3: 't3' })
    const seen: string[] = []
    for (const k in next) seen.push(k)
    expect(seen).toEqual(['u1', 'u3'])
    expect(JSON.stringify(next)).toBe('{"u1":"t1","u3":"t3"}')
    expect(Object.prototype.hasOwnProperty.call(next, 'u3')).toBe(true)
    expect(Object.prototype.hasOwnProperty.call(next, 'toString')).toBe(false)
    expect(String(next)).toBe('[object Object]')
    expect(() => {
      next['u1'] = 'x'
    }).toThrow(TypeError)
    expect(() => delete next['u1']).toThrow(TypeError)
    expect(next['u1']).toBe('t1')
  })

  it('keeps every version readable as it was, and says what changed between any two', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')
    const value = fc.option(fc.constantFrom('x', 'y', 'z'), { nil: undefined })
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.constantFrom('x', 'y', 'z')),
        fc.boolean(),
        fc.array(fc.array(fc.tuple(key, value), { maxLength: 4 }), {
          maxLength: 25,
        }),
        (start, tracked, patches) => {
          if (tracked) trackRecord(start)
          const plain: Record<string, string>[] = [start]
          const versions: Readonly<Record<string, string>>[] = [start]
          for (const patch of patches) {
            const want = { ...plain.at(-1)! }
            for (const [k, v] of patch)
              if (v === undefined) delete want[k]
              else want[k] = v
            const keys = new Set(patch.map(([k]) => k))
            versions.push(patchRecord(versions.at(-1)!, keys, (k) => want[k]))
            plain.push(want)
          }
          versions.forEach((v, i) => {
            expect(sorted(v)).toEqual(sorted(plain[i]!))
            expect(sorted(Object.fromEntries(entriesOf(v)))).toEqual(
              sorted(plain[i]!),
            )
            for (let j = i; j < versions.length; j++) {
              const keys = changesBetween(v, versions[j]!)
              expect(keys).toBeDefined()
              for (const k of new Set([
                ...Object.keys(plain[i]!),
                ...Object.keys(plain[j]!),
              ]))
                if (plain[i]![k] !== plain[j]![k])
                  expect(keys!.has(k)).toBe(true)
            }
            for (let j = 0; j < i; j++)
              if (versions[j] !== v)
                expect(changesBetween(v, versions[j]!)).toBeUndefined()
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('forks an older version patched again, leaving the newer ones as they were', () => {
    const base = { a: '1' }
    const v1 = patchRecord(base, new Set(['a']), () => '2')
    const v2 = patchRecord(v1, new Set(['a']), () => '3')
    const fork = patchRecord(v1, new Set(['b']), () => 'b')
    expect(fork).toEqual({ a: '2', b: 'b' })
    expect(v2).toEqual({ a: '3' })
    expect(v1).toEqual({ a: '2' })
    expect(changesBetween(v1, fork)).toBeUndefined()
    expect(changesBetween(v1, v2)).toEqual(new Set(['a']))
  })

  it('knows nothing of records it did not make', () => {
    expect(changesBetween({ a: '1' }, { a: '1' })).toBeUndefined()
    const base = { a: '1' }
    const next = patchRecord(base, new Set(['a']), () => '2')
    expect(changesBetween({ ...base }, next)).toBeUndefined()
    expect(changesBetween(next, base)).toBeUndefined()
  })
})
