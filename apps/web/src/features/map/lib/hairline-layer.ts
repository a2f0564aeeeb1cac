import { type LayerProps, picking, project32 } from '@deck.gl/core'
import { SingleDrawLayer, uniformModule, unitColor } from './single-draw-layer'

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
out vec4 vColor;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vColor = vec4(hairline.color.rgb, hairline.color.a * layer.opacity);
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

/** The line colour, one for the whole layer (a uniform, so a colour change costs nothing). */
const hairlineUniforms = uniformModule<{
  color: [number, number, number, number]
}>('hairline', { color: 'vec4<f32>' })

interface HairlineProps extends LayerProps {
  /** Points, two a segment, as binary data (see `hairlineLayer`). */
  data: {
    length: number
    attributes: { getPosition: { value: Float64Array; size: 2 } }
  }
  color: [number, number, number, number]
}

/**
 * One-pixel lines as GL lines, two vertices a segment, in one draw (see SingleDrawLayer).
 * Not pickable: they are decoration over the unit fill.
 */
class HairlineLayer extends SingleDrawLayer<HairlineProps> {
  static override layerName = 'HairlineLayer'
  static override defaultProps = {
    color: { type: 'color', value: [0, 0, 0, 255] },
  }
  protected readonly topology = 'line-list'

  protected shaderSource() {
    return { vs, fs, modules: [project32, picking, hairlineUniforms] }
  }

  protected uniforms() {
    return { hairline: { color: unitColor(this.props.color) } }
  }
}

/** One-pixel lines (base map, borders) from `lineSegments`, in one colour. */
export function hairlineLayer(
  id: string,
  segments: Float64Array,
  color: [number, number, number, number],
  opacity = 1,
) {
  return new HairlineLayer({
    id,
    opacity,
    visible: opacity > 0 && segments.length > 0,
    // Binary data: deck.gl reads the positions as they are, and re-reads them when the
    // array changes (a new array for every change; never mutated in place).
    data: {
      length: segments.length / 2,
      attributes: { getPosition: { value: segments, size: 2 } },
    },
    color,
  })
}
