import { i18n } from '../i18n'

/** What to tell the user about a failed request: the server's own message when it sent one. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  // zod's list of issues, as tRPC sends it for a bad input: the first issue's message.
  if (message.startsWith('[')) {
    try {
      const issues = JSON.parse(message) as { message?: string }[]
      if (issues[0]?.message) return issues[0].message
    } catch {
      // not JSON after all
    }
  }
  return message || i18n.t('common.somethingWrong')
}
