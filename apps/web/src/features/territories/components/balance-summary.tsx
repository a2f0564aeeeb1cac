import { useEffect } from 'react'
import {
  formatCount,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'
import { Trans, useTranslation } from '../../../i18n'
import {
  deviationTone,
  metricLabel,
  type ScoresState,
  scoreTone,
} from '../lib/balance'

/**
 * The plan's balance at a glance: the engine's 0–100 score, the share of territories inside
 * the ± tolerance band, and the territory furthest off target (a click shows it on the map).
 */
export function BalanceSummary({
  scores,
  territoryName,
  onSelect,
}: {
  scores: ScoresState
  territoryName: (id: string) => string | undefined
  onSelect: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  if (scores.isError && !scores.data) {
    return (
      <div className="balance balance--message" role="status">
        <span>{t('territories.balance.unavailable')}</span>
        <button type="button" className="balance__retry" onClick={scores.retry}>
          {t('common.tryAgain')}
        </button>
      </div>
    )
  }
  if (!scores.data) {
    return (
      <div className="balance balance--message" role="status" aria-busy>
        <span className="spinner spinner--small" aria-hidden />
        <span>{t('territories.balance.scoring')}</span>
      </div>
    )
  }

  return (
    <BalanceFigures
      data={scores.data}
      territoryName={territoryName}
      onSelect={onSelect}
    />
  )
}

function BalanceFigures({
  data,
  territoryName,
  onSelect,
}: {
  data: NonNullable<ScoresState['data']>
  territoryName: (id: string) => string | undefined
  onSelect: (territoryId: string) => void
}) {
  const { t } = useTranslation()
  // When the scores first showed (the benchmark's load time ends here).
  useEffect(() => {
    if (!performance.getEntriesByName('tessera:scores-shown').length)
      performance.mark('tessera:scores-shown')
  }, [])
  const { plan, settings } = data
  const score = Math.round(plan.balanceScore)
  const band = `±${formatPercent(settings.tolerance)}`
  const worst = plan.worstDeviation
  const inBand = data.territories.filter((t) => t.inBand).length
  const worstName = worst ? territoryName(worst.territoryId) : undefined

  return (
    <div className="balance" aria-label={t('territories.balance.label')}>
      <div className="balance__score">
        <span className="balance__label">{t('territories.balance.title')}</span>
        <span
          className={`balance__value tone-${scoreTone(plan.balanceScore)}`}
          data-testid="balance-score"
        >
          {score}
          <span className="balance__of"> / 100</span>
        </span>
        <span className="balance__meter" aria-hidden>
          <span
            className={`balance__meter-fill tone-${scoreTone(plan.balanceScore)}`}
            style={{ width: `${Math.max(0, Math.min(100, score))}%` }}
          />
        </span>
      </div>
      <div className="balance__facts">
        <span className="balance__fact">
          <Trans
            i18nKey="territories.balance.within"
            values={{ share: formatPercent(plan.inBandShare), band }}
            components={{ strong: <strong /> }}
          />
        </span>
        <span className="balance__fact balance__fact--muted">
          {t('territories.balance.inBand', {
            inBand: formatCount(inBand),
            territories: t('common.count.territory', {
              count: data.territories.length,
            }),
          })}
        </span>
      </div>
      {worst && worstName ? (
        <button
          type="button"
          className="balance__worst"
          onClick={() => onSelect(worst.territoryId)}
          title={t('territories.list.show', { name: worstName })}
        >
          <span className="balance__worst-label">
            {t('territories.balance.furthestOff')}
          </span>
          <span className="balance__worst-name">{worstName}</span>
          <span
            className={`balance__worst-dev tone-${deviationTone(worst.deviation, settings.tolerance)}`}
          >
            {formatSignedPercent(worst.deviation)} {metricLabel(worst.metric)}
          </span>
        </button>
      ) : (
        <span className="balance__worst balance__worst--none">
          {t('territories.balance.allOnTarget')}
        </span>
      )}
    </div>
  )
}
