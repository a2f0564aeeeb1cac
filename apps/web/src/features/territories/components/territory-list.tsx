import { useEffect, useMemo, useRef, useState } from 'react'
import { formatCount, formatMoney, plural } from '../../../lib/format'
import {
  filterRegions,
  type PlanSummary,
  type TerritorySummary,
} from '../lib/territory-summary'
import '../territories.css'

interface TerritoryListProps {
  summary: PlanSummary
  selectedId: string | null
  onSelect: (territoryId: string) => void
}

/** The plan's territories grouped by region, with the totals a planner balances. */
export function TerritoryList({
  summary,
  selectedId,
  onSelect,
}: TerritoryListProps) {
  const [query, setQuery] = useState('')
  const regions = useMemo(
    () => filterRegions(summary.regions, query),
    [summary.regions, query],
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
          <h2 id="territory-panel-title">Territories</h2>
          <span className="territory-panel__count">
            {summary.territoryCount} in{' '}
            {plural(summary.regions.length, 'region')}
          </span>
        </div>
        <dl className="territory-panel__totals">
          <div>
            <dt>Accounts</dt>
            <dd>{formatCount(summary.accounts)}</dd>
          </div>
          <div>
            <dt>Potential</dt>
            <dd>{formatMoney(summary.potential)}</dd>
          </div>
          <div>
            <dt>Avg / territory</dt>
            <dd>
              {formatMoney(
                summary.territoryCount
                  ? summary.potential / summary.territoryCount
                  : 0,
              )}
            </dd>
          </div>
        </dl>
        <label className="search">
          <svg viewBox="0 0 16 16" aria-hidden className="search__icon">
            <circle cx="7" cy="7" r="4.5" />
            <path d="M10.5 10.5 14 14" />
          </svg>
          <span className="visually-hidden">Filter territories</span>
          <input
            type="search"
            placeholder="Filter by territory, rep or region"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      </header>
      <div className="territory-panel__body" ref={listRef}>
        {regions.length === 0 ? (
          <p className="territory-panel__empty">
            No territory matches “{query.trim()}”.
          </p>
        ) : null}
        {regions.map((region) => (
          <section key={region.id} className="region" aria-label={region.name}>
            <h3 className="region__header">
              <span className="region__name">{region.name}</span>
              <span className="region__meta">
                {formatCount(region.accounts)} · {formatMoney(region.potential)}
              </span>
            </h3>
            <ul className="region__rows">
              {region.territories.map((t) => (
                <li key={t.id}>
                  <TerritoryRow
                    territory={t}
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
            {plural(summary.unassignedAccounts, 'account')} in unassigned areas.
          </p>
        ) : null}
      </div>
    </section>
  )
}

function TerritoryRow({
  territory,
  selected,
  onSelect,
}: {
  territory: TerritorySummary
  selected: boolean
  onSelect: (id: string) => void
}) {
  return (
    <button
      type="button"
      className="territory-row"
      data-testid="territory-row"
      data-territory-id={territory.id}
      aria-pressed={selected}
      onClick={() => onSelect(territory.id)}
      title={`Show ${territory.name} on the map`}
    >
      <span
        className="swatch swatch--large"
        style={{ background: territory.color }}
        aria-hidden
      />
      <span className="territory-row__main">
        <span className="territory-row__name">{territory.name}</span>
        <span className="territory-row__rep">
          {territory.repName ?? 'No rep assigned'}
        </span>
      </span>
      <span className="territory-row__numbers">
        <span className="territory-row__potential">
          {formatMoney(territory.potential)}
        </span>
        <span className="territory-row__accounts">
          {plural(territory.accounts, 'account')}
        </span>
      </span>
    </button>
  )
}
