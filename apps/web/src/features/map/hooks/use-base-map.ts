import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Size } from '../../../hooks/use-element-size'
import {
  BaseMapPainter,
  type BaseMapScene,
  type BasePaint,
} from '../lib/base-map'

/** How long the camera must stay still before the base moves to the 2D canvas. */
const SETTLE_MS = 180

type SceneParts = Pick<
  BaseMapScene,
  'units' | 'colors' | 'owners' | 'fillOpacity' | 'lines'
>

/**
 * The map's base (unit fill and hairlines) on a 2D canvas under deck.gl's, while the camera
 * rests, for software renderers (see lib/base-map for why). `active` says when the base is
 * there: the map then leaves the fill and lines out of its WebGL layers (the fill stays for
 * picking only), so an edit draws no WebGL frame at all. Any camera move hands the base back
 * to WebGL at once; it returns here once the camera has been still for a moment.
 */
export function useBaseMap({
  enabled,
  view,
  size,
  scene,
  onPainted,
}: {
  /** Software renderer: the only case this is worth it. */
  enabled: boolean
  view: BaseMapScene['view']
  size: Size
  scene: SceneParts | null
  onPainted: (paint: BasePaint) => void
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const painter = useRef<BaseMapPainter | null>(null)
  const background = useRef<[number, number, number] | null>(null)
  const [settled, setSettled] = useState<unknown>(null)

  useEffect(() => {
    if (!enabled) return
    const timer = setTimeout(() => setSettled(view), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [enabled, view])

  const active =
    enabled &&
    settled === view &&
    scene !== null &&
    size.width > 0 &&
    size.height > 0

  useLayoutEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    if (!active || !scene) {
      painter.current?.invalidate()
      return
    }
    const ratio = window.devicePixelRatio || 1
    const width = Math.round(size.width * ratio)
    const height = Math.round(size.height * ratio)
    if (canvas.width !== width || canvas.height !== height) {
      // Resizing clears a canvas: everything is drawn anew.
      canvas.width = width
      canvas.height = height
      painter.current?.invalidate()
    }
    if (!painter.current) {
      // A canvas kept in memory, not on the GPU: under a software compositor a GPU-backed one
      // makes the page wait on the GPU process each time it is shown.
      const ctx = canvas.getContext('2d', {
        alpha: false,
        willReadFrequently: true,
      })
      if (!ctx) return
      painter.current = new BaseMapPainter(ctx)
    }
    background.current ??= cssColour(canvas.parentElement)
    const painted = painter.current.paint({
      ...scene,
      view,
      width: size.width,
      height: size.height,
      pixelRatio: ratio,
      background: background.current,
    })
    if (painted.kind !== 'none') onPainted(painted)
  })

  return { canvasRef, active }
}

/** An element's background colour as RGB (the sea under the map); light grey-blue if unset. */
function cssColour(element: Element | null): [number, number, number] {
  const value = element ? getComputedStyle(element).backgroundColor : ''
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [226, 232, 240]
}
