import type { SelectionDraft } from '../hooks/use-pointer-tools'

/**
 * The rectangle or lasso being drawn, over the canvas in screen pixels: it follows the
 * pointer without redrawing a deck layer on every move.
 */
export function SelectionOverlay({ draft }: { draft: SelectionDraft | null }) {
  if (!draft) return null
  if (draft.kind === 'rectangle') {
    const [x0, y0] = draft.from
    const [x1, y1] = draft.to
    return (
      <div
        className="map-selection map-selection--rect"
        data-testid="selection-rectangle"
        aria-hidden
        style={{
          left: Math.min(x0, x1),
          top: Math.min(y0, y1),
          width: Math.abs(x1 - x0),
          height: Math.abs(y1 - y0),
        }}
      />
    )
  }
  return (
    <svg
      className="map-selection map-selection--lasso"
      data-testid="selection-lasso"
      aria-hidden
    >
      <polygon points={draft.points.map((p) => p.join(',')).join(' ')} />
    </svg>
  )
}
