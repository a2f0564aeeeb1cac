import counties from 'us-atlas/counties-10m.json' with { type: 'json' }
import type { Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import { borderSegments, buildArcIndex, decodeArcs } from './arc-index'
import { fillDetail, polygonVertexCount } from './fill-detail'
import { buildUnitGeometry } from './unit-geometry'

const topology = counties as unknown as Topology
const geometry = buildUnitGeometry(topology, 'counties')
const index = buildArcIndex(geometry)
const arcs = decodeArcs(topology)
const territoryOfUnit = Int32Array.from(geometry.unitIds, (id) =>
  Number(id.slice(0, 2)),
)

describe('fillDetail', () => {
  const detail = fillDetail(geometry)

  it('drops most vertices at country scale and keeps every unit', () => {
    const country = detail(3.6)
    expect(country.features).toHaveLength(geometry.features.length)
    expect(polygonVertexCount(country.features)).toBeLessThan(
      0.6 * polygonVertexCount(geometry.features),
    )
    for (const [i, f] of country.features.entries()) {
      expect(f.properties.unitIndex).toBe(i)
      const polygons =
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.coordinates
      expect(polygons.length).toBeGreaterThan(0)
      for (const rings of polygons)
        expect(rings[0]!.length).toBeGreaterThanOrEqual(4)
    }
  })

  it('is the original geometry at street scale, and each level is built once', () => {
    expect(detail(12).features).toBe(geometry.features)
    expect(detail(3.2)).toBe(detail(3.9))
  })

  it('simplifies borders with the polygons: their arcs come from the same level', () => {
    const country = detail(3.6)
    const border = borderSegments(index, country.arcs, territoryOfUnit)
    const full = borderSegments(index, arcs, territoryOfUnit)
    expect(border.length).toBeGreaterThan(0)
    expect(border.length).toBeLessThan(full.length)
    const vertices = new Set(
      country.features.flatMap((f) =>
        (f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.coordinates
        )
          .flat(2)
          .map((p) => `${p[0]},${p[1]}`),
      ),
    )
    for (let i = 0; i < border.length; i += 2)
      expect(vertices.has(`${border[i]},${border[i + 1]}`)).toBe(true)
  })
})
