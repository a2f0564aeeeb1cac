import { useEffect } from 'react'
import type { PublicUser } from '@tessera/domain'
import { browserLocale, changeLocale } from '../../../i18n'

/**
 * Shows the app in the signed-in user's language: the one kept with their account, else
 * the browser's (a language left on this browser by someone else does not carry over).
 * Signed out, the page keeps the language it has (the sign-in page's menu sets it).
 */
export function useUserLocale(user: PublicUser | null | undefined): void {
  const userId = user?.id
  const saved = user?.locale ?? null
  useEffect(() => {
    if (userId) changeLocale(saved ?? browserLocale())
  }, [userId, saved])
}
