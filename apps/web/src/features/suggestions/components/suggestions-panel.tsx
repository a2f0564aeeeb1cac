import { memo, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { TerritoryRecord, Unit } from '@tessera/domain'
import {
  formatCompactCount,
  formatCount,
  formatFixed,
} from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import { type RouterOutputs, useTRPC } from '../../../lib/trpc'
import '../suggestions.css'

export type Suggestion =
  RouterOutputs['plans']['suggestions']['suggestions'][number]

interface SuggestionsPanelProps {
  scenarioId: string
  territories: readonly TerritoryRecord[]
  units: readonly Unit[]
  canApply: boolean
  onPreview: (suggestion: Suggestion | null) => void
  onApply: (suggestion: Suggestion) => void
  /**
   * Suggestions from the engine beside the editor (`list` null while it thinks). Without
   * it, the server's suggestions for the stored plan are asked for instead.
   */
  live?: { balanceScore: number; list: Suggestion[] | null } | undefined
}

/**
 * The engine's best next moves for this scenario, each with why (the balance it gains and
 * what changes hands). Hovering one previews it on the map; "Apply" makes it an ordinary
 * edit (undoable, live for everyone). The list follows the plan: it is refetched with the
 * scores whenever the document changes.
 */
export const SuggestionsPanel = memo(function SuggestionsPanel(
  props: SuggestionsPanelProps,
) {
  const { t } = useTranslation()
  const money = useMoneyUnits()
  const trpc = useTRPC()
  const { live } = props
  const query = useQuery(
    trpc.plans.suggestions.queryOptions(
      { scenarioId: props.scenarioId, limit: 6 },
      { enabled: live === undefined },
    ),
  )
  const { territories, units } = props
  const names = useMemo(
    () => new Map(territories.map((t) => [t.id, t.name])),
    [territories],
  )
  // Thousands of units: built once, not on every edit's render.
  const unitNames = useMemo(
    () => new Map(units.map((u) => [u.id, u.name])),
    [units],
  )
  const list = live ? (live.list ?? []) : (query.data?.suggestions ?? [])
  const busy = live ? live.list === null : query.isFetching
  const loading = live ? live.list === null : query.isLoading
  const failed = !live && query.isError
  return (
    <section
      className="suggestions"
      aria-label={t('workspace.suggestions.title')}
      data-testid="suggestions"
    >
      <header className="suggestions__header">
        <h2>{t('workspace.suggestions.title')}</h2>
        {busy ? <span className="spinner spinner--small" aria-hidden /> : null}
      </header>
      {failed ? (
        <p className="suggestions__empty">
          {t('workspace.suggestions.unavailable')}
        </p>
      ) : list.length === 0 && !loading ? (
        <p className="suggestions__empty">{t('workspace.suggestions.none')}</p>
      ) : (
        <ol
          className="suggestions__list"
          onMouseLeave={() => props.onPreview(null)}
        >
          {list.map((s) => {
            const first = unitNames.get(s.unitId) ?? s.unitId
            const what =
              s.unitIds.length > 1
                ? t('workspace.suggestions.more', {
                    first,
                    units: t('common.count.unit', {
                      count: s.unitIds.length - 1,
                    }),
                  })
                : first
            return (
              <li
                key={`${s.unitIds.join(',')}>${s.to}`}
                className="suggestion"
                data-testid="suggestion"
                onMouseEnter={() => props.onPreview(s)}
                onFocus={() => props.onPreview(s)}
              >
                <div className="suggestion__what">
                  <strong>{what}</strong>
                  <span>
                    {names.get(s.from) ?? s.from} → {names.get(s.to) ?? s.to}
                  </span>
                </div>
                <div className="suggestion__why">
                  <span className="suggestion__gain">
                    {t('workspace.suggestions.gain', {
                      gain: formatFixed(s.balanceGain),
                      before: formatFixed(s.balanceBefore),
                      after: formatFixed(s.balanceAfter),
                    })}
                  </span>
                  <span>
                    {t('workspace.suggestions.accounts', {
                      accounts: formatCount(s.accounts),
                      potential: money.money(s.potential, s.from),
                    })}
                    {s.travelDelta !== 0
                      ? t('workspace.suggestions.travel', {
                          sign: s.travelDelta > 0 ? '+' : '−',
                          amount: formatCompactCount(
                            money.distanceValue(
                              Math.abs(s.travelDelta),
                              s.from,
                            ),
                          ),
                          unit: money.of(s.from).distanceUnit,
                        })
                      : ''}
                  </span>
                </div>
                {props.canApply ? (
                  <button
                    type="button"
                    className="button button--secondary suggestion__apply"
                    onClick={() => props.onApply(s)}
                    data-testid="apply-suggestion"
                  >
                    {t('workspace.suggestions.apply')}
                  </button>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
})
