import { useEffect, useState } from 'react'
import type { Topology } from 'topojson-specification'
import { type BaseLines, baseLinesNear } from '../lib/base-lines'
import type { UnitGeometry } from '../lib/unit-geometry'
import type { Bounds } from '../lib/view'

/**
 * The world base map (country outlines, US states) for a layer without its own outline
 * objects, such as hexagons: the data (≈0.9 MB) is a separate chunk, fetched only then.
 */
export function useBaseLines(
  geometry: UnitGeometry | undefined,
  home: Bounds,
): BaseLines | null {
  const [lines, setLines] = useState<BaseLines | null>(null)
  const needed = Boolean(geometry && !geometry.nationLines)
  useEffect(() => {
    if (!needed) {
      setLines(null)
      return
    }
    let cancelled = false
    void Promise.all([
      import('world-atlas/countries-50m.json'),
      import('us-atlas/states-10m.json'),
    ]).then(([countries, states]) => {
      if (cancelled) return
      setLines(
        baseLinesNear(
          countries.default as unknown as Topology,
          states.default as unknown as Topology,
          home,
        ),
      )
    })
    return () => {
      cancelled = true
    }
  }, [needed, home])
  return lines
}
