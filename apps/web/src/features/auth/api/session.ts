import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { PublicUser } from '@tessera/domain'
import { type Locale, changeLocale, takeSignedOutPick } from '../../../i18n'
import { resetSessionCache, useTRPC } from '../../../lib/trpc'

/** The signed-in user, `null` when signed out, `undefined` while asking. */
export function useSession() {
  const trpc = useTRPC()
  return useQuery(
    trpc.auth.me.queryOptions(undefined, { staleTime: Infinity, retry: 1 }),
  )
}

/** Stores the signed-in user's language and keeps the cached session in step. */
export function useSetLocale() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useMutation(
    trpc.auth.setLocale.mutationOptions({
      onSuccess: ({ locale }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), (user) =>
          user ? { ...user, locale } : user,
        )
      },
    }),
  )
}

/**
 * Signs in. A language picked on the sign-in page is the user's latest word: it becomes
 * their account's setting, and the session starts in it rather than in the stored one.
 */
export function useLogin() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const { mutate: saveLocale } = useSetLocale()
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (signedIn) => {
        const picked = takeSignedOutPick()
        const user: PublicUser =
          picked && picked !== signedIn.locale
            ? { ...signedIn, locale: picked }
            : signedIn
        resetSessionCache(queryClient, trpc.auth.me.queryKey(), user)
        if (user !== signedIn) saveLocale({ locale: user.locale! })
      },
    }),
  )
}

/**
 * The top bar's language menu: shows the app in the new language at once and saves it
 * with the account, so it follows the user to other browsers.
 */
export function useChooseLocale(): (locale: Locale) => void {
  const { mutate } = useSetLocale()
  return useCallback(
    (locale: Locale) => {
      changeLocale(locale)
      mutate({ locale })
    },
    [mutate],
  )
}

export function useLogout() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useMutation(
    trpc.auth.logout.mutationOptions({
      // Signed out locally even if the server call fails: the cookie is the server's problem.
      onSettled: () => {
        resetSessionCache(queryClient, trpc.auth.me.queryKey(), null)
      },
    }),
  )
}
