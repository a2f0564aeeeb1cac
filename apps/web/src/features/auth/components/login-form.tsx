import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { validateLogin } from '../lib/login-error'

interface LoginFormProps {
  pending: boolean
  /** The last failure, in words for people. */
  error: string | null
  onSubmit: (credentials: { email: string; password: string }) => void
}

export function LoginForm({ pending, error, onSubmit }: LoginFormProps) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { t } = useTranslation()
  const [missing, setMissing] = useState<'email' | 'password' | null>(null)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const id = useId()
  const errorId = `${id}-error`
  const shown =
    missing === 'email'
      ? t('auth.errors.noEmail')
      : missing === 'password'
        ? t('auth.errors.noPassword')
        : error

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    const problem = validateLogin(email, password)
    setMissing(problem)
    if (problem) (email.trim() ? passwordRef : emailRef).current?.focus()
    else onSubmit({ email: email.trim(), password })
  }

  return (
    <form
      className="login-form"
      data-testid="login-form"
      onSubmit={submit}
      noValidate
      aria-describedby={shown ? errorId : undefined}
    >
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('auth.email')}</label>
        <input
          ref={emailRef}
          id={`${id}-email`}
          data-testid="login-email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t('auth.emailPlaceholder')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={missing === 'email' || undefined}
          readOnly={pending}
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          data-testid="login-password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={missing === 'password' || undefined}
          readOnly={pending}
        />
      </div>
      {shown ? (
        <p
          className="login-form__error"
          id={errorId}
          data-testid="login-error"
          role="alert"
        >
          <svg viewBox="0 0 16 16" aria-hidden>
            <circle cx="8" cy="8" r="6.5" />
            <path d="M8 4.75v3.75M8 10.75v.5" />
          </svg>
          {shown}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary button--block"
        data-testid="login-submit"
        disabled={pending}
      >
        {pending ? (
          <>
            <span className="spinner spinner--on-dark" aria-hidden />{' '}
            {t('auth.signingIn')}
          </>
        ) : (
          t('auth.submit')
        )}
      </button>
    </form>
  )
}
