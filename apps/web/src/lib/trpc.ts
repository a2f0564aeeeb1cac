import {
  QueryCache,
  QueryClient,
  type QueryKey,
  hashKey,
} from '@tanstack/react-query'
import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpLink,
  splitLink,
} from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '@tessera/api'

/** What every procedure returns, for typing props that carry API data. */
export type RouterOutputs = inferRouterOutputs<AppRouter>

export const { TRPCProvider, useTRPC, useTRPCClient } =
  createTRPCContext<AppRouter>()

/**
 * The API lives on the same origin (the dev server proxies it), so the session cookie just
 * flows. Calls made together go as one batch, except those asking `{ skipBatch: true }` in
 * their tRPC context: a large answer nobody waits on to draw (the engine's model) must not
 * hold up a batch the map waits on.
 */
export function createApiClient() {
  const options = {
    url: '/trpc',
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, credentials: 'same-origin' }),
  }
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.context['skipBatch'] === true,
        true: httpLink(options),
        false: httpBatchLink(options),
      }),
    ],
  })
}

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `TOO_MANY_REQUESTS`…), if it came from the server. */
export function trpcErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined
  const data = (error as TRPCClientError<AppRouter>).data as
    { code?: unknown } | undefined
  return typeof data?.code === 'string' ? data.code : undefined
}

/**
 * One query client per page load. A query that fails with UNAUTHORIZED means the session
 * ended (expired or signed out elsewhere): `onSessionLost` sends the user back to sign in.
 */
export function createQueryClient(onSessionLost: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (trpcErrorCode(error) === 'UNAUTHORIZED') onSessionLost()
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          const code = trpcErrorCode(error)
          // Client errors won't change on retry; network blips and 5xx might.
          if (code && code !== 'INTERNAL_SERVER_ERROR') return false
          return failures < 2
        },
      },
    },
  })
}

/**
 * Starts a new session's cache: every query but the session's own is dropped (nothing cached
 * for one user may show for the next), then the session is set. The session query itself is
 * kept, not removed, so the components watching it see the change.
 */
export function resetSessionCache(
  queryClient: QueryClient,
  sessionKey: QueryKey,
  user: unknown,
): void {
  const keep = hashKey(sessionKey)
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== keep })
  queryClient.setQueryData(sessionKey, user)
}
