import { describe, expect, it } from 'vitest'
import type { BaseMapScene } from './base-map'
import {
  type PaintMessage,
  SceneReceiver,
  SceneSender,
} from './base-map-transport'

const units = {
  coords: new Float64Array([0, 0, 1, 0, 1, 1]),
  ringStart: new Uint32Array([0, 3]),
  unitRing: new Uint32Array([0, 1]),
}
const coast = new Float64Array([0, 0, 5, 5])

function scene(borders: Float64Array, colour = 200): BaseMapScene {
  return {
    units,
    colors: new Uint8Array([colour, 0, 0, 255]),
    owners: new Int32Array([0]),
    fillOpacity: 1,
    background: [1, 2, 3],
    lines: [
      { segments: coast, color: [0, 0, 0, 255] },
      { segments: borders, color: [9, 9, 9, 255], opacity: 0.5 },
    ],
    view: { longitude: 0, latitude: 0, zoom: 3 },
    width: 100,
    height: 50,
    pixelRatio: 2,
  }
}

/** What crossing to a worker does to a message: a deep copy. */
const cross = (m: PaintMessage): PaintMessage => structuredClone(m)

describe('base map transport', () => {
  it('sends the polygons and each line array once, and keeps their identity across', () => {
    const sender = new SceneSender()
    const receiver = new SceneReceiver()
    const borders1 = new Float64Array([1, 1, 2, 2])
    const first = sender.encode(scene(borders1), 1)
    expect(first.units).toBe(units)
    expect(first.lines.map((l) => Boolean(l.segments))).toEqual([true, true])
    const a = receiver.decode(cross(first))
    expect(a.units.coords).toEqual(units.coords)
    expect(a.lines[1]).toMatchObject({ color: [9, 9, 9, 255], opacity: 0.5 })

    // An edit: new colours and new borders, the same polygons and coastline.
    const borders2 = new Float64Array([1, 1, 3, 3])
    const second = sender.encode(scene(borders2, 7), 2)
    expect(second.units).toBeUndefined()
    expect(second.lines[0]!.segments).toBeUndefined()
    expect(second.lines[1]!.segments).toBe(borders2)
    const b = receiver.decode(cross(second))
    expect(b.units).toBe(a.units)
    expect(b.lines[0]!.segments).toBe(a.lines[0]!.segments)
    expect([...b.lines[1]!.segments]).toEqual([1, 1, 3, 3])
    expect([...b.colors]).toEqual([7, 0, 0, 255])
  })

  it('lets go of arrays the last scene no longer names, and sends them again if they return', () => {
    const sender = new SceneSender()
    const receiver = new SceneReceiver()
    const borders1 = new Float64Array([1, 1, 2, 2])
    receiver.decode(cross(sender.encode(scene(borders1), 1)))
    receiver.decode(cross(sender.encode(scene(new Float64Array(4)), 2)))
    // Undo brings the first borders back: the worker no longer holds them, so they go again.
    const again = sender.encode(scene(borders1), 3)
    expect(again.lines[1]!.segments).toBe(borders1)
    expect([...receiver.decode(cross(again)).lines[1]!.segments]).toEqual([
      1, 1, 2, 2,
    ])
  })

  it('sends everything again after a reset (a new worker)', () => {
    const sender = new SceneSender()
    sender.encode(scene(coast), 1)
    sender.reset()
    const fresh = sender.encode(scene(coast), 2)
    expect(fresh.units).toBe(units)
    expect(fresh.lines.every((l) => l.segments)).toBe(true)
    expect(() =>
      new SceneReceiver().decode(
        cross(sender.encode(scene(coast), 3)) as PaintMessage,
      ),
    ).toThrow(/never sent/)
  })
})
