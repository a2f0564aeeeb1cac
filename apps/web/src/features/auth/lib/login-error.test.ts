import { TRPCClientError } from '@trpc/client'
import { describe, expect, it } from 'vitest'
import { loginErrorMessage } from './login-error'

function serverError(code: string, message: string) {
  return TRPCClientError.from({
    error: {
      code: -32001,
      message,
      data: { code, httpStatus: 401, path: 'auth.login' },
    },
  })
}

describe('loginErrorMessage', () => {
  it('shows the server’s words for wrong credentials and rate limits', () => {
    expect(
      loginErrorMessage(
        serverError('UNAUTHORIZED', 'Wrong email or password.'),
      ),
    ).toBe('Wrong email or password.')
    const limited = 'Too many failed sign-in attempts. Try again in 15 minutes.'
    expect(loginErrorMessage(serverError('TOO_MANY_REQUESTS', limited))).toBe(
      limited,
    )
  })

  it('never shows a validation error’s JSON', () => {
    expect(
      loginErrorMessage(serverError('BAD_REQUEST', '[{"code":"too_small"}]')),
    ).toBe('Enter your email and password.')
  })

  it('explains a failed connection', () => {
    expect(
      loginErrorMessage(TRPCClientError.from(new TypeError('Failed to fetch'))),
    ).toMatch(/reach Tessera/)
  })
})
