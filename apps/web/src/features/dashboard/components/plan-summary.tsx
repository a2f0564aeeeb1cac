import { formatCount, plural } from '../../../lib/format'
import type { Dashboard } from '../api/use-dashboard'
import {
  attainmentTone,
  formatAttainment,
  formatGrowth,
  formatMoney,
} from '../lib/figures'

/** The plan's totals: sales against quota, attainment, forecast, pipeline and accounts. */
export function PlanSummary({ summary }: { summary: Dashboard['summary'] }) {
  const tone = attainmentTone(summary.attainment)
  return (
    <dl className="dashboard-summary" data-testid="dashboard-summary">
      <div>
        <dt>Sales, last 12 months</dt>
        <dd>{formatMoney(summary.sales12m)}</dd>
        <small>
          {formatGrowth(summary.sales12m, summary.salesPrior12m)} on the year
          before
        </small>
      </div>
      <div>
        <dt>Quota</dt>
        <dd>{formatMoney(summary.quota)}</dd>
        <small>
          {summary.defaultQuotas > 0
            ? `${plural(summary.defaultQuotas, 'default')} (sales × 1.05)`
            : 'all set by managers'}
        </small>
      </div>
      <div>
        <dt>Attainment</dt>
        <dd className={tone ? `dashboard-tone--${tone}` : undefined}>
          {formatAttainment(summary.attainment)}
        </dd>
        <small>sales ÷ quota</small>
      </div>
      <div>
        <dt>Forecast, next 12 months</dt>
        <dd>{formatMoney(summary.forecast12m)}</dd>
        <small>
          {formatGrowth(summary.forecast12m, summary.sales12m)} on the last 12
        </small>
      </div>
      <div>
        <dt>Pipeline (proxy)</dt>
        <dd>{formatMoney(summary.pipeline)}</dd>
        <small>forecast above last year’s sales</small>
      </div>
      <div>
        <dt>Accounts</dt>
        <dd>{formatCount(summary.accounts)}</dd>
        <small>{formatCount(summary.activeAccounts)} bought this year</small>
      </div>
    </dl>
  )
}
