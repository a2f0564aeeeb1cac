import type { BalanceMetric } from '@tessera/domain'
import type { TerritoryScore } from '@tessera/engine'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import {
  deviationTone,
  metricLabel,
  primaryMetric,
  type ScoresState,
  SORT_KEYS,
  type SortKey,
  sortNeedsScores,
  sortTerritories,
  utilizationTone,
} from '../lib/balance'
import {
  filterRegions,
  type PlanSummary,
  regionLabel,
  type RegionSummary,
  type TerritorySummary,
} from '../lib/territory-summary'
import { BalanceSummary } from './balance-summary'
import { DeviationBar } from './deviation-bar'
import '../territories.css'

interface TerritoryListProps {
  summary: PlanSummary
  /** The engine's scores; the list works without them (loading or failed). */
  scores: ScoresState
  selectedId: string | null
  onSelect: (territoryId: string) => void
  /** Opens the full territory table (every metric, sortable by any column). */
  onOpenTable?: () => void
}

/** What a row shows about balance, shared by every row. */
interface RowBalance {
  metric: BalanceMetric
  tolerance: number
  loading: boolean
}

/**
 * The plan's territories grouped by region, with the totals a planner balances. Memoised:
 * the workspace re-renders on every edit, the list only when its totals do.
 */
export const TerritoryList = memo(function TerritoryList({
  summary,
  scores,
  selectedId,
  onSelect,
  onOpenTable,
}: TerritoryListProps) {
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const [query, setQuery] = useState('')
  const [sortChoice, setSortChoice] = useState<SortKey>('name')
  const scoreData = scores.data
  const scoreById = useMemo(
    () =>
      scoreData
        ? new Map(scoreData.territories.map((t) => [t.territoryId, t]))
        : null,
    [scoreData],
  )
  const metric = primaryMetric(scoreData?.settings)
  // A sort that needs scores waits on names until they arrive (or if they fail).
  const sort: SortKey =
    sortNeedsScores(sortChoice) && !scoreById ? 'name' : sortChoice
  const filtered = useMemo(
    () => filterRegions(summary.regions, query),
    [summary.regions, query],
  )
  // By name the list keeps its regions; any other order is one ranking across them.
  const regions = useMemo((): RegionSummary[] => {
    if (sort === 'name') return filtered
    const all = filtered.flatMap((r) => r.territories)
    return [
      {
        id: '__ranked__',
        name: t('territories.list.allTerritories'),
        color: null,
        territories: sortTerritories(all, sort, scoreById, metric),
        accounts: all.reduce((n, t) => n + t.accounts, 0),
        potential: all.reduce((n, t) => n + t.potential, 0),
      },
    ].filter((r) => r.territories.length > 0)
  }, [filtered, sort, scoreById, metric, t])
  const territoryNames = useMemo(
    () =>
      new Map(
        summary.regions.flatMap((r) =>
          r.territories.map((t) => [t.id, t.name]),
        ),
      ),
    [summary.regions],
  )
  const tolerance = scoreData?.settings.tolerance ?? 0
  const loading = !scoreData && !scores.isError
  // One object while nothing changes, so memoised rows skip a repaint.
  const rowBalance = useMemo(
    (): RowBalance => ({ metric, tolerance, loading }),
    [metric, tolerance, loading],
  )
  const listRef = useRef<HTMLDivElement>(null)

  // A territory picked on the map scrolls into view here, inside the list only: on a phone
  // the list is part of the page, and tapping the map must not scroll the page away from it.
  useEffect(() => {
    const body = listRef.current
    if (!selectedId || !body || body.scrollHeight <= body.clientHeight) return
    const row = body.querySelector<HTMLElement>(
      `[data-territory-id="${CSS.escape(selectedId)}"]`,
    )
    if (!row) return
    const top =
      row.getBoundingClientRect().top -
      body.getBoundingClientRect().top +
      body.scrollTop
    const stickyHeader = 36
    if (top - stickyHeader < body.scrollTop)
      body.scrollTo({ top: top - stickyHeader, behavior: 'smooth' })
    else if (top + row.offsetHeight > body.scrollTop + body.clientHeight) {
      body.scrollTo({
        top: top + row.offsetHeight - body.clientHeight + 8,
        behavior: 'smooth',
      })
    }
  }, [selectedId])

  return (
    <section
      className="territory-panel"
      data-testid="territory-list"
      aria-labelledby="territory-panel-title"
    >
      <header className="territory-panel__header">
        <div className="territory-panel__title-row">
          <h2 id="territory-panel-title">{t('territories.list.title')}</h2>
          <span className="territory-panel__count">
            {t('territories.list.count', {
              territories: formatCount(summary.territoryCount),
              regions: t('common.count.region', {
                count: summary.regions.length,
              }),
            })}
          </span>
          {onOpenTable ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={onOpenTable}
              data-testid="open-territory-table"
            >
              {t('territories.list.table')}
            </button>
          ) : null}
        </div>
        <dl className="territory-panel__totals">
          <div>
            <dt>{t('territories.list.accounts')}</dt>
            <dd>{formatCount(summary.accounts)}</dd>
          </div>
          <div>
            <dt>{t('territories.list.potential')}</dt>
            <dd>{formatMoney(summary.potential)}</dd>
          </div>
          <div>
            <dt>{t('territories.list.average')}</dt>
            <dd>
              {formatMoney(
                summary.territoryCount
                  ? summary.potential / summary.territoryCount
                  : 0,
              )}
            </dd>
          </div>
        </dl>
        <BalanceSummary
          scores={scores}
          territoryName={(id) => territoryNames.get(id)}
          onSelect={onSelect}
        />
        <div className="territory-panel__tools">
          <label className="search">
            <svg viewBox="0 0 16 16" aria-hidden className="search__icon">
              <circle cx="7" cy="7" r="4.5" />
              <path d="M10.5 10.5 14 14" />
            </svg>
            <span className="visually-hidden">
              {t('territories.list.filterLabel')}
            </span>
            <input
              type="search"
              placeholder={t('territories.list.filterPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label className="sort-control">
            <span className="sort-control__label">
              {t('territories.list.sort')}
            </span>
            <span className="select">
              <select
                value={sort}
                onChange={(e) => {
                  setSortChoice(e.target.value as SortKey)
                  // A new order starts at its top.
                  listRef.current?.scrollTo({ top: 0 })
                }}
                data-testid="territory-sort"
              >
                {SORT_KEYS.map((key) => (
                  <option
                    key={key}
                    value={key}
                    disabled={sortNeedsScores(key) && !scoreById}
                  >
                    {t(`territories.sortOption.${key}`)}
                  </option>
                ))}
              </select>
            </span>
          </label>
        </div>
      </header>
      <div className="territory-panel__body" ref={listRef}>
        {regions.length === 0 ? (
          <p className="territory-panel__empty">
            {t('territories.list.noMatch', { query: query.trim() })}
          </p>
        ) : null}
        {regions.map((region) => (
          <section
            key={region.id}
            className="region"
            aria-label={regionLabel(region)}
          >
            <h3 className="region__header">
              <span className="region__name">{regionLabel(region)}</span>
              <span className="region__meta">
                {sort === 'name'
                  ? `${formatCount(region.accounts)} · ${units.money(region.potential, region.id)}`
                  : t(`territories.sortCaption.${sort}`)}
              </span>
            </h3>
            <ul className="region__rows">
              {region.territories.map((t) => (
                <li key={t.id}>
                  <TerritoryRow
                    territory={t}
                    score={scoreById?.get(t.id)}
                    balance={rowBalance}
                    selected={t.id === selectedId}
                    onSelect={onSelect}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {summary.unassignedAccounts > 0 ? (
          <p className="territory-panel__note">
            {t('territories.list.unassigned', {
              accounts: t('common.count.account', {
                count: summary.unassignedAccounts,
              }),
            })}
          </p>
        ) : null}
      </div>
    </section>
  )
})

/** A row repaints only when its own territory, score or selection changes. */
const TerritoryRow = memo(function TerritoryRow({
  territory,
  score,
  balance,
  selected,
  onSelect,
}: {
  territory: TerritorySummary
  score: TerritoryScore | undefined
  balance: RowBalance
  selected: boolean
  onSelect: (id: string) => void
}) {
  // Rows are memoised: this also repaints them when the language changes.
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const deviation = score?.deviations[balance.metric]
  const capacityTone = utilizationTone(score?.utilization ?? null)
  const metric = metricLabel(balance.metric)
  return (
    <button
      type="button"
      className="territory-row"
      data-testid="territory-row"
      data-territory-id={territory.id}
      aria-pressed={selected}
      onClick={() => onSelect(territory.id)}
      title={t('territories.list.show', { name: territory.name })}
    >
      <span
        className="swatch swatch--large"
        style={{ background: territory.color }}
        aria-hidden
      />
      <span className="territory-row__main">
        <span className="territory-row__name-line">
          <span className="territory-row__name">{territory.name}</span>
          {score && !score.contiguous ? (
            <span
              className="territory-row__flag"
              title={t('territories.list.notContiguousTitle', {
                count: score.pieces,
              })}
              data-testid="contiguity-warning"
            >
              <svg viewBox="0 0 16 16" aria-hidden>
                <path d="M8 2.2 14.5 13.5h-13z" />
                <path d="M8 6.6v3.3M8 11.6v.1" />
              </svg>
              <span className="visually-hidden">
                {t('territories.list.notContiguous', {
                  pieces: t('common.count.piece', { count: score.pieces }),
                })}
              </span>
            </span>
          ) : null}
        </span>
        <span className="territory-row__rep">
          {territory.repName ?? t('territories.list.noRep')}
        </span>
      </span>
      <span className="territory-row__numbers">
        <span className="territory-row__potential">
          {units.money(territory.potential, territory.id)}
        </span>
        <span className="territory-row__accounts">
          {t('common.count.account', { count: territory.accounts })}
        </span>
      </span>
      {score && deviation !== undefined ? (
        <span
          className="territory-row__balance"
          data-testid="territory-balance"
        >
          <DeviationBar
            deviation={deviation}
            tolerance={balance.tolerance}
            metricLabel={metric}
          />
          <span
            className={`territory-row__deviation tone-${deviationTone(deviation, balance.tolerance)}`}
          >
            {formatSignedPercent(deviation)}
            <span className="territory-row__metric"> {metric}</span>
          </span>
          {score.utilization !== null ? (
            <span
              className={`territory-row__capacity tone-${capacityTone ?? 'ok'}`}
              title={t('territories.list.capacityTitle', {
                workload: formatCount(Math.round(score.workloadMinutes / 60)),
                capacity: formatCount(
                  Math.round((score.capacityMinutes ?? 0) / 60),
                ),
              })}
            >
              {t('territories.list.ofCapacity', {
                percent: formatPercent(score.utilization),
              })}
            </span>
          ) : null}
        </span>
      ) : balance.loading ? (
        <span className="territory-row__balance" aria-hidden>
          <span className="deviation-bar deviation-bar--placeholder" />
        </span>
      ) : null}
    </button>
  )
})
