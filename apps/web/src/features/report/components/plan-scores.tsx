import type { BalanceSettings } from '@tessera/domain'
import type { PlanScore, TerritoryScore } from '@tessera/engine'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'

interface PlanScoresProps {
  settings: BalanceSettings
  plan: PlanScore
  territories: readonly TerritoryScore[]
  territoryName: (id: string) => string | undefined
}

/** The plan's balance reads well from 80 up and badly under 50 (the workspace's bands). */
const scoreTone = (score: number) =>
  score >= 80 ? 'ok' : score >= 50 ? 'warn' : 'bad'

/**
 * The plan's scores at a glance, as `plans.scores` gives them: balance, compactness,
 * contiguity, travel and disruption against the published alignment, and the totals.
 */
export function PlanScores({
  settings,
  plan,
  territories,
  territoryName,
}: PlanScoresProps) {
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const balanced = settings.metrics
    .map((m) => `${t(`territories.metric.${m.metric}`)} ×${m.weight}`)
    .join(', ')
  const scored = territories.filter((t) => t.units > 0)
  const meanCompactness =
    scored.length > 0
      ? scored.reduce((n, t) => n + t.polsbyPopper, 0) / scored.length
      : null
  const worst = plan.worstDeviation
  const inBand = territories.filter((t) => t.inBand).length

  return (
    <dl className="report-scores" data-testid="report-scores">
      <div className="report-scores__item report-scores__item--main">
        <dt>{t('report.scores.balance')}</dt>
        <dd>
          <strong className={`report-tone--${scoreTone(plan.balanceScore)}`}>
            {Math.round(plan.balanceScore)}
          </strong>{' '}
          {t('report.scores.outOf')}
          <small>
            {t('report.scores.inBand', {
              inBand: formatCount(inBand),
              territories: t('common.count.territory', {
                count: territories.length,
              }),
              band: formatPercent(settings.tolerance),
              metrics: balanced,
            })}
          </small>
          {worst ? (
            <small>
              {t('report.scores.furthestOff', {
                name: territoryName(worst.territoryId) ?? '—',
                deviation: formatSignedPercent(worst.deviation),
                metric: t(`territories.metric.${worst.metric}`),
              })}
            </small>
          ) : null}
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>{t('report.scores.compactness')}</dt>
        <dd>
          <strong>
            {meanCompactness === null ? '—' : formatPercent(meanCompactness)}
          </strong>
          <small>
            {t('report.scores.compactnessHint', {
              borders: formatCount(plan.cutEdges),
            })}
          </small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>{t('report.scores.contiguity')}</dt>
        <dd>
          <strong
            className={
              plan.noncontiguousTerritories > 0
                ? 'report-tone--bad'
                : 'report-tone--ok'
            }
          >
            {plan.noncontiguousTerritories === 0
              ? t('report.scores.allContiguous')
              : t('report.scores.inPieces', {
                  territories: t('common.count.territory', {
                    count: plan.noncontiguousTerritories,
                  }),
                })}
          </strong>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>{t('report.scores.travel')}</dt>
        <dd>
          <strong>
            {plan.meanTravelKm === null
              ? '—'
              : units.distance(plan.meanTravelKm)}
          </strong>
          <small>{t('report.scores.travelHint')}</small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>{t('report.scores.disruption')}</dt>
        <dd>
          <strong>{formatPercent(plan.disruptedShare)}</strong>
          <small>
            {t('report.scores.disruptionHint', {
              accounts: t('common.count.account', {
                count: plan.disruptedAccounts,
              }),
              potential: formatMoney(plan.disruptedPotential),
            })}
          </small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>{t('report.scores.totals')}</dt>
        <dd>
          <strong>{formatMoney(plan.potential)}</strong>
          <small>
            {t('report.scores.totalsHint', {
              sales: formatMoney(plan.sales),
              accounts: t('common.count.account', { count: plan.accounts }),
              units: t('common.count.unit', { count: plan.units }),
            })}
          </small>
          {plan.unassigned.units > 0 ? (
            <small className="report-tone--warn">
              {t('report.scores.unassigned', {
                units: t('common.count.unit', { count: plan.unassigned.units }),
                accounts: t('common.count.account', {
                  count: plan.unassigned.accounts,
                }),
              })}
            </small>
          ) : null}
        </dd>
      </div>
    </dl>
  )
}
