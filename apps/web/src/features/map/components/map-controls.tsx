import { useTranslation } from '../../../i18n'

interface MapControlsProps {
  onZoomIn: () => void
  onZoomOut: () => void
  onReset: () => void
}

/** Zoom and "fit the country" buttons: the wheel and pinch are not the only ways in. */
export function MapControls({
  onZoomIn,
  onZoomOut,
  onReset,
}: MapControlsProps) {
  const { t } = useTranslation()
  return (
    <div
      className="map-controls"
      role="group"
      aria-label={t('map.controls.label')}
    >
      <button
        type="button"
        className="map-controls__button"
        onClick={onZoomIn}
        aria-label={t('map.controls.zoomIn')}
        title={t('map.controls.zoomIn')}
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M8 3v10M3 8h10" />
        </svg>
      </button>
      <button
        type="button"
        className="map-controls__button"
        onClick={onZoomOut}
        aria-label={t('map.controls.zoomOut')}
        title={t('map.controls.zoomOut')}
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M3 8h10" />
        </svg>
      </button>
      <button
        type="button"
        className="map-controls__button"
        onClick={onReset}
        aria-label={t('map.controls.fit')}
        title={t('map.controls.fit')}
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
        </svg>
      </button>
    </div>
  )
}
