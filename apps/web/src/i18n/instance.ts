import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { es } from './es'
import {
  type Locale,
  browserLanguages,
  initialLocale,
  intlLocaleOf,
  isLocale,
  locales,
  readStoredLocale,
  storeLocale,
} from './locale'

/** Every language's messages, bundled: no request before the first paint. */
export const resources = {
  en: { translation: en },
  es: { translation: es },
} as const

/**
 * The app's one i18next instance. Initialised on import, synchronously (the resources are
 * in the bundle), so any module that imports it, including tests, can translate at once.
 */
export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(readStoredLocale(), browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...locales],
  initAsync: false,
  // React escapes what it renders; escaping here too would show `&amp;` in names.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
})

/** The language shown now (one the app has, whatever i18next was asked). */
export function activeLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language
  return isLocale(language) ? language : 'en'
}

/** The full locale Intl formats numbers and dates with: `en-US`, `es-ES`. */
export function activeIntlLocale(): string {
  return intlLocaleOf(activeLocale())
}

/**
 * Shows the app in `locale` at once and remembers it on this browser, so the next page
 * load (the sign-in page too) starts in it.
 */
export function changeLocale(locale: Locale): void {
  storeLocale(locale)
  if (activeLocale() !== locale) void i18n.changeLanguage(locale)
}

// Screen readers, spell checkers and hyphenation read the page's language from <html lang>.
function markDocument(language: string): void {
  if (typeof document !== 'undefined')
    document.documentElement.lang = isLocale(language) ? language : 'en'
}
markDocument(activeLocale())
i18n.on('languageChanged', markDocument)

/** The browser's own language if the app has it, else English: for users who chose none. */
export function browserLocale(): Locale {
  return initialLocale(null, browserLanguages())
}
