import {
  FlyToInterpolator,
  type InteractionState,
  LinearInterpolator,
} from '@deck.gl/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Size } from '../../../hooks/use-element-size'
import {
  type Bounds,
  CONTIGUOUS_US,
  type MapViewState,
  fitView,
} from '../lib/view'

/** The camera as deck.gl takes it: a view state, optionally with a transition to it. */
export type CameraState = MapViewState & {
  transitionDuration?: number
  transitionInterpolator?: FlyToInterpolator | LinearInterpolator
}

const ZOOM_INTERPOLATOR = new LinearInterpolator(['zoom'])
/** Room around the country when fitting it: less on a phone, where every pixel counts. */
const fitPadding = (width: number) => (width < 560 ? 16 : 28)
const FOCUS_PADDING = 56

/**
 * The map's camera. It fits the layer's home area (the contiguous US for the US counties;
 * see `homeBounds`) again on every resize until the user moves it; from then on it is
 * theirs, until they ask for the whole area back or another layer (another plan's
 * geography) opens.
 */
export function useMapCamera(size: Size, home: Bounds = CONTIGUOUS_US) {
  const [view, setView] = useState<CameraState>(() =>
    fitView(home, 1024, 640, fitPadding(1024)),
  )
  const userMoved = useRef(false)
  const lastHome = useRef(home)

  useEffect(() => {
    if (lastHome.current !== home) {
      lastHome.current = home
      userMoved.current = false
    }
    if (size.width > 0 && size.height > 0 && !userMoved.current) {
      setView(fitView(home, size.width, size.height, fitPadding(size.width)))
    }
  }, [size.width, size.height, home])

  /** Deck's report of a camera change. */
  const onViewStateChange = useCallback(
    ({
      viewState,
      interactionState: s,
    }: {
      viewState: unknown
      interactionState: InteractionState
    }) => {
      // Deck also reports the camera when the canvas is set up or resized; only a gesture
      // or a running transition moves it (and a gesture makes the camera the user's).
      const gesture = Boolean(
        s.isDragging || s.isPanning || s.isZooming || s.isRotating,
      )
      if (!gesture && !s.inTransition) return
      if (gesture) userMoved.current = true
      const { longitude, latitude, zoom } = viewState as MapViewState
      // Pitch and bearing stay 0: a territory map is read flat and north-up.
      setView((v) => ({
        ...v,
        longitude,
        latitude,
        zoom,
        transitionDuration: undefined,
        transitionInterpolator: undefined,
      }))
    },
    [],
  )

  const flyTo = useCallback(
    (bounds: Bounds) => {
      if (size.width === 0) return
      userMoved.current = true
      setView({
        ...fitView(bounds, size.width, size.height, FOCUS_PADDING, 9),
        transitionDuration: 650,
        transitionInterpolator: new FlyToInterpolator({ speed: 2 }),
      })
    },
    [size.width, size.height],
  )

  const zoomBy = useCallback((delta: number) => {
    userMoved.current = true
    setView((v) => ({
      ...v,
      zoom: Math.min(v.maxZoom, Math.max(v.minZoom, v.zoom + delta)),
      transitionDuration: 200,
      transitionInterpolator: ZOOM_INTERPOLATOR,
    }))
  }, [])

  const fitCountry = useCallback(() => {
    userMoved.current = false
    setView({
      ...fitView(home, size.width, size.height, fitPadding(size.width)),
      transitionDuration: 500,
      transitionInterpolator: new FlyToInterpolator(),
    })
  }, [size.width, size.height, home])

  return { view, onViewStateChange, flyTo, zoomBy, fitCountry }
}
