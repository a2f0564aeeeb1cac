import { type ReactNode, memo } from 'react'
import type { PublicUser } from '@tessera/domain'
import { formatRole, formatScenarioStatus, initials } from '../lib/format'
import type { PlanListItem } from './use-plan-data'
import { LogoMark } from '../components/logo-mark'
import { LanguagePicker } from '../components/language-picker'
import { useChooseLocale } from '../features/auth/api/session'
import { useTranslation } from '../i18n'

interface TopBarProps {
  user: PublicUser
  plans: readonly PlanListItem[]
  plan: PlanListItem | undefined
  scenarioId: string | null
  onChoose: (choice: { planId: string; scenarioId: string | null }) => void
  onSignOut: () => void
  signingOut: boolean
  /** The chosen scenario is loading. */
  busy?: boolean
  /** The notifications bell (stable across renders: the bar is memoised). */
  bell?: ReactNode
  /** Opens the plan's scenario list (new draft, rename, archive…). */
  onScenarios?: () => void
  /** A rep's page of the changes to their territory under review. */
  onMyChanges?: () => void
  /** The scenario's printable report (map, scores, tables; PDF and CSV). */
  onReport?: () => void
  /** An admin's organization and users. */
  onAdmin?: () => void
  /** Admins' and planners' CSV imports from the CRM. */
  onImport?: () => void
}

export const TopBar = memo(function TopBar({
  user,
  plans,
  plan,
  scenarioId,
  onChoose,
  onSignOut,
  signingOut,
  busy = false,
  bell,
  onScenarios,
  onMyChanges,
  onReport,
  onAdmin,
  onImport,
}: TopBarProps) {
  const { t } = useTranslation()
  const chooseLocale = useChooseLocale()
  const scenario = plan?.scenarios.find((s) => s.id === scenarioId)
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <LogoMark />
        <span className="top-bar__product">Tessera</span>
      </div>
      {plan ? (
        <nav className="top-bar__context" aria-label={t('app.topBar.context')}>
          <span className="top-bar__sep" aria-hidden>
            /
          </span>
          {plans.length > 1 ? (
            <label className="select select--quiet top-bar__plan">
              <span className="visually-hidden">{t('app.topBar.plan')}</span>
              <select
                value={plan.id}
                onChange={(e) =>
                  onChoose({ planId: e.target.value, scenarioId: null })
                }
              >
                {plans.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="top-bar__plan" data-testid="plan-name">
              {plan.name}
            </span>
          )}
          <span className="top-bar__sep" aria-hidden>
            /
          </span>
          {plan.scenarios.length > 1 ? (
            <label className="select select--quiet top-bar__scenario">
              <span className="visually-hidden">
                {t('app.topBar.scenario')}
              </span>
              <select
                value={scenarioId ?? ''}
                data-testid="scenario-name"
                onChange={(e) =>
                  onChoose({ planId: plan.id, scenarioId: e.target.value })
                }
              >
                {plan.scenarios
                  .filter((s) => s.status !== 'archived' || s.id === scenarioId)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : (
            <span className="top-bar__scenario" data-testid="scenario-name">
              {scenario?.name ?? t('app.topBar.noScenario')}
            </span>
          )}
          {scenario ? (
            <span className={`badge badge--${scenario.status}`}>
              {formatScenarioStatus(scenario.status)}
            </span>
          ) : null}
          {onScenarios || onMyChanges || onReport || onAdmin || onImport ? (
            <span className="top-bar__actions">
              {onScenarios ? (
                <button
                  type="button"
                  className="button button--ghost top-bar__scenarios"
                  onClick={onScenarios}
                  data-testid="open-scenarios"
                >
                  {t('app.topBar.scenarios')}
                </button>
              ) : null}
              {onMyChanges ? (
                <button
                  type="button"
                  className="button button--ghost top-bar__scenarios"
                  onClick={onMyChanges}
                  data-testid="open-my-changes"
                >
                  {t('app.topBar.myChanges')}
                </button>
              ) : null}
              {onReport && scenario ? (
                <button
                  type="button"
                  className="button button--ghost top-bar__scenarios"
                  onClick={onReport}
                  data-testid="open-report"
                >
                  {t('app.topBar.report')}
                </button>
              ) : null}
              {onImport ? (
                <button
                  type="button"
                  className="button button--ghost top-bar__scenarios"
                  onClick={onImport}
                  data-testid="open-import"
                >
                  {t('app.topBar.import')}
                </button>
              ) : null}
              {onAdmin ? (
                <button
                  type="button"
                  className="button button--ghost top-bar__scenarios"
                  onClick={onAdmin}
                  data-testid="open-admin"
                >
                  {t('app.topBar.users')}
                </button>
              ) : null}
            </span>
          ) : null}
          {busy ? (
            <span
              className="spinner spinner--small"
              role="status"
              aria-label={t('app.topBar.loadingScenario')}
            />
          ) : null}
        </nav>
      ) : null}
      {bell}
      <LanguagePicker onChange={chooseLocale} className="top-bar__language" />
      <div className="top-bar__user" data-testid="user-menu">
        <span className="avatar" aria-hidden>
          {initials(user.displayName)}
        </span>
        <span className="top-bar__who">
          <span className="top-bar__name">{user.displayName}</span>
          <span className="top-bar__role">{formatRole(user.role)}</span>
        </span>
        <button
          type="button"
          className="button button--ghost top-bar__sign-out"
          data-testid="sign-out"
          onClick={onSignOut}
          disabled={signingOut}
          title={t('app.topBar.signOut')}
        >
          <svg viewBox="0 0 16 16" aria-hidden>
            <path d="M6 2.75H3.75a1 1 0 0 0-1 1v8.5a1 1 0 0 0 1 1H6M10.5 11 13.5 8l-3-3M13.25 8H6.5" />
          </svg>
          <span className="top-bar__sign-out-label">
            {t('app.topBar.signOut')}
          </span>
        </button>
      </div>
    </header>
  )
})
