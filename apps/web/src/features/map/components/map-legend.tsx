import { formatCount } from '../../../lib/format'

interface MapLegendProps {
  /** Account points on the map now. */
  shown: number
  /** The view holds more accounts than were sent (the biggest potential came first). */
  truncated: boolean
  loading: boolean
  failed: boolean
}

export function MapLegend({
  shown,
  truncated,
  loading,
  failed,
}: MapLegendProps) {
  return (
    <div className="map-legend" aria-live="polite">
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
      <div className="map-legend__status">
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
}
