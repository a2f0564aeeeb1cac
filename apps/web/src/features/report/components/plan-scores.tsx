import type { BalanceSettings } from '@tessera/domain'
import type { PlanScore, TerritoryScore } from '@tessera/engine'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
  plural,
} from '../../../lib/format'
import { METRIC_NAMES } from '../lib/report-rows'

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
  const balanced = settings.metrics
    .map((m) => `${METRIC_NAMES[m.metric]} ×${m.weight}`)
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
        <dt>Balance</dt>
        <dd>
          <strong className={`report-tone--${scoreTone(plan.balanceScore)}`}>
            {Math.round(plan.balanceScore)}
          </strong>{' '}
          / 100
          <small>
            {inBand} of {plural(territories.length, 'territory', 'territories')}{' '}
            within ±{formatPercent(settings.tolerance)} of target on {balanced}
          </small>
          {worst ? (
            <small>
              Furthest off: {territoryName(worst.territoryId) ?? '—'}{' '}
              {formatSignedPercent(worst.deviation)}{' '}
              {METRIC_NAMES[worst.metric]}
            </small>
          ) : null}
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>Compactness</dt>
        <dd>
          <strong>
            {meanCompactness === null ? '—' : formatPercent(meanCompactness)}
          </strong>
          <small>
            mean Polsby–Popper; {formatCount(plan.cutEdges)} unit borders
            between territories
          </small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>Contiguity</dt>
        <dd>
          <strong
            className={
              plan.noncontiguousTerritories > 0
                ? 'report-tone--bad'
                : 'report-tone--ok'
            }
          >
            {plan.noncontiguousTerritories === 0
              ? 'All contiguous'
              : `${plural(plan.noncontiguousTerritories, 'territory', 'territories')} in pieces`}
          </strong>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>Travel</dt>
        <dd>
          <strong>
            {plan.meanTravelKm === null
              ? '—'
              : `${formatCount(Math.round(plan.meanTravelKm))} km`}
          </strong>
          <small>mean distance from a rep’s home to their accounts</small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>Disruption</dt>
        <dd>
          <strong>{formatPercent(plan.disruptedShare)}</strong>
          <small>
            {plural(plan.disruptedAccounts, 'account')} (
            {formatMoney(plan.disruptedPotential)} potential) change hands
            against the published alignment
          </small>
        </dd>
      </div>
      <div className="report-scores__item">
        <dt>Totals</dt>
        <dd>
          <strong>{formatMoney(plan.potential)}</strong>
          <small>
            potential · {formatMoney(plan.sales)} sales in 12 months ·{' '}
            {plural(plan.accounts, 'account')} · {plural(plan.units, 'unit')}
          </small>
          {plan.unassigned.units > 0 ? (
            <small className="report-tone--warn">
              {plural(plan.unassigned.units, 'unit')} (
              {plural(plan.unassigned.accounts, 'account')}) in no territory
            </small>
          ) : null}
        </dd>
      </div>
    </dl>
  )
}
