import { memo } from 'react'
import { mercatorProjector } from '../lib/base-map'
import type { MapViewState } from '../lib/view'
import { i18n } from '../../../i18n'

/** A comment thread where it sits on the map. */
export interface ThreadMarker {
  threadId: string
  lonLat: [number, number]
  /** What to say on hover: where and what. */
  label: string
  resolved: boolean
}

/**
 * Comment threads on the map: a small speech-bubble button where each thread sits (a pin's
 * point, a unit's inside point, a territory's label), with the number of threads when
 * several share a place. A click opens the newest there. Drawn as DOM over the map, placed
 * with the map's own web-mercator camera, so they cost the map no WebGL frame.
 */
export const ThreadMarkers = memo(function ThreadMarkers({
  markers,
  view,
  width,
  height,
  onOpen,
  draftPin,
}: {
  markers: readonly ThreadMarker[]
  /** A pin being placed for a new thread: shown, not clickable. */
  draftPin?: [number, number] | null
  view: Pick<MapViewState, 'longitude' | 'latitude' | 'zoom'>
  width: number
  height: number
  onOpen: (threadId: string) => void
}) {
  if (width <= 0 || height <= 0 || (markers.length === 0 && !draftPin))
    return null
  const project = mercatorProjector(view, width, height)
  const draft = draftPin ? project(draftPin[0], draftPin[1]) : null
  const places = new Map<
    string,
    { x: number; y: number; threads: ThreadMarker[] }
  >()
  for (const m of markers) {
    const [x, y] = project(m.lonLat[0], m.lonLat[1])
    if (x < -20 || y < -20 || x > width + 20 || y > height + 20) continue
    // Threads within a few pixels of each other share one marker.
    const key = `${Math.round(x / 12)}:${Math.round(y / 12)}`
    const place = places.get(key)
    if (place) place.threads.push(m)
    else places.set(key, { x, y, threads: [m] })
  }
  return (
    <div className="thread-markers">
      {draft ? (
        <span
          className="thread-marker thread-marker--draft"
          data-testid="draft-pin"
          style={{
            transform: `translate(${Math.round(draft[0])}px, ${Math.round(draft[1])}px)`,
          }}
          title={i18n.t('map.draftPin')}
        >
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            aria-hidden
            fill="currentColor"
          >
            <path d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
          </svg>
        </span>
      ) : null}
      {[...places.entries()].map(([key, p]) => {
        const first = p.threads[0]!
        const label =
          p.threads.length > 1
            ? `${p.threads.length} threads: ${p.threads.map((t) => t.label).join('; ')}`
            : first.label
        return (
          <button
            key={key}
            type="button"
            className="thread-marker"
            data-testid="thread-marker"
            data-resolved={p.threads.every((t) => t.resolved) || undefined}
            style={{
              transform: `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`,
            }}
            title={label}
            aria-label={`Open comment thread: ${label}`}
            onClick={() => onOpen(first.threadId)}
          >
            <svg
              width="14"
              height="14"
              viewBox="0 0 24 24"
              aria-hidden
              fill="currentColor"
            >
              <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
            </svg>
            {p.threads.length > 1 ? <span>{p.threads.length}</span> : null}
          </button>
        )
      })}
    </div>
  )
})
