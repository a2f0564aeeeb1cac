import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Size } from '../../../hooks/use-element-size'
import {
  BaseMapPainter,
  type BaseMapScene,
  type BasePaint,
} from '../lib/base-map'
import {
  type FromBaseWorker,
  SceneSender,
  type ToBaseWorker,
} from '../lib/base-map-transport'

/** How long the camera must stay still before the base moves to the 2D canvas. */
const SETTLE_MS = 180

type SceneParts = Pick<
  BaseMapScene,
  'units' | 'colors' | 'owners' | 'fillOpacity' | 'lines'
>

/** Where the base is drawn: a worker holding the canvas, or this thread as a fallback. */
interface Surface {
  paint(scene: BaseMapScene, seq: number): void
  invalidate(): void
  dispose(): void
}

type Reply = FromBaseWorker

/**
 * The map's base (unit fill and hairlines) on a 2D canvas under deck.gl's, while the camera
 * rests, for software renderers (see lib/base-map for why). `active` says when the base is
 * there: the map then leaves the fill and lines out of its WebGL layers, so an edit draws no
 * WebGL frame at all. Any camera move hands the base back to WebGL at once; it returns here
 * once the camera has been still for a moment and the canvas holds that view.
 *
 * The canvas is drawn by a worker where the browser lets a canvas be handed to one
 * (worker/base-map.worker.ts says why); `active` then turns on only once the worker reports
 * the view drawn, so WebGL keeps the fill until the base can take over without a stale frame.
 * Each scene carries a `tag` that `onPainted` gets back with the paint that drew it.
 */
export function useBaseMap<T>({
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
  scene: (SceneParts & { tag: T }) | null
  onPainted: (paint: BasePaint, tag: T) => void
}) {
  const hostRef = useRef<HTMLDivElement>(null)
  const surface = useRef<Surface | null>(null)
  const background = useRef<[number, number, number] | null>(null)
  const [settled, setSettled] = useState<unknown>(null)
  /** The view the canvas shows in full, as the last paint reported. */
  const [shown, setShown] = useState<unknown>(null)
  const sent = useRef(new Map<number, { view: unknown; tag: T }>())
  const seq = useRef(0)
  const painted = useRef(onPainted)
  painted.current = onPainted

  useEffect(() => {
    if (!enabled) return
    const timer = setTimeout(() => setSettled(view), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [enabled, view])

  // The canvas is made here, not rendered: one handed to a worker cannot be handed again,
  // and React may run this effect twice for one element (StrictMode). A layout effect, before
  // the one that paints, so a scene ready at mount is painted in the same commit.
  useLayoutEffect(() => {
    const host = hostRef.current
    if (!enabled || !host) return
    const canvas = document.createElement('canvas')
    canvas.className = 'map__base-canvas'
    host.append(canvas)
    const onReply = (reply: Reply) => {
      const entry = sent.current.get(reply.seq)
      // Replies come in order: every earlier scene is settled too.
      for (const s of sent.current.keys())
        if (s <= reply.seq) sent.current.delete(s)
      if (reply.type === 'failed') {
        console.warn(`Base map not drawn (${reply.message}); WebGL draws it.`)
        setShown(null)
        return
      }
      if (!entry) return
      setShown(() => entry.view)
      if (reply.paint.kind !== 'none') painted.current(reply.paint, entry.tag)
    }
    surface.current =
      workerSurface(canvas, onReply) ?? inlineSurface(canvas, onReply)
    return () => {
      surface.current?.dispose()
      surface.current = null
      sent.current.clear()
      setShown(null)
      canvas.remove()
    }
  }, [enabled])

  const wanted =
    enabled &&
    settled === view &&
    scene !== null &&
    size.width > 0 &&
    size.height > 0

  useLayoutEffect(() => {
    const target = surface.current
    if (!target) return
    if (!wanted || !scene) {
      target.invalidate()
      setShown(null)
      return
    }
    background.current ??= cssColour(hostRef.current?.parentElement ?? null)
    const { tag, ...parts } = scene
    const s = ++seq.current
    sent.current.set(s, { view, tag })
    target.paint(
      {
        ...parts,
        view,
        width: size.width,
        height: size.height,
        pixelRatio: window.devicePixelRatio || 1,
        background: background.current,
      },
      s,
    )
  }, [wanted, scene, view, size.width, size.height])

  return { hostRef, active: wanted && shown === view }
}

/** A worker drawing on the canvas, or null where a canvas cannot be handed to one. */
function workerSurface(
  canvas: HTMLCanvasElement,
  onReply: (reply: Reply) => void,
): Surface | null {
  if (typeof canvas.transferControlToOffscreen !== 'function') return null
  let worker: Worker
  try {
    worker = new Worker(
      new URL('../worker/base-map.worker.ts', import.meta.url),
      { type: 'module', name: 'tessera-base-map' },
    )
    const offscreen = canvas.transferControlToOffscreen()
    const hand: ToBaseWorker = { type: 'canvas', canvas: offscreen }
    worker.postMessage(hand, [offscreen])
  } catch {
    return null
  }
  const sender = new SceneSender()
  worker.onmessage = (event: MessageEvent<Reply>) => onReply(event.data)
  worker.onerror = (event) => {
    event.preventDefault()
    onReply({ type: 'failed', seq: Infinity, message: event.message })
  }
  return {
    paint: (scene, seq) => worker.postMessage(sender.encode(scene, seq)),
    invalidate: () => worker.postMessage({ type: 'invalidate' }),
    dispose: () => worker.terminate(),
  }
}

/** Drawing on this thread, at once. */
function inlineSurface(
  canvas: HTMLCanvasElement,
  onReply: (reply: Reply) => void,
): Surface {
  // A canvas kept in memory, not on the GPU: under a software compositor a GPU-backed one
  // makes the page wait on the GPU process each time it is shown.
  const ctx = canvas.getContext('2d', {
    alpha: false,
    willReadFrequently: true,
  })
  const painter = ctx ? new BaseMapPainter(ctx) : null
  return {
    paint(scene, seq) {
      if (!painter) {
        onReply({ type: 'failed', seq, message: 'no 2D canvas' })
        return
      }
      const ratio = scene.pixelRatio
      const width = Math.round(scene.width * ratio)
      const height = Math.round(scene.height * ratio)
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width
        canvas.height = height
        painter.invalidate()
      }
      onReply({ type: 'painted', seq, paint: painter.paint(scene) })
    },
    invalidate: () => painter?.invalidate(),
    dispose: () => undefined,
  }
}

/** An element's background colour as RGB (the sea under the map); light grey-blue if unset. */
function cssColour(element: Element | null): [number, number, number] {
  const value = element ? getComputedStyle(element).backgroundColor : ''
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [226, 232, 240]
}
