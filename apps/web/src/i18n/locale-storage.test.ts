// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import {
  readStoredLocale,
  rememberSignedOutPick,
  storeLocale,
  takeSignedOutPick,
} from './locale'

beforeEach(() => localStorage.clear())

describe('the languages kept on this browser', () => {
  it('remembers the last language shown', () => {
    expect(readStoredLocale()).toBeNull()
    storeLocale('es')
    expect(readStoredLocale()).toBe('es')
  })

  it('hands a pick made while signed out to one sign-in only', () => {
    rememberSignedOutPick('es')
    expect(takeSignedOutPick()).toBe('es')
    expect(takeSignedOutPick()).toBeNull()
  })

  it('ignores a stored pick the app has no language for', () => {
    localStorage.setItem('tessera.locale.picked', 'fr')
    expect(takeSignedOutPick()).toBeNull()
  })
})
