import { type Locale, activeLocale, locales, useTranslation } from '../i18n'

/** Each language named in itself, so anyone finds theirs whatever the page is in now. */
const names: Record<Locale, string> = { en: 'English', es: 'Español' }

/**
 * The language menu (top bar and sign-in page). It only reports the choice: the caller
 * decides where it is kept (this browser, the user's account).
 */
export function LanguagePicker({
  onChange,
  className = '',
}: {
  onChange: (locale: Locale) => void
  className?: string
}) {
  // Re-renders on a change of language, so the menu always shows the active one.
  const { t } = useTranslation()
  return (
    <label className={`select language-picker ${className}`}>
      <svg viewBox="0 0 16 16" aria-hidden className="language-picker__icon">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M1.75 8h12.5M8 1.75c1.7 1.7 2.5 3.8 2.5 6.25S9.7 12.55 8 14.25C6.3 12.55 5.5 10.45 5.5 8S6.3 3.45 8 1.75Z" />
      </svg>
      <span className="visually-hidden">{t('common.language')}</span>
      <select
        value={activeLocale()}
        title={t('common.language')}
        data-testid="language-picker"
        onChange={(e) => onChange(e.target.value as Locale)}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {names[locale]}
          </option>
        ))}
      </select>
    </label>
  )
}
