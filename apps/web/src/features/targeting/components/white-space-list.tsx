import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatMoney, formatPercent } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'

/**
 * Growth opportunities: territories or units ranked by white space (potential the next
 * year's forecast leaves uncaptured), with last year's sales and coverage (share of
 * accounts buying). The map's "White space" colouring shows the same per unit.
 */
export function WhiteSpaceList({
  planId,
  scenarioId,
  onSelectTerritory,
}: {
  planId: string
  scenarioId: string
  onSelectTerritory: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const [level, setLevel] = useState<'territories' | 'units'>('territories')
  const data = useQuery(
    trpc.targeting.whiteSpace.queryOptions(
      { planId, scenarioId },
      { staleTime: 60_000 },
    ),
  )
  const rows = (data.data?.[level] ?? []).slice(0, 10)
  return (
    <details className="targeting__field white-space" open>
      <summary>{t('targeting.whiteSpace.title')}</summary>
      <div
        className="targeting__row"
        role="radiogroup"
        aria-label={t('targeting.whiteSpace.rank')}
      >
        {(['territories', 'units'] as const).map((l) => (
          <label key={l} className="targeting__check">
            <input
              type="radio"
              name="white-space-level"
              checked={level === l}
              onChange={() => setLevel(l)}
            />
            {t(`targeting.whiteSpace.levels.${l}`)}
          </label>
        ))}
      </div>
      {data.error ? (
        <p className="error-box">{errorMessage(data.error)}</p>
      ) : (
        <table className="white-space__table" data-testid="white-space">
          <thead>
            <tr>
              <th scope="col">
                {level === 'units'
                  ? t('targeting.whiteSpace.unit')
                  : t('targeting.whiteSpace.territory')}
              </th>
              <th scope="col" className="num">
                {t('targeting.whiteSpace.whiteSpace')}
              </th>
              <th scope="col" className="num">
                {t('targeting.whiteSpace.sales')}
              </th>
              <th scope="col" className="num">
                {t('targeting.whiteSpace.buying')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {level === 'territories' ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelectTerritory(r.id)}
                    >
                      {r.name}
                    </button>
                  ) : (
                    <>
                      {r.name}
                      <small>
                        {' '}
                        · {r.territory ?? t('targeting.whiteSpace.unassigned')}
                      </small>
                    </>
                  )}
                </td>
                <td className="num">{formatMoney(r.whiteSpace)}</td>
                <td className="num">{formatMoney(r.sales)}</td>
                <td className="num">
                  {r.coverage === null ? '—' : formatPercent(r.coverage)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
