import { describe, expect, it } from 'vitest'
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
  const labels = placeTerritoryLabels({
    territoryOfUnit: of,
    territoryIds: ['ter_c', 'ter_notch'],
    neighbors,
    anchors,
    describe: (id) => ({
      name: id.toUpperCase(),
      repName: id === 'ter_c' ? 'Rae' : null,
    }),
  })
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
