import { type Locale, locales } from '@tessera/domain'

export type { Locale }
export { locales }

/** Where this browser keeps the language last chosen or applied on it. */
export const LOCALE_STORAGE_KEY = 'tessera.locale'

/**
 * The full locale Intl formats with for each language. Spanish is Spain's: grouping with
 * dots (`25.000`), decimal commas; the region can become a user setting later.
 */
const intlLocales: Record<Locale, string> = { en: 'en-US', es: 'es-ES' }

export function intlLocaleOf(locale: Locale): string {
  return intlLocales[locale]
}

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value)
}

/** The language of a BCP 47 tag if the app has it: `es-MX` → `es`, `fr` → null. */
export function matchLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(language) ? language : null
}

/**
 * The language to start in: one chosen on this browser (it outranks the browser's own
 * setting, which the user may not control on a shared machine), else the first of the
 * browser's preferred languages the app has, else English.
 */
export function initialLocale(
  stored: string | null,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(stored)) return stored
  for (const tag of browserLanguages) {
    const match = matchLocale(tag)
    if (match) return match
  }
  return 'en'
}

/** The stored choice, or null where storage is unavailable (private modes, tests). */
export function readStoredLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Storage refused (quota, privacy settings): the choice lasts this page only.
  }
}

/** A language picked on the sign-in page, waiting for the sign-in that saves it. */
const PICKED_STORAGE_KEY = 'tessera.locale.picked'

/**
 * Remembers a language picked while signed out, across reloads of the sign-in page, for
 * the next sign-in to make it the account's setting.
 */
export function rememberSignedOutPick(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(PICKED_STORAGE_KEY, locale)
  } catch {
    // Without storage the pick still shows; it is just not carried into the account.
  }
}

/** The language picked while signed out, if any; taking it clears it. */
export function takeSignedOutPick(): Locale | null {
  try {
    const picked = globalThis.localStorage?.getItem(PICKED_STORAGE_KEY) ?? null
    globalThis.localStorage?.removeItem(PICKED_STORAGE_KEY)
    return isLocale(picked) ? picked : null
  } catch {
    return null
  }
}

/** `navigator.languages`, or nothing outside a browser. */
export function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined
  if (!nav) return []
  return nav.languages?.length ? nav.languages : [nav.language]
}
