/**
 * The web app's translations (i18next with react-i18next) and the active language. Import
 * `useTranslation` from here, not from react-i18next: importing this module is what
 * initialises the instance, so a component (or a test) can never translate before it is.
 */
export { Trans, useTranslation } from 'react-i18next'
export {
  activeIntlLocale,
  activeLocale,
  browserLocale,
  changeLocale,
  i18n,
  resources,
} from './instance'
export {
  type Locale,
  initialLocale,
  isLocale,
  locales,
  readStoredLocale,
  rememberSignedOutPick,
  takeSignedOutPick,
} from './locale'
