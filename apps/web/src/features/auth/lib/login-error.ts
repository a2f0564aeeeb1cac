import { TRPCClientError } from '@trpc/client'
import { i18n } from '../../../i18n'

/**
 * The words to show when signing in fails. The server's own message is shown when it sent
 * one meant for people (wrong password, rate limited: in the server's words, English);
 * transport failures get ours, in the page's language.
 */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return i18n.t('auth.errors.unknown')
  const data = (error as TRPCClientError<never>).data as
    { code?: unknown; httpStatus?: unknown } | undefined
  const code = typeof data?.code === 'string' ? data.code : undefined
  if (!code) return i18n.t('auth.errors.unreachable')
  // Input validation errors arrive as a JSON list of issues, not as a sentence.
  if (code === 'BAD_REQUEST') return i18n.t('auth.errors.invalid')
  const message = error.message.trim()
  if (!message || message.startsWith('[') || message.startsWith('{')) {
    return i18n.t('auth.errors.failed')
  }
  return message
}

/** Which field the form must ask for before asking the server, if any. */
export function validateLogin(
  email: string,
  password: string,
): 'email' | 'password' | null {
  if (!email.trim()) return 'email'
  if (!password) return 'password'
  return null
}
