import { useMemo } from 'react'
import { metricDeltas, type TerritoryTotals } from '../lib/metric-deltas'

const TONE_WORDS = {
  better: 'in your favour',
  worse: 'against you',
  same: 'no change',
} as const

/**
 * The territory's figures before and after, and the change with its sign; the colour says
 * whether it is in the rep's favour (and so does hidden text, for screen readers). On a
 * phone each row stacks: the name and the change, then before → after.
 */
export function MetricTable({
  before,
  after,
}: {
  before: TerritoryTotals
  after: TerritoryTotals
}) {
  const rows = useMemo(() => metricDeltas(before, after), [before, after])
  return (
    <table className="metric-table" data-testid="metric-table">
      <caption className="visually-hidden">
        Your territory before and after the change
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Metric</span>
          </th>
          <th scope="col" className="num">
            Before
          </th>
          <th scope="col" className="num">
            After
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-metric={r.key}>
            <th scope="row" className="metric-table__label">
              {r.label}
            </th>
            <td className="num metric-table__before">{r.before}</td>
            <td className="num metric-table__after">{r.after}</td>
            <td
              className={`num metric-table__delta metric-table__delta--${r.tone}`}
            >
              {r.delta}
              {r.percent ? (
                <span className="metric-table__percent"> ({r.percent})</span>
              ) : null}
              <span className="visually-hidden">, {TONE_WORDS[r.tone]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
