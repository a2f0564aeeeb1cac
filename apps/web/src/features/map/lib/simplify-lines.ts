import simplify from '@turf/simplify'

/**
 * Lines drawn at a zoom never need detail finer than a pixel. Every vertex costs the same
 * in the vertex shader (and a software renderer — headless browsers, locked-down laptops —
 * pays for each on the CPU), so coastlines and borders are simplified per whole zoom level:
 * Douglas–Peucker with a tolerance of one pixel at the top of that level (half a pixel at
 * its bottom), so no line is ever more than a pixel off.
 */
export function zoomLevelTolerance(zoom: number): number {
  const level = Math.max(0, Math.floor(zoom))
  // deck.gl's world is 512 px wide at zoom 0; 360° across.
  return 360 / (512 * 2 ** (level + 1))
}

export function simplifyLines(
  lines: GeoJSON.MultiLineString | null,
  tolerance: number,
): GeoJSON.MultiLineString | null {
  if (!lines || tolerance <= 0) return lines
  const out = simplify(
    { type: 'Feature', properties: {}, geometry: lines },
    { tolerance, highQuality: false, mutate: false },
  ).geometry as GeoJSON.MultiLineString
  // A line shorter than the tolerance collapses to its ends; drop degenerate ones.
  return {
    type: 'MultiLineString',
    coordinates: out.coordinates.filter((l) => l.length >= 2),
  }
}

/** How many vertices a set of lines has (for tests and the benchmark's notes). */
export function vertexCount(lines: GeoJSON.MultiLineString | null): number {
  return lines ? lines.coordinates.reduce((n, l) => n + l.length, 0) : 0
}
