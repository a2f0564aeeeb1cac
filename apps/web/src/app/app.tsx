import { useSession } from '../features/auth/api/session'
import { LoginPage } from '../features/auth/components/login-page'
import { useUserLocale } from '../features/auth/hooks/use-user-locale'
import { useTranslation } from '../i18n'
import { FullPageMessage } from './full-page-message'
import { PlanPage } from './plan-page'

/** Signed out: the sign-in page. Signed in: the plan workspace. */
export function App() {
  const { t } = useTranslation()
  const session = useSession()
  useUserLocale(session.data)
  if (session.isPending)
    return <FullPageMessage busy title={t('app.loading')} />
  if (session.isError) {
    return (
      <FullPageMessage
        title={t('app.unreachable.title')}
        detail={t('app.unreachable.detail')}
        action={{
          label: t('common.tryAgain'),
          onClick: () => void session.refetch(),
        }}
      />
    )
  }
  if (!session.data) return <LoginPage />
  return <PlanPage user={session.data} />
}
