import { useMemo } from 'react'
import { metricDeltas, type TerritoryTotals } from '../lib/metric-deltas'
import { useTranslation } from '../../../i18n'

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
  const { t } = useTranslation()
  // `t`: the figures and labels are in the active language.
  const rows = useMemo(() => metricDeltas(before, after), [before, after, t])
  return (
    <table className="metric-table" data-testid="metric-table">
      <caption className="visually-hidden">
        {t('myChanges.metrics.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">
              {t('myChanges.metrics.metric')}
            </span>
          </th>
          <th scope="col" className="num">
            {t('myChanges.metrics.before')}
          </th>
          <th scope="col" className="num">
            {t('myChanges.metrics.after')}
          </th>
          <th scope="col" className="num">
            {t('myChanges.metrics.change')}
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
              <span className="visually-hidden">
                , {t(`myChanges.metrics.tone.${r.tone}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
