import type { BaseMapScene, BasePaint, UnitRings } from './base-map'

/**
 * Messages between the page and the worker that draws the 2D base map (see
 * worker/base-map.worker.ts for why a worker).
 *
 * The painter tells what changed by identity — the same `units` object means the same
 * polygons, the same segments array means unchanged lines — and the polygons and the static
 * hairlines are the large part of a scene. So each large array gets a number, is sent once,
 * and is named by its number afterwards; the worker resolves a number to the one object it
 * received, so identity survives the crossing. Colours and owners are small (a few bytes per
 * unit) and are compared by content, so they are sent each time.
 */

export interface SentLineSet {
  id: number
  /** Present the first time this set's segments are sent. */
  segments?: Float64Array
  color: [number, number, number, number]
  opacity?: number
}

export interface PaintMessage {
  type: 'paint'
  seq: number
  unitsId: number
  /** Present the first time these polygons are sent. */
  units?: UnitRings
  colors: Uint8Array
  owners: Int32Array | null
  fillOpacity: number
  background: readonly [number, number, number]
  lines: SentLineSet[]
  view: BaseMapScene['view']
  width: number
  height: number
  pixelRatio: number
}

export type ToBaseWorker =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  | { type: 'invalidate' }
  | PaintMessage

export type FromBaseWorker =
  | { type: 'painted'; seq: number; paint: BasePaint }
  | { type: 'failed'; seq: number; message: string }

/** The page's side: turns scenes into messages, sending each large array only once. */
export class SceneSender {
  private ids = new WeakMap<object, number>()
  private nextId = 1
  /** Ids the worker holds: those of the last scene sent. */
  private held = new Set<number>()

  /** After the worker was replaced, nothing is held any more. */
  reset() {
    this.held = new Set()
  }

  encode(scene: BaseMapScene, seq: number): PaintMessage {
    const held = new Set<number>()
    const idOf = (o: object) => {
      let id = this.ids.get(o)
      if (id === undefined) {
        id = this.nextId++
        this.ids.set(o, id)
      }
      held.add(id)
      return id
    }
    const unitsId = idOf(scene.units)
    const lines = scene.lines.map((set): SentLineSet => {
      const id = idOf(set.segments)
      return {
        id,
        color: set.color,
        ...(set.opacity === undefined ? {} : { opacity: set.opacity }),
        ...(this.held.has(id) ? {} : { segments: set.segments }),
      }
    })
    const message: PaintMessage = {
      type: 'paint',
      seq,
      unitsId,
      ...(this.held.has(unitsId) ? {} : { units: scene.units }),
      colors: scene.colors,
      owners: scene.owners,
      fillOpacity: scene.fillOpacity,
      background: scene.background,
      lines,
      view: scene.view,
      width: scene.width,
      height: scene.height,
      pixelRatio: scene.pixelRatio,
    }
    this.held = held
    return message
  }
}

/** The worker's side: messages back into scenes, with the objects it already holds. */
export class SceneReceiver {
  private held = new Map<number, object>()

  decode(message: PaintMessage): BaseMapScene {
    const held = new Map<number, object>()
    const resolve = <T extends object>(id: number, sent: T | undefined): T => {
      const o = (sent ?? this.held.get(id)) as T | undefined
      if (!o) throw new Error(`base map: array ${id} was never sent`)
      held.set(id, o)
      return o
    }
    const scene: BaseMapScene = {
      units: resolve(message.unitsId, message.units),
      colors: message.colors,
      owners: message.owners,
      fillOpacity: message.fillOpacity,
      background: message.background,
      lines: message.lines.map((set) => ({
        segments: resolve(set.id, set.segments),
        color: set.color,
        ...(set.opacity === undefined ? {} : { opacity: set.opacity }),
      })),
      view: message.view,
      width: message.width,
      height: message.height,
      pixelRatio: message.pixelRatio,
    }
    this.held = held
    return scene
  }
}
