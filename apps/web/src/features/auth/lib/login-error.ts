import { TRPCClientError } from '@trpc/client'

/**
 * The words to show when signing in fails. The server's own message is shown when it sent
 * one meant for people (wrong password, rate limited); transport failures get ours.
 */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError))
    return 'Something went wrong. Please try again.'
  const data = (error as TRPCClientError<never>).data as
    { code?: unknown; httpStatus?: unknown } | undefined
  const code = typeof data?.code === 'string' ? data.code : undefined
  if (!code)
    return 'Can’t reach Tessera right now. Check your connection and try again.'
  // Input validation errors arrive as a JSON list of issues, not as a sentence.
  if (code === 'BAD_REQUEST') return 'Enter your email and password.'
  const message = error.message.trim()
  if (!message || message.startsWith('[') || message.startsWith('{')) {
    return 'Signing in failed. Please try again.'
  }
  return message
}

/** What the form checks before asking the server, in the server's words. */
export function validateLogin(email: string, password: string): string | null {
  if (!email.trim()) return 'Enter your email.'
  if (!password) return 'Enter your password.'
  return null
}
