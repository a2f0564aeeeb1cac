/// <reference lib="webworker" />
import { BaseMapPainter } from '../lib/base-map'
import {
  type FromBaseWorker,
  SceneReceiver,
  type ToBaseWorker,
} from '../lib/base-map-transport'

/**
 * Draws the 2D base map (lib/base-map) on a canvas the page handed over
 * (`transferControlToOffscreen`).
 *
 * Why a worker: drawing a changed unit takes well under a millisecond, but handing a
 * changed canvas to the compositor sometimes does not. Chromium then registers a new shared
 * image with the GPU process and waits for it (`Canvas2DResourceProvider::
 * ProduceCanvasResource`, 30–60 ms seen under a software compositor). On the page's thread
 * that wait is a long task in the middle of an edit; here it holds up only this thread, and
 * the page keeps answering the pointer.
 */
let canvas: OffscreenCanvas | null = null
let painter: BaseMapPainter | null = null
const receiver = new SceneReceiver()

const post = (message: FromBaseWorker) => self.postMessage(message)

self.onmessage = (event: MessageEvent<ToBaseWorker>) => {
  const message = event.data
  if (message.type === 'canvas') {
    canvas = message.canvas
    // A canvas kept in memory, not on the GPU: under a software compositor a GPU-backed one
    // waits on the GPU process for every frame.
    const ctx = canvas.getContext('2d', {
      alpha: false,
      willReadFrequently: true,
    })
    painter = ctx ? new BaseMapPainter(ctx) : null
    return
  }
  if (message.type === 'invalidate') {
    painter?.invalidate()
    return
  }
  try {
    // Decoded even without a canvas: the receiver must follow every scene sent.
    const scene = receiver.decode(message)
    if (!canvas || !painter) throw new Error('no 2D canvas in the worker')
    const width = Math.round(scene.width * scene.pixelRatio)
    const height = Math.round(scene.height * scene.pixelRatio)
    if (canvas.width !== width || canvas.height !== height) {
      // Resizing clears a canvas: everything is drawn anew.
      canvas.width = width
      canvas.height = height
      painter.invalidate()
    }
    post({ type: 'painted', seq: message.seq, paint: painter.paint(scene) })
  } catch (error) {
    painter?.invalidate()
    post({
      type: 'failed',
      seq: message.seq,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
