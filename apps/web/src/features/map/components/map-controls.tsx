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
  return (
    <div className="map-controls" role="group" aria-label="Map controls">
      <button
        type="button"
        className="map-controls__button"
        onClick={onZoomIn}
        aria-label="Zoom in"
        title="Zoom in"
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M8 3v10M3 8h10" />
        </svg>
      </button>
      <button
        type="button"
        className="map-controls__button"
        onClick={onZoomOut}
        aria-label="Zoom out"
        title="Zoom out"
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M3 8h10" />
        </svg>
      </button>
      <button
        type="button"
        className="map-controls__button"
        onClick={onReset}
        aria-label="Fit the whole plan"
        title="Fit the whole plan"
      >
        <svg viewBox="0 0 16 16" aria-hidden>
          <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
        </svg>
      </button>
    </div>
  )
}
