import { formatCount } from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import type { Dashboard } from '../api/use-dashboard'
import {
  attainmentTone,
  formatAttainment,
  formatGrowth,
  formatMoney,
} from '../lib/figures'

/** The plan's totals: sales against quota, attainment, forecast, pipeline and accounts. */
export function PlanSummary({ summary }: { summary: Dashboard['summary'] }) {
  const { t } = useTranslation()
  const tone = attainmentTone(summary.attainment)
  return (
    <dl className="dashboard-summary" data-testid="dashboard-summary">
      <div>
        <dt>{t('dashboard.summary.sales')}</dt>
        <dd>{formatMoney(summary.sales12m)}</dd>
        <small>
          {t('dashboard.summary.onYearBefore', {
            growth: formatGrowth(summary.sales12m, summary.salesPrior12m),
          })}
        </small>
      </div>
      <div>
        <dt>{t('dashboard.summary.quota')}</dt>
        <dd>{formatMoney(summary.quota)}</dd>
        <small>
          {summary.defaultQuotas > 0
            ? t('dashboard.summary.defaults', { count: summary.defaultQuotas })
            : t('dashboard.summary.allSet')}
        </small>
      </div>
      <div>
        <dt>{t('dashboard.summary.attainment')}</dt>
        <dd className={tone ? `dashboard-tone--${tone}` : undefined}>
          {formatAttainment(summary.attainment)}
        </dd>
        <small>{t('dashboard.summary.salesOverQuota')}</small>
      </div>
      <div>
        <dt>{t('dashboard.summary.forecast')}</dt>
        <dd>{formatMoney(summary.forecast12m)}</dd>
        <small>
          {t('dashboard.summary.onLast12', {
            growth: formatGrowth(summary.forecast12m, summary.sales12m),
          })}
        </small>
      </div>
      <div>
        <dt>{t('dashboard.summary.pipeline')}</dt>
        <dd>{formatMoney(summary.pipeline)}</dd>
        <small>{t('dashboard.summary.pipelineHint')}</small>
      </div>
      <div>
        <dt>{t('dashboard.summary.accounts')}</dt>
        <dd>{formatCount(summary.accounts)}</dd>
        <small>
          {t('dashboard.summary.bought', { count: summary.activeAccounts })}
        </small>
      </div>
    </dl>
  )
}
