import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { KeyedLog } from './keyed-log.js'
import { createRng } from './rng.js'

function replica(clientID: number, tidy = true) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const log = new KeyedLog(doc.getArray<Uint8Array>('log'), { tidy })
  return { doc, log }
}

/** Sends everything `from` has that `to` lacks. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

function liveEntries(doc: Y.Doc): number {
  return doc.getArray('log').length
}

describe('KeyedLog', () => {
  it('sets, reads, deletes and ignores a write of the same value', () => {
    const { doc, log } = replica(1)
    log.set('a', 'x')
    log.setMany([
      ['b', 'y'],
      ['c', 'z'],
    ])
    log.set('a', 'x2')
    log.delete('b')
    expect(log.toObject()).toEqual({ a: 'x2', c: 'z' })
    expect(log.get('b')).toBeUndefined()
    expect(log.size).toBe(2)
    const before = Y.encodeStateVector(doc)
    log.set('a', 'x2')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    // One live entry per key ever written: superseded entries are deleted.
    expect(liveEntries(doc)).toBe(3)
  })

  it('reloads the same map from an encoded document', () => {
    const { doc, log } = replica(1)
    for (let i = 0; i < 50; i++) log.set(`k${i % 7}`, `v${i}`)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const reread = new KeyedLog(copy.getArray('log'))
    expect(reread.toObject()).toEqual(log.toObject())
  })

  it('converges under concurrent random edits, offline stretches and any delivery order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 2 }),
            op: fc.constantFrom('set', 'set', 'set', 'del', 'stroke', 'sync'),
            key: fc.integer({ min: 0, max: 5 }),
            value: fc.integer({ min: 0, max: 3 }),
            to: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 60 },
        ),
        (ops) => {
          const rs = [replica(11), replica(22), replica(33)]
          for (const o of ops) {
            const r = rs[o.who]!
            if (o.op === 'set') r.log.set(`k${o.key}`, `v${o.value}`)
            else if (o.op === 'del') r.log.delete(`k${o.key}`)
            else if (o.op === 'stroke')
              r.log.setMany(
                [0, 1, 2].map((d) => [`k${(o.key + d) % 6}`, `s${o.value}`]),
              )
            else sync(r.doc, rs[o.to]!.doc)
          }
          for (let round = 0; round < 2; round++)
            for (const a of rs)
              for (const b of rs) if (a !== b) sync(a.doc, b.doc)
          const want = rs[0]!.log.toObject()
          for (const r of rs) {
            expect(r.log.toObject()).toEqual(want)
            // A fresh replica built from the bytes agrees with the incremental index.
            const fresh = new Y.Doc()
            Y.applyUpdate(fresh, Y.encodeStateAsUpdate(r.doc))
            expect(new KeyedLog(fresh.getArray('log')).toObject()).toEqual(want)
          }
          // Writers tidied the losers: at most one live entry per key once all is exchanged.
          expect(liveEntries(rs[0]!.doc)).toBeLessThanOrEqual(6)
        },
      ),
      { numRuns: 300, seed: 7 },
    )
  })

  it('tells observers which keys changed, for local and remote edits', () => {
    const a = replica(1)
    const b = replica(2)
    const seen: string[][] = []
    b.log.observe((keys) => seen.push([...keys].sort()))
    a.log.setMany([
      ['x', '1'],
      ['y', '1'],
    ])
    sync(a.doc, b.doc)
    b.log.set('x', '2')
    a.log.set('y', '1') // unchanged: nothing to send
    sync(a.doc, b.doc)
    expect(seen).toEqual([['x', 'y'], ['x']])
  })

  it('undoes only my own edit: a collaborator’s later write stands', () => {
    const me = replica(1)
    const other = replica(2)
    me.log.set('u', 'A')
    sync(me.doc, other.doc)
    const undo = new Y.UndoManager(me.doc.getArray('log'), {
      trackedOrigins: new Set(['me']),
      captureTimeout: 0,
    })
    me.doc.transact(() => me.log.set('u', 'B'), 'me')
    undo.undo()
    expect(me.log.get('u')).toBe('A')
    undo.redo()
    expect(me.log.get('u')).toBe('B')
    // The collaborator moves it on; my undo must not bring back my older value.
    sync(me.doc, other.doc)
    other.log.set('u', 'C')
    sync(other.doc, me.doc)
    undo.undo()
    sync(me.doc, other.doc)
    expect(me.log.get('u')).toBe('C')
    expect(other.log.get('u')).toBe('C')
  })

  it('ignores foreign values another client put in the array', () => {
    const a = replica(1)
    a.log.set('k', 'v')
    const other = new Y.Doc()
    sync(a.doc, other)
    other
      .getArray<unknown>('log')
      .push([
        42,
        'junk',
        ['k', 'x', 1],
        new Uint8Array([1, 2, 3]),
        new Uint8Array([]),
        null,
      ])
    sync(other, a.doc)
    expect(a.log.toObject()).toEqual({ k: 'v' })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc))
    expect(new KeyedLog(copy.getArray('log')).toObject()).toEqual({ k: 'v' })
  })

  it('readers never write, not even to tidy', () => {
    const a = replica(1)
    const b = replica(2)
    const reader = replica(3, false)
    a.log.set('k', 'a')
    b.log.set('k', 'b') // concurrent: both counters are 1
    sync(a.doc, reader.doc)
    sync(b.doc, reader.doc)
    const sv = Y.encodeStateVector(reader.doc)
    expect(reader.log.get('k')).toBe('b') // the higher client id wins the tie
    expect(Y.decodeStateVector(sv).has(3)).toBe(false)
  })

  it('stays small over a long life of brush strokes', () => {
    const rng = createRng(5)
    const rand = () => rng.next()
    const { doc, log } = replica(1)
    const keys = Array.from({ length: 800 }, (_, i) => `unit-${i}`)
    log.setMany(keys.map((k) => [k, 'ter_0']))
    let writes = 0
    while (writes < 20_000) {
      const size = 1 + Math.floor(rand() * 120)
      const start = Math.floor(rand() * keys.length)
      const to = `ter_${Math.floor(rand() * 30)}`
      log.setMany(
        Array.from(
          { length: size },
          (_, i) => [keys[(start + i * 3) % keys.length]!, to] as const,
        ),
      )
      writes += size
    }
    const fresh = replica(2)
    fresh.log.setMany(log.entries())
    const grown = Y.encodeStateAsUpdate(doc).byteLength
    const ideal = Y.encodeStateAsUpdate(fresh.doc).byteLength
    // A Y.Map grows ≈12× under this load; the log stays within 3×.
    expect(grown / ideal).toBeLessThan(3)
  })
})
