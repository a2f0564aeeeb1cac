import { memo, useId } from 'react'
import { formatCount } from '../../../lib/format'
import { MAP_THEMES, type MapTheme, type ThemeKey } from '../lib/themes'
import { SEGMENTS } from '../lib/segments'
import type { AccountsFilter } from '../hooks/use-accounts-in-view'
import { AccountFilters } from './account-filters'
import { DensityKey, ThemeKeyView } from './theme-key'
import { useTranslation } from '../../../i18n'

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
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend__theme">
        <label htmlFor={`${id}-theme`}>{t('map.legend.colourBy')}</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(e) => props.onTheme(e.target.value as MapTheme)}
          data-testid="map-theme"
        >
          {MAP_THEMES.map((m) => (
            <option key={m.id} value={m.id}>
              {t(`map.themes.${m.id}`)}
            </option>
          ))}
        </select>
      </div>
      {props.themeKey ? (
        <ThemeKeyView themeKey={props.themeKey} theme={theme} />
      ) : null}
      <label className="map-legend__toggle">
        <input
          type="checkbox"
          checked={props.density}
          onChange={(e) => props.onDensity(e.target.checked)}
          data-testid="map-density"
        />
        {t('map.legend.density')}
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
        {t('map.legend.bySegment')}
      </label>
      {props.bySegment ? (
        <ul className="map-legend__segments" data-testid="segment-key">
          {SEGMENTS.map((s) => (
            <li key={s.id} title={t(`common.segments.${s.id}Hint`)}>
              <i
                aria-hidden
                style={{ background: `rgb(${s.color.join(',')})` }}
              />
              {t(`common.segments.${s.id}`)}
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
        {t('map.legend.sizedByPotential')}
      </div>
      <div className="map-legend__row">
        <span className="map-legend__line" aria-hidden />
        {t('map.legend.territoryBorder')}
      </div>
      <div className="map-legend__status" aria-live="polite">
        {failed
          ? t('map.legend.failed')
          : truncated
            ? t('map.legend.top', { shown: formatCount(shown) })
            : t('map.legend.inView', { shown: formatCount(shown) })}
        {loading ? (
          <span
            className="spinner spinner--small"
            aria-label={t('map.legend.loading')}
          />
        ) : null}
      </div>
    </div>
  )
})
