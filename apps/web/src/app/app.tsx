import { useSession } from '../features/auth/api/session'
import { LoginPage } from '../features/auth/components/login-page'
import { FullPageMessage } from './full-page-message'
import { PlanPage } from './plan-page'

/** Signed out: the sign-in page. Signed in: the plan workspace. */
export function App() {
  const session = useSession()
  if (session.isPending)
    return <FullPageMessage busy title="Loading Tessera…" />
  if (session.isError) {
    return (
      <FullPageMessage
        title="Can’t reach Tessera"
        detail="The server did not answer. Check your connection, then try again."
        action={{ label: 'Try again', onClick: () => void session.refetch() }}
      />
    )
  }
  if (!session.data) return <LoginPage />
  return <PlanPage user={session.data} />
}
