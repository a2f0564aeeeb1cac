import { type LayerProps, picking, project32 } from '@deck.gl/core'
import { SingleDrawLayer } from './single-draw-layer'

/**
 * Segments as one flat array `[x0, y0, x1, y1, …]` (lon/lat), the layout `hairlineLayer`
 * reads without a per-segment object or accessor call.
 */
export function lineSegments(
  lines: GeoJSON.MultiLineString | null,
): Float64Array {
  if (!lines) return new Float64Array(0)
  let n = 0
  for (const line of lines.coordinates) n += Math.max(0, line.length - 1)
  const out = new Float64Array(n * 4)
  let k = 0
  for (const line of lines.coordinates) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!
      const b = line[i]!
      out[k++] = a[0]!
      out[k++] = a[1]!
      out[k++] = b[0]!
      out[k++] = b[1]!
    }
  }
  return out
}

const vs = /* glsl */ `#version 300 es
#define SHADER_NAME hairline-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in vec4 colors;
out vec4 vColor;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`

const fs = /* glsl */ `#version 300 es
#define SHADER_NAME hairline-layer-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`

interface HairlineProps extends LayerProps {
  /** Points, two a segment, and an RGBA per point, as binary data (see `hairlinesLayer`). */
  data: {
    length: number
    attributes: {
      getPosition: { value: Float64Array; size: 2 }
      getColor: { value: Uint8ClampedArray; size: 4; normalized: true }
    }
  }
}

/**
 * One-pixel lines as GL lines, two vertices a segment, in one draw (see SingleDrawLayer),
 * each set in its own colour. Not pickable: they are decoration over the unit fill.
 */
class HairlineLayer extends SingleDrawLayer<HairlineProps> {
  static override layerName = 'HairlineLayer'
  protected readonly topology = 'line-list'

  protected shaderSource() {
    return { vs, fs, modules: [project32, picking] }
  }

  protected override addAttributes() {
    this.getAttributeManager()!.add({
      colors: { size: 4, type: 'unorm8', accessor: 'getColor' },
    })
  }
}

/** A set of lines from `lineSegments`, its colour, and how visible it is (0–1). */
export interface LineSet {
  segments: Float64Array
  color: [number, number, number, number]
  opacity?: number
}

/**
 * Several sets of one-pixel lines (base map, borders) as one layer and one draw call, drawn
 * in the order given: every draw has a fixed cost in a software renderer, about 2 ms in
 * SwiftShader, whatever its size.
 */
export function hairlinesLayer(id: string, sets: readonly LineSet[]) {
  const shown = sets.filter(
    (s) => (s.opacity ?? 1) > 0 && s.segments.length > 0,
  )
  const points = shown.reduce((n, s) => n + s.segments.length / 2, 0)
  const positions = new Float64Array(points * 2)
  const colors = new Uint8ClampedArray(points * 4)
  let at = 0
  for (const set of shown) {
    positions.set(set.segments, at * 2)
    const [r, g, b, a] = set.color
    const alpha = Math.round(a * (set.opacity ?? 1))
    const end = at + set.segments.length / 2
    for (let v = at; v < end; v++) {
      colors[v * 4] = r
      colors[v * 4 + 1] = g
      colors[v * 4 + 2] = b
      colors[v * 4 + 3] = alpha
    }
    at = end
  }
  return new HairlineLayer({
    id,
    visible: points > 0,
    // Binary data: deck.gl reads it as it is, and re-reads it when the arrays change (new
    // arrays for every change; never mutated in place).
    data: {
      length: points,
      attributes: {
        getPosition: { value: positions, size: 2 },
        getColor: { value: colors, size: 4, normalized: true },
      },
    },
  })
}
