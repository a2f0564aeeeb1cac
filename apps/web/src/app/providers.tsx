import { QueryClientProvider } from '@tanstack/react-query'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import type { AppRouter } from '@tessera/api'
import { type ReactNode, useState } from 'react'
import {
  TRPCProvider,
  createApiClient,
  createQueryClient,
  resetSessionCache,
} from '../lib/trpc'

function createClients() {
  const trpcClient = createApiClient()
  const queryClient = createQueryClient(() => {
    // The session ended under us: drop everything cached and show the sign-in page.
    resetSessionCache(queryClient, trpc.auth.me.queryKey(), null)
  })
  const trpc = createTRPCOptionsProxy<AppRouter>({
    client: trpcClient,
    queryClient,
  })
  return { trpcClient, queryClient }
}

/** The API client and query cache, made once per page load. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [{ trpcClient, queryClient }] = useState(createClients)
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  )
}
