import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { resetSessionCache, useTRPC } from '../../../lib/trpc'

/** The signed-in user, `null` when signed out, `undefined` while asking. */
export function useSession() {
  const trpc = useTRPC()
  return useQuery(
    trpc.auth.me.queryOptions(undefined, { staleTime: Infinity, retry: 1 }),
  )
}

export function useLogin() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        resetSessionCache(queryClient, trpc.auth.me.queryKey(), user)
      },
    }),
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
