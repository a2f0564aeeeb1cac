import { useLogin } from '../api/session'
import { loginErrorMessage } from '../lib/login-error'
import { LoginForm } from './login-form'
import '../auth.css'
import { LogoMark } from '../../../components/logo-mark'

export function LoginPage() {
  const login = useLogin()
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-card__brand">
          <LogoMark large />
          <span className="login-card__product">Tessera</span>
        </div>
        <h1>Sign in</h1>
        <p className="login-card__lede">
          Plan, balance and publish sales territories with your team.
        </p>
        <LoginForm
          pending={login.isPending}
          error={login.isError ? loginErrorMessage(login.error) : null}
          onSubmit={(credentials) => login.mutate(credentials)}
        />
      </div>
      <p className="login-page__footer">
        Trouble signing in? Your Tessera admin can reset your password.
      </p>
    </main>
  )
}
