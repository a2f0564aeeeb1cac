import { memo, useId } from 'react'
import { formatCount } from '../../../lib/format'
import { MAP_THEMES, type MapTheme, type ThemeKey } from '../lib/themes'
import { SEGMENTS } from '../lib/segments'
import type { AccountsFilter } from '../hooks/use-accounts-in-view'
import { AccountFilters } from './account-filters'
import { DensityKey, ThemeKeyView } from './theme-key'

interface MapLegendProps {
  /** Account points on the map now. */
  shown: number
  /** The view holds more accounts than were sent (the biggest potential came first). */
  truncated: boolean
  loading: boolean
  failed: boolean
  /** What the unit fill shows, and its key (null for the territory colours). */
  theme: MapTheme
  onTheme: (theme: MapTheme) => void
  themeKey: ThemeKey | null
  /** The account density layer is on; the top of its scale (accounts in a cell). */
  density: boolean
  onDensity: (on: boolean) => void
  densityTop: number
  densityClipped: boolean
  /** Which accounts the dots show: a behavioural segment, an industry, a size band. */
  filter: AccountsFilter
  onFilter: (filter: AccountsFilter) => void
  /** Dots coloured by segment. */
  bySegment: boolean
  onBySegment: (on: boolean) => void
}

export const MapLegend = memo(function MapLegend(props: MapLegendProps) {
  const { shown, truncated, loading, failed, theme } = props
  const id = useId()
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend__theme">
        <label htmlFor={`${id}-theme`}>Colour by</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(e) => props.onTheme(e.target.value as MapTheme)}
          data-testid="map-theme"
        >
          {MAP_THEMES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {props.themeKey ? <ThemeKeyView themeKey={props.themeKey} /> : null}
      <label className="map-legend__toggle">
        <input
          type="checkbox"
          checked={props.density}
          onChange={(e) => props.onDensity(e.target.checked)}
          data-testid="map-density"
        />
        Account density
      </label>
      {props.density ? (
        <DensityKey top={props.densityTop} clipped={props.densityClipped} />
      ) : null}
      <AccountFilters filter={props.filter} onFilter={props.onFilter} />
      <label className="map-legend__toggle">
        <input
          type="checkbox"
          checked={props.bySegment}
          onChange={(e) => props.onBySegment(e.target.checked)}
          data-testid="map-by-segment"
        />
        Colour accounts by segment
      </label>
      {props.bySegment ? (
        <ul className="map-legend__segments" data-testid="segment-key">
          {SEGMENTS.map((s) => (
            <li key={s.id} title={s.description}>
              <i
                aria-hidden
                style={{ background: `rgb(${s.color.join(',')})` }}
              />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="map-legend__row">
        <span className="map-legend__dots" aria-hidden>
          <i style={{ width: 5, height: 5 }} />
          <i style={{ width: 9, height: 9 }} />
          <i style={{ width: 14, height: 14 }} />
        </span>
        Accounts, sized by potential
      </div>
      <div className="map-legend__row">
        <span className="map-legend__line" aria-hidden />
        Territory border
      </div>
      <div className="map-legend__status" aria-live="polite">
        {failed
          ? 'Accounts could not be loaded.'
          : truncated
            ? `Top ${formatCount(shown)} by potential in view — zoom in for more`
            : `${formatCount(shown)} accounts in view`}
        {loading ? (
          <span
            className="spinner spinner--small"
            aria-label="Loading accounts"
          />
        ) : null}
      </div>
    </div>
  )
})
