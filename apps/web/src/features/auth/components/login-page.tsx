import {
  type Locale,
  changeLocale,
  rememberSignedOutPick,
  useTranslation,
} from '../../../i18n'
import { useLogin } from '../api/session'
import { loginErrorMessage } from '../lib/login-error'
import { LoginForm } from './login-form'
import '../auth.css'
import { LanguagePicker } from '../../../components/language-picker'
import { LogoMark } from '../../../components/logo-mark'

export function LoginPage() {
  const { t } = useTranslation()
  const login = useLogin()
  // A language picked here is kept on this browser now, and with the account at sign-in.
  const pick = (locale: Locale) => {
    changeLocale(locale)
    rememberSignedOutPick(locale)
  }
  return (
    <main className="login-page">
      <LanguagePicker onChange={pick} className="login-page__language" />
      <div className="login-card">
        <div className="login-card__brand">
          <LogoMark large />
          <span className="login-card__product">Tessera</span>
        </div>
        <h1>{t('auth.title')}</h1>
        <p className="login-card__lede">{t('auth.lede')}</p>
        <LoginForm
          pending={login.isPending}
          error={login.isError ? loginErrorMessage(login.error) : null}
          onSubmit={(credentials) => login.mutate(credentials)}
        />
      </div>
      <p className="login-page__footer">{t('auth.trouble')}</p>
    </main>
  )
}
