import { describe, expect, it } from 'vitest'
import { en } from './en'
import { es } from './es'

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`: every message with its full key. */
function flatten(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value as object, `${prefix}${key}.`),
  )
}

/** The variables a message interpolates, `{{count, number}}` → `count`, sorted. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)]
    .map((m) => m[1]!)
    .sort()
}

const english = new Map(flatten(en))
const spanish = new Map(flatten(es))

describe('the Spanish messages', () => {
  it('have every English key, and no other', () => {
    const missing = [...english.keys()].filter((k) => !spanish.has(k))
    const extra = [...spanish.keys()].filter((k) => !english.has(k))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('use the same placeholders as the English', () => {
    const differ = [...english].flatMap(([key, message]) => {
      const theirs = spanish.get(key)
      if (theirs === undefined) return []
      const a = placeholders(message)
      const b = placeholders(theirs)
      return a.join() === b.join() ? [] : [`${key}: ${a} ≠ ${b}`]
    })
    expect(differ).toEqual([])
  })

  it('are all written (none empty, none left in English by mistake)', () => {
    const empty = [...spanish].filter(([, m]) => !m.trim()).map(([k]) => k)
    expect(empty).toEqual([])
    // Identical sentences are almost certainly untranslated; a word or two such as "Plan"
    // or "{{km}} km" may rightly be the same in both languages.
    const words = (m: string) =>
      m.replace(/\{\{[^}]*\}\}/g, '').match(/\p{L}{2,}/gu)?.length ?? 0
    const same = [...spanish]
      .filter(([k, m]) => english.get(k) === m && words(m) > 2)
      .map(([k]) => k)
    expect(same).toEqual([])
  })
})

describe('the English messages', () => {
  it('give every plural both forms', () => {
    const keys = [...english.keys()]
    const broken = keys
      .filter((k) => /_(one|other)$/.test(k))
      .map((k) => k.replace(/_(one|other)$/, ''))
      .filter(
        (base) =>
          !keys.includes(`${base}_one`) || !keys.includes(`${base}_other`),
      )
    expect(broken).toEqual([])
  })
})
