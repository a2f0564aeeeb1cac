import {
  type Accessor,
  type Color,
  type LayerProps,
  type Position,
  picking,
  project32,
} from '@deck.gl/core'
import { SingleDrawLayer, uniformModule, unitColor } from './single-draw-layer'

const vs = /* glsl */ `#version 300 es
#define SHADER_NAME dot-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
in float radii;
out vec4 vFill;
out vec4 vLine;
out float vRadius;
out float vHalfLine;
out float vSize;
void main(void) {
  geometry.worldPosition = positions;
  // One vertex per row, so the vertex number is the picking index.
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vRadius = max(dots.radiusMinPixels, radii * dots.radiusScale);
  vHalfLine = dots.lineWidth * 0.5;
  // Room for the stroke and a pixel of edge smoothing.
  vSize = 2.0 * (vRadius + vHalfLine) + 2.0;
  gl_PointSize = vSize * project.devicePixelRatio;
  vFill = vec4(dots.fillColor.rgb, dots.fillColor.a * layer.opacity);
  vLine = vec4(dots.lineColor.rgb, dots.lineColor.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFill, geometry);
}
`

const fs = /* glsl */ `#version 300 es
#define SHADER_NAME dot-layer-fragment-shader
precision highp float;
in vec4 vFill;
in vec4 vLine;
in float vRadius;
in float vHalfLine;
in float vSize;
out vec4 fragColor;
void main(void) {
  // Distance from the centre in pixels (gl_PointCoord runs 0..1 across the sprite).
  float d = length(gl_PointCoord - 0.5) * vSize;
  float outer = vRadius + vHalfLine;
  float edge = clamp(outer + 0.5 - d, 0.0, 1.0);
  if (edge <= 0.0) discard;
  float inLine = clamp(d - (vRadius - vHalfLine) + 0.5, 0.0, 1.0);
  fragColor = mix(vFill, vLine, inLine);
  fragColor.a *= edge;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`

interface DotUniforms {
  fillColor: [number, number, number, number]
  lineColor: [number, number, number, number]
  radiusScale: number
  radiusMinPixels: number
  lineWidth: number
}

const dotsUniforms = uniformModule<DotUniforms>('dots', {
  fillColor: 'vec4<f32>',
  lineColor: 'vec4<f32>',
  radiusScale: 'f32',
  radiusMinPixels: 'f32',
  lineWidth: 'f32',
})

export interface DotLayerProps<D> extends LayerProps {
  data: readonly D[]
  getPosition: Accessor<D, Position>
  /** Radius in pixels, before `radiusScale`. */
  getRadius: Accessor<D, number>
  fillColor?: Color
  lineColor?: Color
  /** Stroke width in pixels. */
  lineWidth?: number
  radiusScale?: number
  radiusMinPixels?: number
}

/**
 * Stroked circles of one colour, sized per point in pixels, drawn as point sprites: one
 * vertex a point, one draw (see SingleDrawLayer; as a ScatterplotLayer a thousand account
 * dots cost 30 ms a frame in a software renderer). Pickable (the vertex number is the row), so
 * hover and `autoHighlight` work as with the ScatterplotLayer. Sprites stop at the GPU's
 * largest point size (at least 64 px on every WebGL 2 device), far above an account dot.
 */
export class DotLayer<D> extends SingleDrawLayer<Required<DotLayerProps<D>>> {
  static override layerName = 'DotLayer'
  static override defaultProps = {
    getPosition: {
      type: 'accessor',
      value: (x: { position: Position }) => x.position,
    },
    getRadius: { type: 'accessor', value: 1 },
    fillColor: { type: 'color', value: [0, 0, 0, 255] },
    lineColor: { type: 'color', value: [255, 255, 255, 255] },
    lineWidth: { type: 'number', value: 1, min: 0 },
    radiusScale: { type: 'number', value: 1, min: 0 },
    radiusMinPixels: { type: 'number', value: 0, min: 0 },
  }
  protected readonly topology = 'point-list'

  protected shaderSource() {
    return { vs, fs, modules: [project32, picking, dotsUniforms] }
  }

  protected override addAttributes() {
    this.getAttributeManager()!.add({
      radii: { size: 1, accessor: 'getRadius', defaultValue: 1 },
    })
  }

  protected override uniforms() {
    const p = this.props
    return {
      dots: {
        fillColor: unitColor(p.fillColor),
        lineColor: unitColor(p.lineColor),
        radiusScale: p.radiusScale,
        radiusMinPixels: p.radiusMinPixels,
        lineWidth: p.lineWidth,
      },
    }
  }
}
