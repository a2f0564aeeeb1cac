import { describe, expect, it } from 'vitest'
import { initialLocale, intlLocaleOf, matchLocale } from './locale'

describe('the language to start in', () => {
  it('takes a language chosen on this browser first', () => {
    expect(initialLocale('es', ['en-US'])).toBe('es')
    expect(initialLocale('en', ['es-ES'])).toBe('en')
  })

  it('else follows the browser, skipping languages the app does not have', () => {
    expect(initialLocale(null, ['fr-FR', 'es-MX', 'en'])).toBe('es')
    expect(initialLocale('klingon', ['ES'])).toBe('es')
    expect(initialLocale(null, ['de', 'en-GB'])).toBe('en')
  })

  it('falls back to English', () => {
    expect(initialLocale(null, [])).toBe('en')
    expect(initialLocale(null, ['pt-BR'])).toBe('en')
  })

  it('reads regional tags by their language', () => {
    expect(matchLocale('es-419')).toBe('es')
    expect(matchLocale('en_US')).toBe('en')
    expect(matchLocale('eus')).toBeNull()
    expect(intlLocaleOf('es')).toBe('es-ES')
  })
})
