import { describe, expect, it, vi } from 'vitest'
import {
  LABEL_MIN_ZOOM,
  type TerritoryLabel,
  labelsShownAt,
  placeTerritoryLabels,
} from './territory-labels'

/**
 * A 4×3 grid of unit squares (index = row * 4 + col). Territory 0 is a "C" whose centroid
 * falls in the notch; territory 1 fills the notch and also owns the far corner (unit 11), a
 * second, smaller piece.
 *
 *   row 2:  0 0 0 1
 *   row 1:  0 1 1 -
 *   row 0:  0 0 0 0
 */
const of = Int32Array.from([0, 0, 0, 0, 0, 1, 1, -1, 0, 0, 0, 1])
const neighbors = Array.from(of, (_, i) => {
  const [r, c] = [Math.floor(i / 4), i % 4]
  return [
    [r - 1, c],
    [r + 1, c],
    [r, c - 1],
    [r, c + 1],
  ]
    .filter(([y, x]) => y! >= 0 && y! < 3 && x! >= 0 && x! < 4)
    .map(([y, x]) => y! * 4 + x!)
})
const anchors = {
  points: Array.from(of, (_, i) => [
    (i % 4) + 0.5,
    Math.floor(i / 4) + 0.5,
  ]) as [number, number][],
  areas: new Float64Array(of.length).fill(1),
}

describe('placeTerritoryLabels', () => {
  const input = {
    territoryOfUnit: of,
    territoryIds: ['ter_c', 'ter_notch'],
    neighbors,
    anchors,
    describe: (id: string) => ({
      name: id.toUpperCase(),
      repName: id === 'ter_c' ? 'Rae' : null,
    }),
  }
  const { labels } = placeTerritoryLabels(input)
  const byId = new Map(labels.map((l) => [l.territoryId, l]))

  it('puts a concave territory’s label on one of its own units', () => {
    const c = byId.get('ter_c')!
    const unit = anchors.points.findIndex(
      (p) => p[0] === c.position[0] && p[1] === c.position[1],
    )
    expect(of[unit]).toBe(0)
    expect(c).toMatchObject({ name: 'TER_C', repName: 'Rae', weight: 8 })
  })

  it('labels the largest piece of a split territory', () => {
    const notch = byId.get('ter_notch')!
    // Units 5 and 6 (two units) beat unit 11 (one unit) at the far corner.
    expect([
      [1.5, 1.5],
      [2.5, 1.5],
    ]).toContainEqual(notch.position)
    expect(notch.weight).toBe(2)
  })

  it('after an edit, re-places only the territories it touched, as a fresh placement would', () => {
    // A third territory at the bottom-left; then unit 11 (the notch's far piece) moves to it.
    const three = { ...input, territoryIds: ['ter_c', 'ter_notch', 'ter_x'] }
    const first = placeTerritoryLabels({
      ...three,
      territoryOfUnit: Int32Array.from([2, 0, 0, 0, 0, 1, 1, -1, 0, 0, 0, 1]),
    })
    const moved = {
      ...three,
      territoryOfUnit: Int32Array.from([2, 0, 0, 0, 0, 1, 1, -1, 0, 0, 0, 2]),
    }
    const describe = vi.fn(three.describe)
    const next = placeTerritoryLabels({ ...moved, describe }, first)
    expect(next.labels).toEqual(placeTerritoryLabels(moved).labels)
    // ter_c was not touched: the same placement object is kept, not flooded again.
    expect(next.placements.get(0)).toBe(first.placements.get(0))
    expect(next.placements.get(2)).not.toBe(first.placements.get(2))
    // Names are read afresh for every label (a rename is not an assignment change).
    expect(describe).toHaveBeenCalledTimes(3)
  })

  it('places everything anew when the territories are numbered differently', () => {
    const first = placeTerritoryLabels(input)
    const swapped = {
      ...input,
      territoryIds: ['ter_notch', 'ter_c'],
      territoryOfUnit: Int32Array.from(of, (t) => (t < 0 ? t : 1 - t)),
    }
    const next = placeTerritoryLabels(swapped, first)
    expect(next.labels).toEqual(placeTerritoryLabels(swapped).labels)
    expect(new Set(next.labels.map((l) => l.territoryId))).toEqual(
      new Set(['ter_c', 'ter_notch']),
    )
  })

  it('drops the label of a territory that lost its last unit', () => {
    const first = placeTerritoryLabels(input)
    const gone = {
      ...input,
      territoryOfUnit: Int32Array.from(of, (t) => (t === 1 ? 0 : t)),
    }
    const next = placeTerritoryLabels(gone, first)
    expect(next.labels.map((l) => l.territoryId)).toEqual(['ter_c'])
    expect(next.labels[0]!.weight).toBe(11)
  })
})

describe('labelsShownAt', () => {
  const label = (id: string, lon: number, weight: number): TerritoryLabel => ({
    territoryId: id,
    name: 'Territory name',
    repName: 'Rep Name',
    position: [lon, 40],
    weight,
  })
  const labels = [label('small', -100.05, 1), label('big', -100, 5)]

  it('hides every label at country zoom', () => {
    expect(labelsShownAt(labels, LABEL_MIN_ZOOM - 0.5).size).toBe(0)
  })

  it('keeps the larger territory’s label when two collide, both when apart', () => {
    expect([...labelsShownAt(labels, 6)]).toEqual(['big'])
    expect(labelsShownAt(labels, 11).size).toBe(2)
  })
})
