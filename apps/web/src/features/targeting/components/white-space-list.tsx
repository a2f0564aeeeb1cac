import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../../lib/errors'
import { formatMoney, formatPercent } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'

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
      <summary>Growth opportunities (white space)</summary>
      <div className="targeting__row" role="radiogroup" aria-label="Rank">
        {(['territories', 'units'] as const).map((l) => (
          <label key={l} className="targeting__check">
            <input
              type="radio"
              name="white-space-level"
              checked={level === l}
              onChange={() => setLevel(l)}
            />
            {l}
          </label>
        ))}
      </div>
      {data.error ? (
        <p className="error-box">{errorMessage(data.error)}</p>
      ) : (
        <table className="white-space__table" data-testid="white-space">
          <thead>
            <tr>
              <th scope="col">{level === 'units' ? 'Unit' : 'Territory'}</th>
              <th scope="col" className="num">
                White space
              </th>
              <th scope="col" className="num">
                Sales 12 mo
              </th>
              <th scope="col" className="num">
                Buying
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
                      <small> · {r.territory ?? 'unassigned'}</small>
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
